import { describe, expect, it } from 'vitest';
import { setAbsent } from '../../src/db/repo/absences';
import { logEvent } from '../../src/db/repo/events';
import { deleteLesson, startLesson } from '../../src/db/repo/lessons';
import { loadRecentTurnsData } from '../../src/db/repo/recentTurns';
import { removePupil } from '../../src/db/repo/pupils';
import { freshDbWithClass, T0 } from './loggingFixtures';

describe('loadRecentTurnsData: the record behind "who next?"', () => {
  it('counts turns and lessons present in the last lessons before this one', async () => {
    const { cls, pupils } = await freshDbWithClass(['Sem', 'Noor', 'Ayoub']);
    const [sem, noor, ayoub] = pupils.map((p) => p.id) as [string, string, string];
    const lesson = (date: string, startTime = '09:00') =>
      startLesson({ classId: cls.id, date, startTime, endTime: null, topic: '' }, T0);
    const turn = (lessonId: string, pupilId: string, kind: 'turn' | 'praise' = 'turn') =>
      logEvent({ lessonId, pupilId, kind }, T0);

    const oldest = await lesson('2025-03-03');
    await turn(oldest.id, sem);
    const first = await lesson('2025-03-04');
    await turn(first.id, sem);
    await turn(first.id, sem);
    await turn(first.id, noor, 'praise'); // not a turn
    const second = await lesson('2025-03-05', '08:30');
    await turn(second.id, noor);
    await setAbsent(second.id, ayoub, true);
    const deleted = await lesson('2025-03-05', '08:45');
    await turn(deleted.id, ayoub);
    await deleteLesson(deleted.id, T0);
    const now = await lesson('2025-03-05', '10:00');
    await turn(now.id, ayoub); // this lesson's own turns are not "recent"
    const later = await lesson('2025-03-06');
    await turn(later.id, ayoub);

    // Two recent lessons: 2025-03-04 and the 08:30 lesson of 2025-03-05 (the deleted one and
    // the oldest fall outside); Ayoub was absent from the second.
    const recent = await loadRecentTurnsData(now.id, 2);
    expect(Object.fromEntries(recent)).toEqual({
      [sem]: { turns: 2, lessons: 2 },
      [noor]: { turns: 1, lessons: 2 },
      [ayoub]: { turns: 0, lessons: 1 },
    });

    await removePupil(noor, T0);
    expect([...(await loadRecentTurnsData(now.id, 5)).keys()].sort()).toEqual([sem, ayoub].sort());
    expect((await loadRecentTurnsData(now.id, 5)).get(sem)).toEqual({ turns: 3, lessons: 3 });
  });

  it('is empty for an unknown lesson, and zero for a first lesson', async () => {
    const { cls, pupils } = await freshDbWithClass(['Sem']);
    expect((await loadRecentTurnsData('nope', 5)).size).toBe(0);
    const first = await startLesson(
      { classId: cls.id, date: '2025-03-03', startTime: '09:00', endTime: null, topic: '' },
      T0,
    );
    expect((await loadRecentTurnsData(first.id, 5)).get(pupils[0]!.id)).toEqual({
      turns: 0,
      lessons: 0,
    });
  });
});
