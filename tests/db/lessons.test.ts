import { beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/model/errors';
import { logEvent } from '../../src/db/repo/events';
import {
  deleteLesson,
  endLesson,
  getLesson,
  listLessonsWithCounts,
  listLessons,
  loadLiveLessonData,
  restoreLesson,
  startLesson,
  validateLessonInput,
} from '../../src/db/repo/lessons';
import { setHiddenKinds } from '../../src/db/repo/loggingPrefs';
import { setAbsent } from '../../src/db/repo/absences';
import { freshDbWithClass, T0 } from './loggingFixtures';

let ctx: Awaited<ReturnType<typeof freshDbWithClass>>;
beforeEach(async () => {
  ctx = await freshDbWithClass();
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof ValidationError ? e.code : 'not-a-validation-error';
  }
  return undefined;
}

describe('validateLessonInput', () => {
  const base = { classId: 'c', date: '2025-03-03', startTime: '09:00' };
  it.each([
    [{ ...base, date: '' }, 'dateRequired'],
    [{ ...base, date: '   ' }, 'dateRequired'],
    [{ ...base, date: '3-3-2025' }, 'dateInvalid'],
    [{ ...base, date: '2025-13-01' }, 'dateInvalid'],
    [{ ...base, startTime: '' }, 'startTimeRequired'],
    [{ ...base, startTime: '9:00' }, 'timeInvalid'],
    [{ ...base, startTime: '24:00' }, 'timeInvalid'],
    [{ ...base, endTime: '25:00' }, 'timeInvalid'],
    [{ ...base, endTime: '09:00' }, 'endBeforeStart'],
    [{ ...base, endTime: '08:59' }, 'endBeforeStart'],
    [{ ...base, topic: 'x'.repeat(201) }, 'topicTooLong'],
  ])('refuses %o with %s', (input, code) => {
    expect(codeOf(() => validateLessonInput(input))).toBe(code);
  });

  it('accepts a lesson without end time and trims the topic', () => {
    expect(validateLessonInput({ ...base, endTime: '', topic: '  Breuken ' })).toEqual({
      date: '2025-03-03',
      startTime: '09:00',
      endTime: null,
      topic: 'Breuken',
    });
  });

  it('accepts an end time after the start', () => {
    expect(validateLessonInput({ ...base, endTime: '09:50' }).endTime).toBe('09:50');
  });
});

describe('lessons repository', () => {
  it('starts a lesson with timestamps and no end', async () => {
    const lesson = await startLesson(
      {
        classId: ctx.cls.id,
        date: '2025-03-03',
        startTime: '09:00',
        endTime: '09:50',
        topic: 'Breuken',
      },
      T0,
    );
    expect(lesson).toMatchObject({
      classId: ctx.cls.id,
      date: '2025-03-03',
      startTime: '09:00',
      endTime: '09:50',
      topic: 'Breuken',
      endedAt: null,
      deletedAt: null,
      createdAt: T0.toISOString(),
      updatedAt: T0.toISOString(),
    });
    expect(await getLesson(lesson.id)).toEqual(lesson);
  });

  it('refuses invalid input and an unknown class without writing', async () => {
    await expect(
      startLesson({
        classId: ctx.cls.id,
        date: '2025-03-03',
        startTime: '10:00',
        endTime: '09:00',
      }),
    ).rejects.toMatchObject({ code: 'endBeforeStart' });
    await expect(
      startLesson({ classId: 'nope', date: '2025-03-03', startTime: '10:00' }),
    ).rejects.toMatchObject({ code: 'classNotFound' });
    expect(await ctx.db.lessons.count()).toBe(0);
  });

  it('ends a lesson once', async () => {
    const lesson = await startLesson(
      { classId: ctx.cls.id, date: '2025-03-03', startTime: '09:00' },
      T0,
    );
    const end = new Date('2025-03-03T09:50:00Z');
    await endLesson(lesson.id, end);
    await endLesson(lesson.id, new Date('2025-03-03T11:00:00Z'));
    const stored = await getLesson(lesson.id);
    expect(stored?.endedAt).toBe(end.toISOString());
    await expect(endLesson('nope')).rejects.toMatchObject({ code: 'lessonNotFound' });
  });

  it('lists lessons newest first, without deleted ones, restorable', async () => {
    const mk = (date: string, startTime: string) =>
      startLesson({ classId: ctx.cls.id, date, startTime }, T0);
    const a = await mk('2025-03-03', '09:00');
    const b = await mk('2025-03-04', '08:30');
    const c = await mk('2025-03-03', '13:00');
    expect((await listLessons(ctx.cls.id)).map((l) => l.id)).toEqual([b.id, c.id, a.id]);
    await deleteLesson(c.id, T0);
    expect((await listLessons(ctx.cls.id)).map((l) => l.id)).toEqual([b.id, a.id]);
    expect(await getLesson(c.id)).toBeUndefined();
    await restoreLesson(c.id, T0);
    expect((await listLessons(ctx.cls.id)).map((l) => l.id)).toEqual([b.id, c.id, a.id]);
    expect(await listLessons('other-class')).toEqual([]);
  });

  it('summarises lessons with their event counts', async () => {
    expect(await listLessonsWithCounts(ctx.cls.id)).toEqual([]);
    const a = await startLesson(
      { classId: ctx.cls.id, date: '2025-03-03', startTime: '09:00' },
      T0,
    );
    const b = await startLesson(
      { classId: ctx.cls.id, date: '2025-03-04', startTime: '09:00' },
      T0,
    );
    const [sem, noor] = ctx.pupils;
    for (const pupil of [sem, sem, noor])
      await logEvent({ lessonId: a.id, pupilId: pupil!.id, kind: 'turn' });
    const summaries = await listLessonsWithCounts(ctx.cls.id);
    expect(summaries.map((s) => [s.lesson.id, s.eventCount])).toEqual([
      [b.id, 0],
      [a.id, 3],
    ]);
  });

  it('loads everything the live screen needs in one read', async () => {
    const lesson = await startLesson(
      { classId: ctx.cls.id, date: '2025-03-03', startTime: '09:00' },
      T0,
    );
    const [sem, noor, ayoub] = ctx.pupils;
    await ctx.db.pupils.update(ayoub!.id, { removedAt: T0.toISOString() });
    await logEvent({ lessonId: lesson.id, pupilId: sem!.id, kind: 'praise' });
    await setAbsent(lesson.id, noor!.id, true);
    await setHiddenKinds(ctx.cls.id, ['help']);
    const data = await loadLiveLessonData(lesson.id);
    expect(data?.cls.hiddenKinds).toEqual(['help']);
    expect(data?.pupils.map((p) => p.name).sort()).toEqual(['Noor', 'Sem']);
    expect(data?.events.map((e) => e.kind)).toEqual(['praise']);
    expect(data?.absences.map((a) => a.pupilId)).toEqual([noor!.id]);
    await deleteLesson(lesson.id);
    expect(await loadLiveLessonData(lesson.id)).toBeNull();
  });
});

describe('setHiddenKinds', () => {
  it('stores hidden kinds in catalogue order, never the turn', async () => {
    const hidden = await setHiddenKinds(ctx.cls.id, ['personal', 'turn', 'help', 'help'], T0);
    expect(hidden).toEqual(['help', 'personal']);
    expect((await ctx.db.classes.get(ctx.cls.id))?.hiddenKinds).toEqual(['help', 'personal']);
  });

  it('refuses unknown kinds and unknown classes', async () => {
    await expect(setHiddenKinds(ctx.cls.id, ['nonsense' as never])).rejects.toMatchObject({
      code: 'unknownKind',
    });
    await expect(setHiddenKinds('nope', [])).rejects.toMatchObject({ code: 'classNotFound' });
  });
});
