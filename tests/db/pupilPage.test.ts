import { beforeEach, describe, expect, it } from 'vitest';
import { putEvents, readAllEvents } from '../../src/db/eventStore';
import { getDb, setDbForTests } from '../../src/db/db';
import { loadPupilTimelineData } from '../../src/db/repo/pupilPage';
import { deletePupilWithHistory } from '../../src/db/repo/pupils';
import { SpiegelDB } from '../../src/db/schema';
import type { Id, LensRecord } from '../../src/model/types';
import {
  STAMP,
  classRecord,
  lesson as lessonRecord,
  pupil as pupilRecord,
  stamps,
} from '../support/records';

const lensRecord = (id: Id, classId: Id, order: number, deletedAt: string | null): LensRecord => ({
  id,
  classId,
  name: id,
  values: [
    { id: `${id}-a`, label: 'a' },
    { id: `${id}-b`, label: 'b' },
  ],
  order,
  deletedAt,
  ...stamps,
});

/** One of every kind of pupil record, for `pupilId` in `classId` at `lessonId`. */
async function recordsFor(pupilId: Id, classId: Id, lessonId: Id, date: string) {
  const db = getDb();
  const base = { classId, pupilId, ...stamps };
  await putEvents(
    db,
    ['turn', 'praise'].map((kind, i) => ({
      id: `${pupilId}-ev${i}`,
      lessonId,
      kind: kind as 'turn' | 'praise',
      date,
      at: null,
      loggedAfter: false,
      ...base,
    })),
  );
  await db.absences.add({ id: `${pupilId}-abs`, lessonId, ...base });
  await db.banking.bulkAdd([
    { id: `${pupilId}-bank`, date, minutes: 10, note: '', deletedAt: null, ...base },
    { id: `${pupilId}-bank-del`, date, minutes: 5, note: '', deletedAt: STAMP, ...base },
  ]);
  await db.expectations.add({ id: `${pupilId}-exp`, date, value: 2, confidence: null, ...base });
  await db.achievements.add({
    id: `${pupilId}-ach`,
    label: 'Toets',
    date,
    scoreType: 'grade',
    score: 7,
    ...base,
  });
  await db.relationships.add({
    id: `${pupilId}-rel`,
    date,
    closeness: 3,
    conflict: 2,
    dependency: 1,
    note: '',
    ...base,
  });
}

beforeEach(async () => {
  setDbForTests(new SpiegelDB('t-' + crypto.randomUUID()));
  const db = getDb();
  await db.classes.bulkAdd([
    classRecord('c1'),
    classRecord('c2'),
    classRecord('gone', { deletedAt: STAMP }),
  ]);
  await db.pupils.bulkAdd([
    pupilRecord('p1', 'c1'),
    pupilRecord('p2', 'c1'),
    pupilRecord('p3', 'c2'),
    pupilRecord('p4', 'gone'),
    pupilRecord('left', 'c1', { removedAt: STAMP }),
  ]);
  await db.lenses.bulkAdd([
    lensRecord('second', 'c1', 1, null),
    lensRecord('first', 'c1', 0, null),
    lensRecord('deleted', 'c1', 2, STAMP),
    lensRecord('other', 'c2', 0, null),
  ]);
  await db.lessons.bulkAdd([
    lessonRecord('l1', 'c1', '2025-03-03'),
    lessonRecord('l2', 'c1', '2025-03-04'),
    lessonRecord('l3', 'c2', '2025-03-03'),
  ]);
  await recordsFor('p1', 'c1', 'l1', '2025-03-03');
  await recordsFor('p2', 'c1', 'l2', '2025-03-04');
  await recordsFor('p3', 'c2', 'l3', '2025-03-03');
  await recordsFor('left', 'c1', 'l1', '2025-03-03');
});

describe('loadPupilTimelineData', () => {
  it("returns the pupil, the class and only that pupil's records", async () => {
    const data = await loadPupilTimelineData('p1');
    expect(data).not.toBeNull();
    expect(data!.pupil.id).toBe('p1');
    expect(data!.cls.id).toBe('c1');
    const tables = [
      data!.events,
      data!.absences,
      data!.banking,
      data!.expectations,
      data!.achievements,
      data!.relationships,
    ];
    for (const rows of tables) {
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.pupilId === 'p1')).toBe(true);
    }
    expect(data!.events.map((e) => e.id).sort()).toEqual(['p1-ev0', 'p1-ev1']);
    expect(data!.absences.map((a) => a.id)).toEqual(['p1-abs']);
    // Soft-deleted banking is returned as stored (the export shows it; the page leaves it out).
    expect(data!.banking.map((b) => b.id).sort()).toEqual(['p1-bank', 'p1-bank-del']);
    expect(data!.expectations.map((r) => r.id)).toEqual(['p1-exp']);
    expect(data!.achievements.map((r) => r.id)).toEqual(['p1-ach']);
    expect(data!.relationships.map((r) => r.id)).toEqual(['p1-rel']);
  });

  it("returns the class's lessons and its lenses in order, deleted lenses left out", async () => {
    const data = await loadPupilTimelineData('p2');
    expect(data!.lessons.map((l) => l.id).sort()).toEqual(['l1', 'l2']);
    expect(data!.lenses.map((l) => l.id)).toEqual(['first', 'second']);
    expect(data!.events.map((e) => e.id).sort()).toEqual(['p2-ev0', 'p2-ev1']);
  });

  it('still shows a removed pupil with their history', async () => {
    const data = await loadPupilTimelineData('left');
    expect(data!.pupil.removedAt).toBe(STAMP);
    expect(data!.events).toHaveLength(2);
  });

  it('returns null for an unknown pupil and for a pupil of a deleted class', async () => {
    expect(await loadPupilTimelineData('nobody')).toBeNull();
    expect(await loadPupilTimelineData('p4')).toBeNull();
  });

  it('returns null after the pupil is deleted with all data; classmates keep theirs', async () => {
    await deletePupilWithHistory('p1');
    expect(await loadPupilTimelineData('p1')).toBeNull();
    const db = getDb();
    expect((await readAllEvents(db)).filter((e) => e.pupilId === 'p1')).toHaveLength(0);
    for (const table of [db.absences, db.banking, db.expectations, db.achievements]) {
      expect(await table.where('pupilId').equals('p1').count()).toBe(0);
    }
    const p2 = await loadPupilTimelineData('p2');
    expect(p2!.events).toHaveLength(2);
    expect(p2!.relationships).toHaveLength(1);
  });
});
