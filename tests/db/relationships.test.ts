import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, setDbForTests } from '../../src/db/db';
import { ValidationError } from '../../src/model/errors';
import { createClass, softDeleteClass } from '../../src/db/repo/classes';
import { addPupils, removePupil } from '../../src/db/repo/pupils';
import {
  currentRelationships,
  rateRelationship,
  RELATIONSHIP_NOTE_MAX,
  relationshipHistory,
  loadRelationshipsData,
  type RelationshipInput,
} from '../../src/db/repo/relationships';
import { SpiegelDB } from '../../src/db/schema';
import type { ClassRecord, PupilRecord } from '../../src/model/types';

const SEP = new Date(2024, 8, 3, 10, 0);
const SEP_LATER = new Date(2024, 8, 3, 14, 0);
const NOV = new Date(2024, 10, 12, 9, 0);

let cls: ClassRecord;
let sem: PupilRecord;
let noor: PupilRecord;

beforeEach(async () => {
  setDbForTests(new SpiegelDB('t-' + crypto.randomUUID()));
  cls = await createClass({ name: 'Groep 6', schoolType: 'primary', yearLabel: 'groep 6' }, SEP);
  [sem, noor] = (await addPupils(cls.id, ['Sem', 'Noor', 'Ayoub'], SEP)) as [
    PupilRecord,
    PupilRecord,
  ];
});

const input = (pupil: PupilRecord, c: number, k: number, d: number, note = '') =>
  ({
    classId: cls.id,
    pupilId: pupil.id,
    closeness: c,
    conflict: k,
    dependency: d,
    note,
  }) satisfies RelationshipInput;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ValidationError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('rateRelationship', () => {
  it('stores the three dimensions and a trimmed private note', async () => {
    const r = await rateRelationship(
      input(sem, 4, 2, 1, '  Maakt me aan het lachen \n'),
      '2024-09-03',
      SEP,
    );
    expect(await getDb().relationships.get(r.id)).toEqual({
      id: r.id,
      classId: cls.id,
      pupilId: sem.id,
      date: '2024-09-03',
      closeness: 4,
      conflict: 2,
      dependency: 1,
      note: 'Maakt me aan het lachen',
      createdAt: SEP.toISOString(),
      updatedAt: SEP.toISOString(),
    });
  });

  it('updates the rating when rated again on the same date', async () => {
    const first = await rateRelationship(input(sem, 4, 2, 1), '2024-09-03', SEP);
    const second = await rateRelationship(
      input(sem, 3, 3, 1, 'na het gesprek'),
      '2024-09-03',
      SEP_LATER,
    );
    expect(second.id).toBe(first.id);
    const rows = await getDb().relationships.where('pupilId').equals(sem.id).toArray();
    expect(rows).toEqual([
      {
        ...first,
        closeness: 3,
        conflict: 3,
        note: 'na het gesprek',
        updatedAt: SEP_LATER.toISOString(),
      },
    ]);
  });

  it('keeps history across dates; current is the latest', async () => {
    await rateRelationship(input(sem, 2, 4, 1), '2024-09-03', SEP);
    await rateRelationship(input(sem, 3, 2, 1), '2024-11-12', NOV);
    await rateRelationship(input(noor, 5, 1, 3), '2024-09-03', SEP);
    expect(
      (await relationshipHistory(sem.id)).map((r) => [r.date, r.closeness, r.conflict]),
    ).toEqual([
      ['2024-09-03', 2, 4],
      ['2024-11-12', 3, 2],
    ]);
    const current = await currentRelationships(cls.id);
    expect(current.get(sem.id)?.conflict).toBe(2);
    expect(current.get(noor.id)?.closeness).toBe(5);
    expect(current.size).toBe(2);
  });

  it.each([
    [[0, 3, 3], 'ratingRange'],
    [[6, 3, 3], 'ratingRange'],
    [[3, 2.5, 3], 'ratingRange'],
    [[3, 3, Number.NaN], 'ratingRange'],
  ])('refuses %j with %s and writes nothing', async ([c, k, d], code) => {
    expect(await codeOf(rateRelationship(input(sem, c!, k!, d!), '2024-09-03', SEP))).toBe(code);
    expect(await getDb().relationships.count()).toBe(0);
  });

  it('refuses a note over the limit, a future date, an unknown or removed pupil, a deleted class', async () => {
    const long = 'x'.repeat(RELATIONSHIP_NOTE_MAX + 1);
    expect(await codeOf(rateRelationship(input(sem, 3, 3, 3, long), '2024-09-03', SEP))).toBe(
      'noteTooLong',
    );
    expect(
      await codeOf(
        rateRelationship(input(sem, 3, 3, 3, 'x'.repeat(RELATIONSHIP_NOTE_MAX)), '2024-09-03', SEP),
      ),
    ).toBe('no error');
    await getDb().relationships.clear();
    expect(await codeOf(rateRelationship(input(sem, 3, 3, 3), '2024-09-04', SEP))).toBe(
      'dateFuture',
    );
    expect(
      await codeOf(rateRelationship({ ...input(sem, 3, 3, 3), pupilId: 'x' }, '2024-09-03', SEP)),
    ).toBe('pupilNotFound');
    await removePupil(noor.id, SEP);
    expect(await codeOf(rateRelationship(input(noor, 3, 3, 3), '2024-09-03', SEP))).toBe(
      'pupilNotFound',
    );
    await softDeleteClass(cls.id, SEP);
    expect(await codeOf(rateRelationship(input(sem, 3, 3, 3), '2024-09-03', SEP))).toBe(
      'classNotFound',
    );
    expect(await getDb().relationships.count()).toBe(0);
  });
});

describe('loadRelationshipsData', () => {
  it('splits today from last time and leaves removed pupils out', async () => {
    await rateRelationship(input(sem, 2, 4, 1), '2024-09-03', SEP);
    await rateRelationship(input(sem, 3, 2, 1), '2024-11-12', NOV);
    await rateRelationship(input(noor, 5, 1, 3), '2024-09-03', SEP);
    await removePupil(noor.id, NOV);
    const view = await loadRelationshipsData(cls.id, '2024-11-12');
    expect(view?.pupils.map((p) => p.name)).toEqual(['Sem', 'Ayoub']);
    expect(view?.today.get(sem.id)?.closeness).toBe(3);
    expect(view?.previous.get(sem.id)?.closeness).toBe(2);
    expect(view?.today.has(noor.id)).toBe(false);
    expect(await loadRelationshipsData('missing', '2024-11-12')).toBeNull();
  });
});
