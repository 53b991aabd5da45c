import { beforeEach, describe, expect, it } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import { ValidationError } from '../../src/model/errors';
import { autoArrange, loadSeatingData, moveSeat, resizeGrid } from '../../src/db/repo/seating';
import { SpiegelDB } from '../../src/db/schema';
import type { ClassRecord, PupilRecord, Seat } from '../../src/model/types';

const T0 = new Date('2025-03-03T09:00:00Z');
const T1 = new Date('2025-03-03T10:00:00Z');
let db: SpiegelDB;

function classRecord(seating: { rows: number; cols: number }): ClassRecord {
  const ts = T0.toISOString();
  return {
    id: crypto.randomUUID(),
    name: '2B',
    schoolType: 'secondary',
    yearLabel: '2 havo',
    seating,
    hiddenKinds: [],
    archivedAt: null,
    deletedAt: null,
    isDemo: false,
    expectationScale: { kind: 'relative5' },
    createdAt: ts,
    updatedAt: ts,
  };
}

function pupil(classId: string, name: string, seat: Seat | null, removed = false): PupilRecord {
  const ts = T0.toISOString();
  return {
    id: crypto.randomUUID(),
    classId,
    name,
    seat,
    lensValues: {},
    removedAt: removed ? ts : null,
    createdAt: ts,
    updatedAt: ts,
  };
}

/** A 2 × 3 class: Sem (0,0), Noor (0,1), Ayoub (1,2). */
async function seed() {
  const cls = classRecord({ rows: 2, cols: 3 });
  const sem = pupil(cls.id, 'Sem', { row: 0, col: 0 });
  const noor = pupil(cls.id, 'Noor', { row: 0, col: 1 });
  const ayoub = pupil(cls.id, 'Ayoub', { row: 1, col: 2 });
  await db.classes.add(cls);
  await db.pupils.bulkAdd([sem, noor, ayoub]);
  return { cls, sem, noor, ayoub };
}

const seatOf = async (id: string) => (await db.pupils.get(id))?.seat;

async function expectValidation(promise: Promise<unknown>, code: string) {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).code).toBe(code);
  return error as ValidationError;
}

beforeEach(() => {
  db = new SpiegelDB('t-' + crypto.randomUUID());
  setDbForTests(db);
});

describe('moveSeat', () => {
  it('moves a pupil to an empty seat and stamps updatedAt', async () => {
    const { cls, sem } = await seed();
    const changes = await moveSeat(cls.id, sem.id, { row: 1, col: 0 }, T1);
    expect(changes).toEqual([{ id: sem.id, seat: { row: 1, col: 0 } }]);
    const stored = await db.pupils.get(sem.id);
    expect(stored?.seat).toEqual({ row: 1, col: 0 });
    expect(stored?.updatedAt).toBe(T1.toISOString());
  });

  it('swaps two pupils when the seat is taken', async () => {
    const { cls, sem, noor, ayoub } = await seed();
    await moveSeat(cls.id, sem.id, { row: 0, col: 1 }, T1);
    expect(await seatOf(sem.id)).toEqual({ row: 0, col: 1 });
    expect(await seatOf(noor.id)).toEqual({ row: 0, col: 0 });
    expect(await seatOf(ayoub.id)).toEqual({ row: 1, col: 2 });
    expect((await db.pupils.get(ayoub.id))?.updatedAt).toBe(T0.toISOString());
  });

  it('refuses a seat outside the grid and changes nothing', async () => {
    const { cls, sem } = await seed();
    await expectValidation(moveSeat(cls.id, sem.id, { row: 2, col: 0 }, T1), 'outsideGrid');
    expect(await seatOf(sem.id)).toEqual({ row: 0, col: 0 });
  });

  it('refuses a pupil of another class, a removed pupil and a deleted class', async () => {
    const { cls, noor } = await seed();
    const other = classRecord({ rows: 1, cols: 1 });
    const stranger = pupil(other.id, 'Lina', { row: 0, col: 0 });
    const gone = pupil(cls.id, 'Tim', { row: 1, col: 0 }, true);
    await db.classes.add(other);
    await db.pupils.bulkAdd([stranger, gone]);
    await expectValidation(moveSeat(cls.id, stranger.id, { row: 1, col: 1 }), 'unknownPupil');
    await expectValidation(moveSeat(cls.id, gone.id, { row: 1, col: 1 }), 'unknownPupil');
    await db.classes.update(cls.id, { deletedAt: T1.toISOString() });
    await expectValidation(moveSeat(cls.id, noor.id, { row: 1, col: 1 }), 'classNotFound');
  });

  it('lets a removed pupil’s old seat be taken (they no longer sit in the class)', async () => {
    const { cls, sem } = await seed();
    const gone = pupil(cls.id, 'Tim', { row: 1, col: 0 }, true);
    await db.pupils.add(gone);
    expect(await moveSeat(cls.id, sem.id, { row: 1, col: 0 })).toEqual([
      { id: sem.id, seat: { row: 1, col: 0 } },
    ]);
    expect(await seatOf(gone.id)).toEqual({ row: 1, col: 0 });
  });
});

describe('resizeGrid', () => {
  it('grows the grid without moving anyone', async () => {
    const { cls, sem } = await seed();
    expect(await resizeGrid(cls.id, 5, 8, T1)).toEqual([]);
    const stored = await db.classes.get(cls.id);
    expect(stored?.seating).toEqual({ rows: 5, cols: 8 });
    expect(stored?.updatedAt).toBe(T1.toISOString());
    expect(await seatOf(sem.id)).toEqual({ row: 0, col: 0 });
  });

  it('moves pupils outside a smaller grid to free seats', async () => {
    const { cls, ayoub } = await seed();
    // 1 × 3: Ayoub (1,2) falls off; the only free seat is (0,2).
    expect(await resizeGrid(cls.id, 1, 3, T1)).toEqual([
      { id: ayoub.id, seat: { row: 0, col: 2 } },
    ]);
    expect(await seatOf(ayoub.id)).toEqual({ row: 0, col: 2 });
    expect((await db.classes.get(cls.id))?.seating).toEqual({ rows: 1, cols: 3 });
  });

  it('refuses a grid too small for the class and keeps everything', async () => {
    const { cls, ayoub } = await seed();
    const error = await expectValidation(resizeGrid(cls.id, 1, 2, T1), 'gridTooSmall');
    expect(error.detail).toEqual({ needed: 3, available: 2 });
    expect((await db.classes.get(cls.id))?.seating).toEqual({ rows: 2, cols: 3 });
    expect(await seatOf(ayoub.id)).toEqual({ row: 1, col: 2 });
  });

  it.each([
    [0, 3],
    [13, 3],
    [2, 0],
    [2, 13],
    [1.5, 3],
  ])('refuses %s × %s', async (rows, cols) => {
    const { cls } = await seed();
    await expectValidation(resizeGrid(cls.id, rows, cols), 'gridSize');
  });

  it('does not count removed pupils', async () => {
    const { cls } = await seed();
    await db.pupils.add(pupil(cls.id, 'Tim', { row: 1, col: 0 }, true));
    await expect(resizeGrid(cls.id, 1, 3)).resolves.toHaveLength(1);
  });
});

describe('autoArrange', () => {
  it('seats the class alphabetically, front row first', async () => {
    const { cls, sem, noor, ayoub } = await seed();
    await autoArrange(cls.id, 'alphabetical', T1);
    // Ayoub, Noor, Sem
    expect(await seatOf(ayoub.id)).toEqual({ row: 0, col: 0 });
    expect(await seatOf(noor.id)).toEqual({ row: 0, col: 1 });
    expect(await seatOf(sem.id)).toEqual({ row: 0, col: 2 });
  });

  it('adds rows when the grid has too few seats', async () => {
    const cls = classRecord({ rows: 1, cols: 2 });
    await db.classes.add(cls);
    const names = ['Eva', 'Bram', 'Daan', 'Anna', 'Cas'];
    await db.pupils.bulkAdd(names.map((n) => pupil(cls.id, n, null)));
    await autoArrange(cls.id, 'alphabetical', T1);
    expect((await db.classes.get(cls.id))?.seating).toEqual({ rows: 3, cols: 2 });
    const plan = await loadSeatingData(cls.id);
    expect(plan?.pupils.map((p) => [p.name, p.seat])).toEqual([
      ['Anna', { row: 0, col: 0 }],
      ['Bram', { row: 0, col: 1 }],
      ['Cas', { row: 1, col: 0 }],
      ['Daan', { row: 1, col: 1 }],
      ['Eva', { row: 2, col: 0 }],
    ]);
  });
});

describe('loadSeatingData', () => {
  it('returns the grid and the pupils still in the class, alphabetically', async () => {
    const { cls } = await seed();
    await db.pupils.add(pupil(cls.id, 'Tim', { row: 1, col: 0 }, true));
    const plan = await loadSeatingData(cls.id);
    expect(plan?.className).toBe('2B');
    expect(plan?.grid).toEqual({ rows: 2, cols: 3 });
    expect(plan?.pupils.map((p) => p.name)).toEqual(['Ayoub', 'Noor', 'Sem']);
  });

  it('returns null for an unknown or deleted class', async () => {
    const { cls } = await seed();
    expect(await loadSeatingData('nope')).toBeNull();
    await db.classes.update(cls.id, { deletedAt: T1.toISOString() });
    expect(await loadSeatingData(cls.id)).toBeNull();
  });
});
