import { beforeEach, describe, expect, it } from 'vitest';
import { listAbsences, setAbsent } from '../../src/db/repo/absences';
import { startLesson } from '../../src/db/repo/lessons';
import type { LessonRecord } from '../../src/model/types';
import { freshDbWithClass, T0 } from './loggingFixtures';

let ctx: Awaited<ReturnType<typeof freshDbWithClass>>;
let lesson: LessonRecord;
beforeEach(async () => {
  ctx = await freshDbWithClass();
  lesson = await startLesson({ classId: ctx.cls.id, date: '2025-03-03', startTime: '09:00' }, T0);
});

describe('absences', () => {
  it('marks absent once per lesson and pupil, and present again', async () => {
    const [sem, noor] = ctx.pupils;
    await setAbsent(lesson.id, sem!.id, true, T0);
    await setAbsent(lesson.id, sem!.id, true, T0);
    await Promise.all([setAbsent(lesson.id, noor!.id, true), setAbsent(lesson.id, noor!.id, true)]);
    const absences = await listAbsences(lesson.id);
    expect(absences.map((a) => a.pupilId).sort()).toEqual([sem!.id, noor!.id].sort());
    expect(absences.find((a) => a.pupilId === sem!.id)).toMatchObject({
      classId: ctx.cls.id,
      lessonId: lesson.id,
      createdAt: T0.toISOString(),
    });

    await setAbsent(lesson.id, sem!.id, false);
    await setAbsent(lesson.id, sem!.id, false);
    expect((await listAbsences(lesson.id)).map((a) => a.pupilId)).toEqual([noor!.id]);
  });

  it('keeps absences per lesson apart', async () => {
    const other = await startLesson({
      classId: ctx.cls.id,
      date: '2025-03-04',
      startTime: '09:00',
    });
    const sem = ctx.pupils[0]!;
    await setAbsent(other.id, sem.id, true);
    expect(await listAbsences(lesson.id)).toEqual([]);
    expect(await listAbsences(other.id)).toHaveLength(1);
  });

  it('the unique index refuses a second record for the same lesson and pupil', async () => {
    const sem = ctx.pupils[0]!;
    await setAbsent(lesson.id, sem.id, true);
    const ts = T0.toISOString();
    await expect(
      ctx.db.absences.add({
        id: crypto.randomUUID(),
        classId: ctx.cls.id,
        lessonId: lesson.id,
        pupilId: sem.id,
        createdAt: ts,
        updatedAt: ts,
      }),
    ).rejects.toMatchObject({ name: 'ConstraintError' });
  });

  it('refuses an unknown lesson and a pupil of another class', async () => {
    await expect(setAbsent('nope', ctx.pupils[0]!.id, true)).rejects.toMatchObject({
      code: 'lessonNotFound',
    });
    await expect(setAbsent(lesson.id, 'stranger', true)).rejects.toMatchObject({
      code: 'pupilNotFound',
    });
    expect(await listAbsences(lesson.id)).toEqual([]);
  });
});
