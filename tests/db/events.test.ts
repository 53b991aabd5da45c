import { beforeEach, describe, expect, it } from 'vitest';
import { countStoredEvents, storedEvent } from './eventHelpers';
import {
  countsForLesson,
  deleteEvent,
  listLessonEvents,
  logEvent,
  tallyEvents,
  totalOf,
  updateEventQualifiers,
} from '../../src/db/repo/events';
import { startLesson } from '../../src/db/repo/lessons';
import type { LessonRecord } from '../../src/model/types';
import { freshDbWithClass, T0 } from './loggingFixtures';

let ctx: Awaited<ReturnType<typeof freshDbWithClass>>;
let lesson: LessonRecord;
beforeEach(async () => {
  ctx = await freshDbWithClass();
  lesson = await startLesson({ classId: ctx.cls.id, date: '2025-03-03', startTime: '09:00' }, T0);
});

const at = (sec: number) => new Date(T0.getTime() + sec * 1000);

describe('logEvent', () => {
  it('stores a live event with the lesson date and exact time', async () => {
    const sem = ctx.pupils[0]!;
    const event = await logEvent({ lessonId: lesson.id, pupilId: sem.id, kind: 'turn' }, at(5));
    expect(event).toMatchObject({
      classId: ctx.cls.id,
      lessonId: lesson.id,
      pupilId: sem.id,
      kind: 'turn',
      date: '2025-03-03',
      at: at(5).toISOString(),
      loggedAfter: false,
    });
    expect(await storedEvent(ctx.db, event.id)).toEqual(event);
  });

  it("uses the lesson's own class and date, not the ones the screen passes", async () => {
    const event = await logEvent({
      lessonId: lesson.id,
      pupilId: ctx.pupils[0]!.id,
      kind: 'praise',
      classId: 'stale-class',
      date: '2025-01-01',
      qualifiers: { praiseType: 'specific' },
    });
    expect(event).toMatchObject({
      classId: ctx.cls.id,
      date: '2025-03-03',
      praiseType: 'specific',
    });
    expect(await storedEvent(ctx.db, event.id)).toEqual(event);
  });

  it('flags an event logged afterwards without time', async () => {
    const event = await logEvent({
      lessonId: lesson.id,
      pupilId: ctx.pupils[0]!.id,
      kind: 'help',
      loggedAfter: true,
    });
    expect(event.at).toBeNull();
    expect(event.loggedAfter).toBe(true);
  });

  it('refuses unknown kinds, misplaced qualifiers and unknown lessons', async () => {
    const pupilId = ctx.pupils[0]!.id;
    await expect(
      logEvent({ lessonId: lesson.id, pupilId, kind: 'shout' as never }),
    ).rejects.toMatchObject({
      code: 'unknownKind',
    });
    await expect(
      logEvent({
        lessonId: lesson.id,
        pupilId,
        kind: 'praise',
        qualifiers: { initiative: 'called' },
      }),
    ).rejects.toMatchObject({ code: 'qualifierNotForKind' });
    await expect(
      logEvent({
        lessonId: lesson.id,
        pupilId,
        kind: 'turn',
        qualifiers: { initiative: 'shouted' as never },
      }),
    ).rejects.toMatchObject({ code: 'qualifierInvalid' });
    await expect(logEvent({ lessonId: 'nope', pupilId, kind: 'turn' })).rejects.toMatchObject({
      code: 'lessonNotFound',
    });
    expect(await countStoredEvents(ctx.db)).toBe(0);
  });
});

describe('qualifiers, undo and counts', () => {
  it('sets, replaces and clears qualifiers valid for the kind', async () => {
    const e = await logEvent(
      { lessonId: lesson.id, pupilId: ctx.pupils[0]!.id, kind: 'turn' },
      at(1),
    );
    await updateEventQualifiers(
      lesson.id,
      e.id,
      { initiative: 'volunteered', waitTime: true },
      at(2),
    );
    let stored = await storedEvent(ctx.db, e.id);
    expect(stored).toMatchObject({
      initiative: 'volunteered',
      waitTime: true,
      updatedAt: at(2).toISOString(),
    });
    await updateEventQualifiers(
      lesson.id,
      e.id,
      { initiative: 'called', questionLevel: 'higher' },
      at(3),
    );
    await updateEventQualifiers(lesson.id, e.id, { waitTime: null }, at(4));
    stored = await storedEvent(ctx.db, e.id);
    expect(stored).toMatchObject({ initiative: 'called', questionLevel: 'higher' });
    expect(stored && 'waitTime' in stored).toBe(false);
    await expect(
      updateEventQualifiers(lesson.id, e.id, { praiseType: 'general' }),
    ).rejects.toMatchObject({
      code: 'qualifierNotForKind',
    });
    // Refused: the stored event is as it was.
    expect(await storedEvent(ctx.db, e.id)).toEqual(stored);
    await expect(updateEventQualifiers(lesson.id, 'nope', {})).rejects.toMatchObject({
      code: 'eventNotFound',
    });
  });

  it('counts per pupil per kind and forgets an undone event', async () => {
    const [sem, noor] = ctx.pupils;
    const log = (pupilId: string, kind: 'turn' | 'praise' | 'correctionWork', s: number) =>
      logEvent({ lessonId: lesson.id, pupilId, kind }, at(s));
    await log(sem!.id, 'turn', 1);
    await log(sem!.id, 'turn', 2);
    await log(sem!.id, 'praise', 3);
    await log(noor!.id, 'correctionWork', 4);
    const last = await log(noor!.id, 'turn', 5);
    // An event of another lesson does not count.
    const other = await startLesson({
      classId: ctx.cls.id,
      date: '2025-03-04',
      startTime: '09:00',
    });
    await logEvent({ lessonId: other.id, pupilId: sem!.id, kind: 'turn' });

    expect(await countsForLesson(lesson.id)).toEqual({
      [sem!.id]: { turn: 2, praise: 1 },
      [noor!.id]: { correctionWork: 1, turn: 1 },
    });
    await deleteEvent(lesson.id, last.id);
    expect(await storedEvent(ctx.db, last.id)).toBeUndefined();
    expect(await countsForLesson(lesson.id)).toEqual({
      [sem!.id]: { turn: 2, praise: 1 },
      [noor!.id]: { correctionWork: 1 },
    });
    expect((await listLessonEvents(lesson.id)).map((e) => e.kind)).toEqual([
      'turn',
      'turn',
      'praise',
      'correctionWork',
    ]);
  });

  it('tallies and totals in memory', () => {
    const counts = tallyEvents([
      { pupilId: 'a', kind: 'turn' },
      { pupilId: 'a', kind: 'help' },
      { pupilId: 'b', kind: 'turn' },
      { pupilId: 'a', kind: 'turn' },
    ]);
    expect(counts).toEqual({ a: { turn: 2, help: 1 }, b: { turn: 1 } });
    expect(totalOf(counts.a)).toBe(3);
    expect(totalOf(undefined)).toBe(0);
  });
});
