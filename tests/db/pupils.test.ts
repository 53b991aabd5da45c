import { beforeEach, describe, expect, it, vi } from 'vitest';
import { putEvents, readAllEvents } from '../../src/db/eventStore';
import { getDb, setDbForTests } from '../../src/db/db';
import { ValidationError } from '../../src/model/errors';
import { createClass, getClass, softDeleteClass } from '../../src/db/repo/classes';
import {
  addPupil,
  addPupils,
  deletePupilWithHistory,
  listPupils,
  removePupil,
  renamePupil,
  restorePupil,
} from '../../src/db/repo/pupils';
import { SpiegelDB } from '../../src/db/schema';
import type { IntentionRecord, JournalEntry, PupilRecord } from '../../src/model/types';

const t0 = new Date('2025-09-01T08:00:00.000Z');
const t1 = new Date('2025-09-08T08:00:00.000Z');
const iso0 = t0.toISOString();

async function expectValidation(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).code).toBe(code);
}

const seatOf = (p: PupilRecord) => (p.seat ? `${p.seat.row}:${p.seat.col}` : null);
let classId = '';

beforeEach(async () => {
  setDbForTests(new SpiegelDB('t-' + crypto.randomUUID()));
  classId = (await createClass({ name: '6B', schoolType: 'primary', yearLabel: 'groep 6' }, t0)).id;
});

describe('addPupil', () => {
  it('stores a trimmed pupil on the first free seat', async () => {
    const sem = await addPupil(classId, '  Sem   V. ', t0);
    expect(sem).toMatchObject({
      classId,
      name: 'Sem V.',
      seat: { row: 0, col: 0 },
      lensValues: {},
      removedAt: null,
      createdAt: iso0,
      updatedAt: iso0,
    });
    expect(seatOf(await addPupil(classId, 'Bo', t0))).toBe('0:1');
  });

  it.each([
    ['', 'nameRequired'],
    [' \t ', 'nameRequired'],
    ['x'.repeat(61), 'nameTooLong'],
  ])('refuses %j with %s', async (name, code) => {
    await expectValidation(addPupil(classId, name, t0), code);
    expect(await getDb().pupils.count()).toBe(0);
  });

  it('accepts 60 characters and emoji', async () => {
    expect((await addPupil(classId, 'y'.repeat(60), t0)).name).toHaveLength(60);
    expect((await addPupil(classId, 'Ida 🦊', t0)).name).toBe('Ida 🦊');
  });

  it('grows the grid by a row when the class is full', async () => {
    // createClass starts with one row of six seats.
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F']) await addPupil(classId, name, t0);
    expect((await getClass(classId))?.seating).toEqual({ rows: 1, cols: 6 });
    const seventh = await addPupil(classId, 'G', t1);
    expect(seatOf(seventh)).toBe('1:0');
    const cls = await getClass(classId);
    expect(cls?.seating).toEqual({ rows: 2, cols: 6 });
    expect(cls?.updatedAt).toBe(t1.toISOString());
  });

  it('fills a gap before growing', async () => {
    const pupils = await addPupils(classId, ['A', 'B', 'C'], t0);
    await removePupil(pupils[1]!.id, t1);
    expect(seatOf(await addPupil(classId, 'D', t1))).toBe('0:1');
  });

  it('refuses a deleted or unknown class', async () => {
    await expectValidation(addPupil('nope', 'Sem', t0), 'classNotFound');
    await softDeleteClass(classId, t1);
    await expectValidation(addPupil(classId, 'Sem', t0), 'classNotFound');
  });
});

describe('addPupils', () => {
  it('adds a pasted list in one go, seat after seat, growing the grid', async () => {
    const names = Array.from({ length: 25 }, (_, i) => `P${i + 1}`);
    const added = await addPupils(classId, names, t0);
    expect(added.map((p) => p.name)).toEqual(names);
    expect(added.map(seatOf).slice(0, 8)).toEqual([
      '0:0',
      '0:1',
      '0:2',
      '0:3',
      '0:4',
      '0:5',
      '1:0',
      '1:1',
    ]);
    expect(seatOf(added[24]!)).toBe('4:0');
    expect((await getClass(classId))?.seating).toEqual({ rows: 5, cols: 6 });
  });

  it('adds 200 names at once but not 201', async () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `Leerling ${i + 1}`);
    await expectValidation(addPupils(classId, names(201), t0), 'tooMany');
    expect(await getDb().pupils.count()).toBe(0);
    expect(await addPupils(classId, names(200), t0)).toHaveLength(200);
  });

  it('adds nothing when one name is invalid', async () => {
    await expectValidation(addPupils(classId, ['Sem', '  ', 'Bo'], t0), 'nameRequired');
    expect(await getDb().pupils.count()).toBe(0);
    expect((await getClass(classId))?.seating).toEqual({ rows: 1, cols: 6 });
  });

  it('does nothing for an empty list', async () => {
    expect(await addPupils(classId, [], t0)).toEqual([]);
  });
});

describe('listPupils', () => {
  it('orders by row, then column, then name; unseated pupils last', async () => {
    const [a, b, c, d] = await addPupils(classId, ['Anna', 'Bram', 'Cas', 'Dirk'], t0);
    const db = getDb();
    await db.pupils.update(a!.id, { seat: { row: 1, col: 0 } });
    await db.pupils.update(b!.id, { seat: null });
    await db.pupils.update(c!.id, { seat: { row: 0, col: 5 } });
    await db.pupils.update(d!.id, { seat: null });
    await addPupil(classId, 'Eva', t0); // takes 0:0
    expect((await listPupils(classId)).map((p) => p.name)).toEqual([
      'Eva',
      'Cas',
      'Anna',
      'Bram',
      'Dirk',
    ]);
  });

  it('leaves removed pupils out unless asked', async () => {
    const [sem] = await addPupils(classId, ['Sem', 'Bo'], t0);
    await removePupil(sem!.id, t1);
    expect((await listPupils(classId)).map((p) => p.name)).toEqual(['Bo']);
    expect((await listPupils(classId, { includeRemoved: true })).map((p) => p.name)).toEqual([
      'Bo',
      'Sem',
    ]);
  });
});

describe('rename, remove and restore', () => {
  it('renames with validation', async () => {
    const sem = await addPupil(classId, 'Sem', t0);
    expect(await renamePupil(sem.id, ' Sem B ', t1)).toMatchObject({
      name: 'Sem B',
      updatedAt: t1.toISOString(),
    });
    await expectValidation(renamePupil(sem.id, '', t1), 'nameRequired');
    await expectValidation(renamePupil('nope', 'X', t1), 'pupilNotFound');
  });

  it('removes softly, frees the seat and restores on a free seat', async () => {
    const [sem, bo] = await addPupils(classId, ['Sem', 'Bo'], t0);
    const removed = await removePupil(sem!.id, t1);
    expect(removed).toMatchObject({ removedAt: t1.toISOString(), seat: null });
    expect(await getDb().pupils.count()).toBe(2);
    const cas = await addPupil(classId, 'Cas', t1); // takes the freed seat
    expect(seatOf(cas)).toBe('0:0');
    const back = await restorePupil(sem!.id, t1);
    expect(back.removedAt).toBeNull();
    expect(seatOf(back)).toBe('0:2');
    expect(seatOf((await getDb().pupils.get(bo!.id))!)).toBe('0:1');
  });
});

describe('deletePupilWithHistory', () => {
  it('erases the pupil and all their records, and nobody else’s', async () => {
    const [sem, bo] = await addPupils(classId, ['Sem', 'Bo'], t0);
    const db = getDb();
    const base = { classId, createdAt: iso0, updatedAt: iso0 };
    for (const pupilId of [sem!.id, bo!.id]) {
      await putEvents(db, [
        {
          ...base,
          id: crypto.randomUUID(),
          lessonId: 'L1',
          pupilId,
          kind: 'turn',
          date: '2025-09-01',
          at: iso0,
          loggedAfter: false,
        },
      ]);
      await db.absences.add({ ...base, id: crypto.randomUUID(), lessonId: 'L2', pupilId });
      await db.banking.add({
        ...base,
        id: crypto.randomUUID(),
        pupilId,
        date: '2025-09-01',
        minutes: 10,
        note: '',
        deletedAt: null,
      });
      await db.expectations.add({
        ...base,
        id: crypto.randomUUID(),
        pupilId,
        date: '2025-09-01',
        value: 2,
        confidence: null,
      });
      await db.achievements.add({
        ...base,
        id: crypto.randomUUID(),
        pupilId,
        label: 'Toets',
        date: '2025-09-01',
        scoreType: 'grade',
        score: 7,
      });
      await db.relationships.add({
        ...base,
        id: crypto.randomUUID(),
        pupilId,
        date: '2025-09-01',
        closeness: 4,
        conflict: 1,
        dependency: 2,
        note: '',
      });
    }
    await deletePupilWithHistory(sem!.id);
    expect(await db.pupils.get(sem!.id)).toBeUndefined();
    const events = await readAllEvents(db);
    expect(events.filter((e) => e.pupilId === sem!.id)).toHaveLength(0);
    expect(events.filter((e) => e.pupilId === bo!.id)).toHaveLength(1);
    for (const table of [
      db.absences,
      db.banking,
      db.expectations,
      db.achievements,
      db.relationships,
    ]) {
      expect(await table.where('pupilId').equals(sem!.id).count()).toBe(0);
      expect(await table.where('pupilId').equals(bo!.id).count()).toBe(1);
    }
    expect(await db.pupils.get(bo!.id)).toBeDefined();
  });

  it('also erases journal entries, intentions and prompt states about the pupil, and only those', async () => {
    const [sem, bo] = await addPupils(classId, ['Sem', 'Bo'], t0);
    const db = getDb();
    const stamp = { createdAt: iso0, updatedAt: iso0 };
    const entry = (id: string, patch: Partial<JournalEntry>): JournalEntry => ({
      id,
      classId,
      date: '2025-09-01',
      text: 'Na de les.',
      lessonId: null,
      pupilId: null,
      insightKey: null,
      source: 'journal',
      deletedAt: null,
      ...stamp,
      ...patch,
    });
    const intention = (id: string, target: IntentionRecord['target']): IntentionRecord => ({
      id,
      classId,
      target,
      measure: { kind: 'turn', perLesson: 1 },
      from: '2025-09-01',
      to: '2025-09-30',
      note: '',
      closingReflection: '',
      closedAt: null,
      deletedAt: null,
      ...stamp,
    });
    await db.journal.bulkAdd([
      entry('j-sem', { pupilId: sem!.id }),
      entry('j-sem-insight', { insightKey: `notAddressed:${sem!.id}` }),
      entry('j-bo', { pupilId: bo!.id }),
      entry('j-class', {}),
      entry('j-none', { classId: null }),
    ]);
    await db.intentions.bulkAdd([
      intention('i-sem', { type: 'pupil', pupilId: sem!.id }),
      intention('i-bo', { type: 'pupil', pupilId: bo!.id }),
      intention('i-class', { type: 'class' }),
    ]);
    await db.promptStates.bulkAdd([
      {
        id: 'p-sem',
        classId,
        promptKey: `notAddressed:${sem!.id}`,
        status: 'dismissed',
        until: null,
        ...stamp,
      },
      {
        id: 'p-class',
        classId,
        promptKey: 'rateExpectations',
        status: 'dismissed',
        until: null,
        ...stamp,
      },
    ]);

    await deletePupilWithHistory(sem!.id);

    expect((await db.journal.toCollection().primaryKeys()).sort()).toEqual([
      'j-bo',
      'j-class',
      'j-none',
    ]);
    expect((await db.intentions.toCollection().primaryKeys()).sort()).toEqual(['i-bo', 'i-class']);
    expect(await db.promptStates.toCollection().primaryKeys()).toEqual(['p-class']);
  });

  it('is one transaction: a failure leaves the pupil and their journal in place', async () => {
    const [sem] = await addPupils(classId, ['Sem'], t0);
    const db = getDb();
    await db.journal.add({
      id: 'j-sem',
      classId,
      date: '2025-09-01',
      text: 'Over Sem.',
      lessonId: null,
      pupilId: sem!.id,
      insightKey: null,
      source: 'journal',
      deletedAt: null,
      createdAt: iso0,
      updatedAt: iso0,
    });
    const spy = vi.spyOn(db.pupils, 'delete').mockRejectedValue(new Error('disk trouble'));
    await expect(deletePupilWithHistory(sem!.id)).rejects.toThrow('disk trouble');
    spy.mockRestore();
    expect(await db.pupils.get(sem!.id)).toBeDefined();
    expect(await db.journal.get('j-sem')).toBeDefined();
  });
});
