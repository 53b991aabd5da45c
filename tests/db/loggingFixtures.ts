// Shared set-up for the logging repository tests: a fresh database with one class and pupils.
import { setDbForTests } from '../../src/db/db';
import { SpiegelDB } from '../../src/db/schema';
import type { ClassRecord, PupilRecord } from '../../src/model/types';

export const T0 = new Date('2025-03-03T09:00:00Z');

export async function freshDbWithClass(pupilNames: string[] = ['Sem', 'Noor', 'Ayoub']) {
  const db = new SpiegelDB('t-' + crypto.randomUUID());
  setDbForTests(db);
  const ts = T0.toISOString();
  const cls: ClassRecord = {
    id: crypto.randomUUID(),
    name: '3B',
    schoolType: 'secondary',
    yearLabel: '3 havo',
    seating: { rows: 1, cols: Math.max(1, pupilNames.length) },
    hiddenKinds: [],
    archivedAt: null,
    deletedAt: null,
    isDemo: false,
    expectationScale: { kind: 'relative5' },
    createdAt: ts,
    updatedAt: ts,
  };
  await db.classes.add(cls);
  const pupils: PupilRecord[] = pupilNames.map((name, i) => ({
    id: crypto.randomUUID(),
    classId: cls.id,
    name,
    seat: { row: 0, col: i },
    lensValues: {},
    removedAt: null,
    createdAt: ts,
    updatedAt: ts,
  }));
  await db.pupils.bulkAdd(pupils);
  return { db, cls, pupils };
}
