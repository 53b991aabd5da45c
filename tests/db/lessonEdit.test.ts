/** Issue 9: fixing a lesson afterwards (repository). */
import { beforeEach, describe, expect, it } from 'vitest';
import { countStoredEvents, storedEvent } from './eventHelpers';
import { deleteEvent, logEvent } from '../../src/db/repo/events';
import { loadLessonEditData, updateEvent } from '../../src/db/repo/lessonEdit';
import { deleteLesson, restoreLesson, startLesson } from '../../src/db/repo/lessons';
import { loadInsightsData } from '../../src/db/repo/insightsData';
import { ValidationError } from '../../src/model/errors';
import type { LessonRecord } from '../../src/model/types';
import { freshDbWithClass, T0 } from './loggingFixtures';

let ctx: Awaited<ReturnType<typeof freshDbWithClass>>;
let lesson: LessonRecord;
beforeEach(async () => {
  ctx = await freshDbWithClass();
  lesson = await startLesson({ classId: ctx.cls.id, date: '2025-03-03', startTime: '09:00' }, T0);
});

const at = (sec: number) => new Date(T0.getTime() + sec * 1000);
const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof ValidationError ? e.code : String(e);
  }
};

describe('loadLessonEditData', () => {
  it('lists the events oldest first with the pupils, a removed pupil only when they have one', async () => {
    const [sem, noor, ayoub] = ctx.pupils;
    const b = await logEvent({ lessonId: lesson.id, pupilId: noor!.id, kind: 'praise' }, at(20));
    const a = await logEvent({ lessonId: lesson.id, pupilId: sem!.id, kind: 'turn' }, at(10));
    await ctx.db.pupils.update(noor!.id, { removedAt: at(30).toISOString() });
    await ctx.db.pupils.update(ayoub!.id, { removedAt: at(30).toISOString() });
    const view = await loadLessonEditData(lesson.id);
    expect(view?.events.map((e) => e.id)).toEqual([a.id, b.id]);
    expect(view?.pupils.map((p) => p.name)).toEqual(['Sem', 'Noor']);
    await deleteLesson(lesson.id);
    expect(await loadLessonEditData(lesson.id)).toBeNull();
  });
});

describe('updateEvent', () => {
  it('changes kind (dropping qualifiers the new kind does not carry), pupil and qualifiers', async () => {
    const [sem, noor] = ctx.pupils;
    const e = await logEvent({
      lessonId: lesson.id,
      pupilId: sem!.id,
      kind: 'turn',
      qualifiers: { questionLevel: 'higher', initiative: 'volunteered' },
    });
    const praise = await updateEvent(lesson.id, e.id, { kind: 'praise' }, at(60));
    expect(praise).toMatchObject({
      kind: 'praise',
      pupilId: sem!.id,
      updatedAt: at(60).toISOString(),
    });
    expect(praise.questionLevel).toBeUndefined();
    expect(praise.initiative).toBeUndefined();
    const moved = await updateEvent(lesson.id, e.id, {
      pupilId: noor!.id,
      qualifiers: { praiseType: 'specific' },
    });
    expect(moved).toMatchObject({ kind: 'praise', pupilId: noor!.id, praiseType: 'specific' });
    expect(await storedEvent(ctx.db, e.id)).toEqual(moved);
    // Its time and flags are kept.
    expect(moved.at).toBe(e.at);
    expect(moved.createdAt).toBe(e.createdAt);
  });

  it('refuses bad changes and writes nothing', async () => {
    const [sem] = ctx.pupils;
    const e = await logEvent({ lessonId: lesson.id, pupilId: sem!.id, kind: 'turn' });
    await ctx.db.pupils.update(ctx.pupils[2]!.id, { removedAt: at(1).toISOString() });
    expect(await codeOf(updateEvent(lesson.id, e.id, { pupilId: 'nobody' }))).toBe('pupilNotFound');
    expect(await codeOf(updateEvent(lesson.id, e.id, { pupilId: ctx.pupils[2]!.id }))).toBe(
      'pupilNotFound',
    );
    expect(
      await codeOf(updateEvent(lesson.id, e.id, { qualifiers: { praiseType: 'specific' } })),
    ).toBe('qualifierNotForKind');
    expect(await codeOf(updateEvent(lesson.id, 'gone', { kind: 'help' }))).toBe('eventNotFound');
    expect(await codeOf(updateEvent(lesson.id, e.id, { kind: 'nonsense' as never }))).toBe(
      'unknownKind',
    );
    expect(await storedEvent(ctx.db, e.id)).toEqual(e);
    await deleteLesson(lesson.id);
    expect(await codeOf(updateEvent(lesson.id, e.id, { kind: 'help' }))).toBe('lessonNotFound');
  });
});

describe('what follows from a fix', () => {
  it('insights read the changed, removed and deleted events', async () => {
    const [sem, noor] = ctx.pupils;
    const e1 = await logEvent({ lessonId: lesson.id, pupilId: sem!.id, kind: 'turn' });
    const e2 = await logEvent({ lessonId: lesson.id, pupilId: sem!.id, kind: 'turn' });
    await updateEvent(lesson.id, e1.id, { pupilId: noor!.id });
    await deleteEvent(lesson.id, e2.id);
    expect(await countStoredEvents(ctx.db)).toBe(1);
    const period = { from: null, to: '2025-12-31' };
    const data = await loadInsightsData(ctx.cls.id, period);
    expect(data!.events.map((e) => [e.pupilId, e.kind])).toEqual([[noor!.id, 'turn']]);
    await deleteLesson(lesson.id);
    const after = await loadInsightsData(ctx.cls.id, period);
    expect([after!.lessons, after!.events]).toEqual([[], []]);
    // The undo brings everything back.
    await restoreLesson(lesson.id);
    expect((await loadInsightsData(ctx.cls.id, period))!.events).toHaveLength(1);
  });
});
