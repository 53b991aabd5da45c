import { beforeEach, describe, expect, it } from 'vitest';
import { modifyLessonEvents, putEvents } from '../../src/db/eventStore';
import { analyseClass } from '../../src/analysis';
import { getDb, setDbForTests } from '../../src/db/db';
import { loadInsightsData, onInsightsDataChanged } from '../../src/db/repo/insightsData';
import { SpiegelDB } from '../../src/db/schema';
import type { Id } from '../../src/model/types';
import { STAMP, classRecord, event, lesson, pupil, stamps } from '../support/records';

/** Two classes with lessons on 3, 10, 17 and 24 March; class A's 17 March lesson is deleted. */
async function seed(): Promise<void> {
  const db = getDb();
  await db.classes.bulkAdd([
    classRecord('A'),
    classRecord('B'),
    classRecord('C', { deletedAt: STAMP }),
  ]);
  await db.pupils.bulkAdd([pupil('a1', 'A'), pupil('a2', 'A'), pupil('b1', 'B')]);
  const dates = ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24'];
  const lessons = [
    ...dates.map((d, i) => lesson(`A${i}`, 'A', d, d === '2025-03-17')),
    ...dates.map((d, i) => lesson(`B${i}`, 'B', d)),
  ];
  await db.lessons.bulkAdd(lessons);
  await putEvents(
    db,
    lessons.flatMap((l) =>
      l.classId === 'A'
        ? [event(`${l.id}-e1`, l, 'a1'), event(`${l.id}-e2`, l, 'a2')]
        : [event(`${l.id}-e1`, l, 'b1')],
    ),
  );
  await db.absences.bulkAdd([
    { id: 'abs1', classId: 'A', lessonId: 'A1', pupilId: 'a2', ...stamps },
    { id: 'abs2', classId: 'A', lessonId: 'A3', pupilId: 'a2', ...stamps },
    { id: 'abs3', classId: 'B', lessonId: 'B1', pupilId: 'b1', ...stamps },
  ]);
  await db.expectations.bulkAdd([
    {
      id: 'x1',
      classId: 'A',
      pupilId: 'a1',
      date: '2024-09-01',
      value: 4,
      confidence: null,
      ...stamps,
    },
    {
      id: 'x2',
      classId: 'B',
      pupilId: 'b1',
      date: '2024-09-01',
      value: 1,
      confidence: null,
      ...stamps,
    },
  ]);
  const result = (id: Id, classId: Id, pupilId: Id, date: string) => ({
    id,
    classId,
    pupilId,
    label: 'toets',
    date,
    scoreType: 'grade' as const,
    score: 7,
    ...stamps,
  });
  await db.achievements.bulkAdd([
    result('r1', 'A', 'a1', '2025-02-01'),
    result('r2', 'A', 'a1', '2025-03-12'),
    result('r3', 'A', 'a1', '2025-04-01'),
    result('r4', 'B', 'b1', '2025-03-12'),
  ]);
  await db.relationships.bulkAdd([
    {
      id: 's1',
      classId: 'A',
      pupilId: 'a1',
      date: '2024-10-01',
      closeness: 4,
      conflict: 1,
      dependency: 2,
      note: '',
      ...stamps,
    },
  ]);
  const session = (id: Id, date: string, deleted = false) => ({
    id,
    classId: 'A',
    pupilId: 'a1',
    date,
    minutes: 10,
    note: '',
    deletedAt: deleted ? STAMP : null,
    ...stamps,
  });
  await db.banking.bulkAdd([
    session('bk1', '2025-03-05'),
    session('bk2', '2025-03-06', true),
    session('bk3', '2025-05-01'),
  ]);
  await db.lenses.bulkAdd([
    { id: 'lz', classId: 'A', name: 'z', values: [], order: 2, deletedAt: null, ...stamps },
    { id: 'ly', classId: 'A', name: 'y', values: [], order: 1, deletedAt: null, ...stamps },
    { id: 'lx', classId: 'A', name: 'x', values: [], order: 0, deletedAt: STAMP, ...stamps },
    { id: 'lb', classId: 'B', name: 'b', values: [], order: 0, deletedAt: null, ...stamps },
  ]);
}

const ids = (rows: readonly { id: Id }[]) => rows.map((r) => r.id).sort();

describe('loadInsightsData', () => {
  beforeEach(async () => {
    setDbForTests(new SpiegelDB('t-' + crypto.randomUUID()));
    await seed();
  });

  it('reads only the class asked for, within the period, without deleted lessons', async () => {
    const data = await loadInsightsData('A', { from: '2025-03-05', to: '2025-03-20' });
    expect(data).not.toBeNull();
    expect(data!.cls.id).toBe('A');
    expect(ids(data!.pupils)).toEqual(['a1', 'a2']);
    // 10 March is inside; 17 March is deleted; 3 and 24 March are outside.
    expect(ids(data!.lessons)).toEqual(['A1']);
    expect(ids(data!.events)).toEqual(['A1-e1', 'A1-e2']);
    expect(ids(data!.absences)).toEqual(['abs1']);
    // Every expectation of the class (history counts), results up to `to`, no other class.
    expect(ids(data!.expectations)).toEqual(['x1']);
    expect(ids(data!.achievements)).toEqual(['r1', 'r2']);
    expect(ids(data!.relationships)).toEqual(['s1']);
    expect(ids(data!.banking)).toEqual(['bk1']);
    // Lenses that are not deleted, in the teacher's order.
    expect(data!.lenses.map((l) => l.id)).toEqual(['ly', 'lz']);
  });

  it('includes both ends of the period', async () => {
    const data = await loadInsightsData('B', { from: '2025-03-03', to: '2025-03-24' });
    expect(ids(data!.lessons)).toEqual(['B0', 'B1', 'B2', 'B3']);
    expect(ids(data!.events)).toEqual(['B0-e1', 'B1-e1', 'B2-e1', 'B3-e1']);
    expect(ids(data!.achievements)).toEqual(['r4']);
  });

  it('reads from the first lesson on when `from` is null', async () => {
    const data = await loadInsightsData('A', { from: null, to: '2025-03-31' });
    expect(ids(data!.lessons)).toEqual(['A0', 'A1', 'A3']);
    expect(data!.events).toHaveLength(6);
    expect(ids(data!.absences)).toEqual(['abs1', 'abs2']);
    expect(ids(data!.banking)).toEqual(['bk1']);
  });

  it('returns empty lists for a period without lessons and for one that ends before it starts', async () => {
    const empty = await loadInsightsData('A', { from: '2025-06-01', to: '2025-06-30' });
    expect(empty!.lessons).toEqual([]);
    expect(empty!.events).toEqual([]);
    const inverted = await loadInsightsData('A', { from: '2025-03-24', to: '2025-03-01' });
    expect(inverted!.lessons).toEqual([]);
    expect(inverted!.events).toEqual([]);
    expect(ids(inverted!.pupils)).toEqual(['a1', 'a2']);
  });

  it('returns null for a missing or deleted class', async () => {
    expect(await loadInsightsData('nope', { from: null, to: '2025-12-31' })).toBeNull();
    expect(await loadInsightsData('C', { from: null, to: '2025-12-31' })).toBeNull();
  });

  it('feeds the analysis: the basis counts what was read', async () => {
    const data = await loadInsightsData('A', { from: null, to: '2025-03-31' });
    const result = analyseClass(data!, { today: '2025-03-31' });
    expect(result.basis).toEqual({ lessons: 3, events: 6, pupils: 2 });
    expect(result.ignoredEvents).toBe(0);
  });
});

describe('onInsightsDataChanged', () => {
  beforeEach(async () => {
    setDbForTests(new SpiegelDB('t-' + crypto.randomUUID()));
    await seed();
  });

  it('tells after each committed write to a table the insights read, until unsubscribed', async () => {
    let calls = 0;
    const off = onInsightsDataChanged(() => calls++);
    await getDb().settings.put({ key: 'y', value: 2, updatedAt: STAMP });
    expect(calls).toBe(0);
    await getDb().pupils.update('a1', { name: 'Ann' });
    expect(calls).toBe(1);
    // One transaction over several tables is one change.
    await getDb().transaction('rw', [getDb().lessons, getDb().lessonEvents], async () => {
      await getDb().lessons.update('A0', { topic: 'rekenen' });
      await modifyLessonEvents(getDb(), 'A0', (e) => (e.id === 'A0-e1' ? null : e), STAMP);
    });
    expect(calls).toBe(2);
    off();
    await getDb().pupils.update('a2', { name: 'Bo' });
    expect(calls).toBe(2);
  });
});
