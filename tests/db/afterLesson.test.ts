import { beforeEach, describe, expect, it } from 'vitest';
import { putEvents } from '../../src/db/eventStore';
import { countStoredEvents, storedEvent } from './eventHelpers';
import { getDb, setDbForTests } from '../../src/db/db';
import { SpiegelDB } from '../../src/db/schema';
import {
  afterLessonCounts,
  loadAfterLessonData,
  createPastLesson,
  decrementAfter,
  incrementAfter,
  listAbsentPupilIds,
  setAbsent,
} from '../../src/db/repo/afterLesson';
import type {
  ClassRecord,
  InteractionEvent,
  LessonRecord,
  PupilRecord,
} from '../../src/model/types';

const NOW = new Date(2025, 2, 12, 15, 30); // Wed 12 March 2025, 15:30 local time
const STAMP = NOW.toISOString();

async function seedClass(names: string[]): Promise<{ cls: ClassRecord; pupils: PupilRecord[] }> {
  const cls: ClassRecord = {
    id: crypto.randomUUID(),
    name: '6B',
    schoolType: 'primary',
    yearLabel: 'groep 6',
    seating: { rows: 2, cols: 3 },
    hiddenKinds: [],
    archivedAt: null,
    deletedAt: null,
    isDemo: false,
    expectationScale: { kind: 'relative5' },
    createdAt: STAMP,
    updatedAt: STAMP,
  };
  // Seats in reverse order of the names, so seating order differs from insertion order.
  const pupils: PupilRecord[] = names.map((name, i) => ({
    id: crypto.randomUUID(),
    classId: cls.id,
    name,
    seat: { row: i < 2 ? 1 : 0, col: i },
    lensValues: {},
    removedAt: null,
    createdAt: STAMP,
    updatedAt: STAMP,
  }));
  await getDb().classes.add(cls);
  await getDb().pupils.bulkAdd(pupils);
  return { cls, pupils };
}

/** An event as the live-logging screen writes it (tapped during the lesson). */
async function addLiveEvent(
  lesson: LessonRecord,
  pupilId: string,
  kind: InteractionEvent['kind'],
): Promise<void> {
  await putEvents(getDb(), [
    {
      id: crypto.randomUUID(),
      classId: lesson.classId,
      lessonId: lesson.id,
      pupilId,
      kind,
      date: lesson.date,
      at: STAMP,
      loggedAfter: false,
      createdAt: STAMP,
      updatedAt: STAMP,
    },
  ]);
}

const pastInput = (classId: string, date = '2025-03-11') => ({
  classId,
  date,
  startTime: '10:15',
  endTime: '11:05',
  topic: '  Breuken ',
});

beforeEach(() => {
  setDbForTests(new SpiegelDB('t-' + crypto.randomUUID()));
});

describe('createPastLesson', () => {
  it('stores an ended lesson for an earlier date', async () => {
    const { cls } = await seedClass(['Sem']);
    const lesson = await createPastLesson(pastInput(cls.id), NOW);
    const stored = await getDb().lessons.get(lesson.id);
    expect(stored).toEqual({
      id: lesson.id,
      classId: cls.id,
      date: '2025-03-11',
      startTime: '10:15',
      endTime: '11:05',
      topic: 'Breuken',
      endedAt: STAMP,
      deletedAt: null,
      createdAt: STAMP,
      updatedAt: STAMP,
    });
  });

  it('accepts today and an unknown end time', async () => {
    const { cls } = await seedClass(['Sem']);
    const lesson = await createPastLesson({ ...pastInput(cls.id, '2025-03-12'), endTime: '' }, NOW);
    expect(lesson.date).toBe('2025-03-12');
    expect(lesson.endTime).toBeNull();
  });

  it.each([
    ['a future date', { date: '2025-03-13' }, 'dateFuture'],
    ['an impossible date', { date: '2025-02-30' }, 'dateInvalid'],
    ['an empty date', { date: '' }, 'dateRequired'],
    ['no start time', { startTime: ' ' }, 'startTimeRequired'],
    ['a bad start time', { startTime: '25:00' }, 'timeInvalid'],
    ['a bad end time', { endTime: '9' }, 'timeInvalid'],
    ['an end before the start', { endTime: '10:00' }, 'endBeforeStart'],
  ])('refuses %s', async (_label, patch, code) => {
    const { cls } = await seedClass(['Sem']);
    await expect(createPastLesson({ ...pastInput(cls.id), ...patch }, NOW)).rejects.toMatchObject({
      name: 'ValidationError',
      code,
    });
    expect(await getDb().lessons.count()).toBe(0);
  });

  it('refuses a deleted class', async () => {
    const { cls } = await seedClass(['Sem']);
    await getDb().classes.update(cls.id, { deletedAt: STAMP });
    await expect(createPastLesson(pastInput(cls.id), NOW)).rejects.toMatchObject({
      code: 'classNotFound',
    });
  });
});

describe('steppers', () => {
  it('increments write afterwards-logged events without a time, on the lesson date', async () => {
    const { cls, pupils } = await seedClass(['Sem', 'Noa']);
    const sem = pupils[0]!;
    const lesson = await createPastLesson(pastInput(cls.id), NOW);
    const event = await incrementAfter(lesson.id, sem.id, 'praise', NOW);
    expect(await storedEvent(getDb(), event.id)).toMatchObject({
      classId: cls.id,
      lessonId: lesson.id,
      pupilId: sem.id,
      kind: 'praise',
      date: '2025-03-11',
      at: null,
      loggedAfter: true,
      createdAt: STAMP,
      updatedAt: STAMP,
    });
  });

  it('counts live and afterwards-logged events separately per pupil and kind', async () => {
    const { cls, pupils } = await seedClass(['Sem', 'Noa', 'Daan']);
    const [sem, noa] = [pupils[0]!, pupils[1]!];
    const lesson = await createPastLesson(pastInput(cls.id), NOW);
    await addLiveEvent(lesson, sem.id, 'turn');
    await addLiveEvent(lesson, sem.id, 'turn');
    await incrementAfter(lesson.id, sem.id, 'turn', NOW);
    await incrementAfter(lesson.id, noa.id, 'help', NOW);
    await incrementAfter(lesson.id, noa.id, 'help', NOW);
    const counts = await afterLessonCounts(lesson.id);
    expect(counts[sem.id]?.turn).toEqual({ live: 2, after: 1 });
    expect(counts[sem.id]?.praise).toEqual({ live: 0, after: 0 });
    expect(counts[noa.id]?.help).toEqual({ live: 0, after: 2 });
    expect(counts[pupils[2]!.id]).toBeUndefined();
  });

  it('decrement removes the most recent afterwards-logged event only', async () => {
    const { cls, pupils } = await seedClass(['Sem']);
    const sem = pupils[0]!;
    const lesson = await createPastLesson(pastInput(cls.id), NOW);
    const first = await incrementAfter(lesson.id, sem.id, 'praise', NOW);
    const second = await incrementAfter(
      lesson.id,
      sem.id,
      'praise',
      new Date(NOW.getTime() + 1000),
    );
    await incrementAfter(lesson.id, sem.id, 'turn', NOW);
    expect(await decrementAfter(lesson.id, sem.id, 'praise')).toBe(true);
    expect(await storedEvent(getDb(), second.id)).toBeUndefined();
    expect(await storedEvent(getDb(), first.id)).toBeDefined();
    const counts = await afterLessonCounts(lesson.id);
    expect(counts[sem.id]?.praise).toEqual({ live: 0, after: 1 });
    expect(counts[sem.id]?.turn).toEqual({ live: 0, after: 1 });
  });

  it('decrement never removes events logged live', async () => {
    const { cls, pupils } = await seedClass(['Sem']);
    const sem = pupils[0]!;
    const lesson = await createPastLesson(pastInput(cls.id), NOW);
    await addLiveEvent(lesson, sem.id, 'turn');
    await addLiveEvent(lesson, sem.id, 'turn');
    await incrementAfter(lesson.id, sem.id, 'turn', NOW);
    expect(await decrementAfter(lesson.id, sem.id, 'turn')).toBe(true);
    expect(await decrementAfter(lesson.id, sem.id, 'turn')).toBe(false);
    expect(await decrementAfter(lesson.id, sem.id, 'turn')).toBe(false);
    expect((await afterLessonCounts(lesson.id))[sem.id]?.turn).toEqual({ live: 2, after: 0 });
    expect(await countStoredEvents(getDb())).toBe(2);
  });

  it('refuses a pupil from another class and a deleted lesson', async () => {
    const { cls } = await seedClass(['Sem']);
    const other = await seedClass(['Eva']);
    const lesson = await createPastLesson(pastInput(cls.id), NOW);
    await expect(incrementAfter(lesson.id, other.pupils[0]!.id, 'turn', NOW)).rejects.toMatchObject(
      { code: 'pupilNotFound' },
    );
    await getDb().lessons.update(lesson.id, { deletedAt: STAMP });
    await expect(incrementAfter(lesson.id, other.pupils[0]!.id, 'turn', NOW)).rejects.toMatchObject(
      { code: 'lessonNotFound' },
    );
    expect(await countStoredEvents(getDb())).toBe(0);
  });
});

describe('absences', () => {
  it('toggles absence with at most one record per lesson and pupil', async () => {
    const { cls, pupils } = await seedClass(['Sem', 'Noa']);
    const [sem, noa] = [pupils[0]!, pupils[1]!];
    const lesson = await createPastLesson(pastInput(cls.id), NOW);
    await setAbsent(lesson.id, sem.id, true, NOW);
    await setAbsent(lesson.id, sem.id, true, NOW);
    expect(await listAbsentPupilIds(lesson.id)).toEqual([sem.id]);
    expect(await getDb().absences.count()).toBe(1);
    expect(await getDb().absences.toArray()).toMatchObject([
      { classId: cls.id, lessonId: lesson.id, pupilId: sem.id, createdAt: STAMP },
    ]);
    await setAbsent(lesson.id, noa.id, true, NOW);
    await setAbsent(lesson.id, sem.id, false, NOW);
    expect(await listAbsentPupilIds(lesson.id)).toEqual([noa.id]);
    await setAbsent(lesson.id, sem.id, false, NOW);
    expect(await getDb().absences.count()).toBe(1);
  });

  it('keeps absences per lesson', async () => {
    const { cls, pupils } = await seedClass(['Sem']);
    const sem = pupils[0]!;
    const monday = await createPastLesson(pastInput(cls.id, '2025-03-10'), NOW);
    const tuesday = await createPastLesson(pastInput(cls.id, '2025-03-11'), NOW);
    await setAbsent(monday.id, sem.id, true, NOW);
    expect(await listAbsentPupilIds(monday.id)).toEqual([sem.id]);
    expect(await listAbsentPupilIds(tuesday.id)).toEqual([]);
  });
});

describe('loadAfterLessonData', () => {
  it('lists current pupils in seating order with counts and absences', async () => {
    const { cls, pupils } = await seedClass(['Sem', 'Noa', 'Daan', 'Eva']);
    // Seats: Sem (1,0), Noa (1,1), Daan (0,2), Eva (0,3); Eva is removed from the class.
    await getDb().pupils.update(pupils[3]!.id, { removedAt: STAMP });
    const lesson = await createPastLesson(pastInput(cls.id), NOW);
    await setAbsent(lesson.id, pupils[1]!.id, true, NOW);
    await incrementAfter(lesson.id, pupils[0]!.id, 'turn', NOW);
    const view = await loadAfterLessonData(lesson.id);
    expect(view?.pupils.map((p) => p.name)).toEqual(['Daan', 'Sem', 'Noa']);
    expect(view?.absentIds).toEqual([pupils[1]!.id]);
    expect(view?.counts[pupils[0]!.id]?.turn).toEqual({ live: 0, after: 1 });
    expect(view?.cls.id).toBe(cls.id);
  });

  it('is null for a missing lesson', async () => {
    expect(await loadAfterLessonData('nope')).toBeNull();
  });
});
