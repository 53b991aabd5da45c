import { beforeEach, describe, expect, it } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import { ValidationError } from '../../src/model/errors';
import {
  createLens,
  deleteLens,
  listLenses,
  loadLensesData,
  renameLens,
  setPupilLensValue,
  updateLens,
  updateLensValues,
} from '../../src/db/repo/lenses';
import { SpiegelDB } from '../../src/db/schema';
import type { ClassRecord, PupilRecord } from '../../src/model/types';

const T0 = new Date('2025-03-03T09:00:00Z');
const T1 = new Date('2025-03-03T10:00:00Z');
let db: SpiegelDB;

async function seed() {
  const ts = T0.toISOString();
  const cls: ClassRecord = {
    id: crypto.randomUUID(),
    name: 'Groep 6',
    schoolType: 'primary',
    yearLabel: 'groep 6',
    seating: { rows: 1, cols: 2 },
    hiddenKinds: [],
    archivedAt: null,
    deletedAt: null,
    isDemo: false,
    expectationScale: { kind: 'relative5' },
    createdAt: ts,
    updatedAt: ts,
  };
  const mk = (name: string, col: number): PupilRecord => ({
    id: crypto.randomUUID(),
    classId: cls.id,
    name,
    seat: { row: 0, col },
    lensValues: {},
    removedAt: null,
    createdAt: ts,
    updatedAt: ts,
  });
  const sem = mk('Sem', 0);
  const noor = mk('Noor', 1);
  await db.classes.add(cls);
  await db.pupils.bulkAdd([sem, noor]);
  return { cls, sem, noor };
}

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error === null) return null;
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).code;
}

const valuesOf = async (id: string) => (await db.pupils.get(id))?.lensValues;

beforeEach(() => {
  db = new SpiegelDB('t-' + crypto.randomUUID());
  setDbForTests(db);
});

describe('createLens', () => {
  it('trims the name and values, drops empty values and numbers the order', async () => {
    const { cls } = await seed();
    const lens = await createLens(cls.id, '  Home  language ', [' Dutch ', '', '  ', 'Other'], T1);
    expect(lens.name).toBe('Home language');
    expect(lens.values.map((v) => v.label)).toEqual(['Dutch', 'Other']);
    expect(new Set(lens.values.map((v) => v.id)).size).toBe(2);
    expect(lens).toMatchObject({ classId: cls.id, order: 0, deletedAt: null });
    expect(lens.createdAt).toBe(T1.toISOString());
    const second = await createLens(cls.id, 'Gender', ['girl', 'boy', 'other']);
    expect(second.order).toBe(1);
    expect((await listLenses(cls.id)).map((l) => l.name)).toEqual(['Home language', 'Gender']);
  });

  it.each<[string, string, string[], string | null]>([
    ['an empty name', '   ', ['a', 'b'], 'nameRequired'],
    ['a name too long', 'x'.repeat(41), ['a', 'b'], 'nameTooLong'],
    ['one value', 'Lens', ['only'], 'tooFewValues'],
    ['two values of which one is blank', 'Lens', ['a', ' '], 'tooFewValues'],
    ['13 values', 'Lens', Array.from({ length: 13 }, (_, i) => `v${i}`), 'tooManyValues'],
    ['12 values', 'Lens', Array.from({ length: 12 }, (_, i) => `v${i}`), null],
    ['duplicates differing in case', 'Lens', ['Havo', 'vwo', ' HAVO'], 'valueDuplicate'],
    ['a value too long', 'Lens', ['a', 'b'.repeat(41)], 'valueTooLong'],
  ])('%s → %s', async (_label, name, values, code) => {
    const { cls } = await seed();
    expect(await codeOf(createLens(cls.id, name, values))).toBe(code);
  });

  it('refuses a name already used in the class (ignoring case), but not in another class', async () => {
    const { cls } = await seed();
    await createLens(cls.id, 'Gender', ['a', 'b']);
    expect(await codeOf(createLens(cls.id, 'gender', ['c', 'd']))).toBe('nameTaken');
    await db.classes.add({ ...(await db.classes.get(cls.id))!, id: 'other' });
    expect(await codeOf(createLens('other', 'Gender', ['a', 'b']))).toBeNull();
  });

  it('refuses an unknown class', async () => {
    await seed();
    expect(await codeOf(createLens('nope', 'Gender', ['a', 'b']))).toBe('classNotFound');
  });
});

describe('renameLens', () => {
  it('renames, and refuses an empty or taken name', async () => {
    const { cls } = await seed();
    const lens = await createLens(cls.id, 'Gender', ['a', 'b']);
    await createLens(cls.id, 'Level', ['a', 'b']);
    await renameLens(lens.id, ' Sex ', T1);
    expect((await db.lenses.get(lens.id))?.name).toBe('Sex');
    expect((await db.lenses.get(lens.id))?.updatedAt).toBe(T1.toISOString());
    expect(await codeOf(renameLens(lens.id, ''))).toBe('nameRequired');
    expect(await codeOf(renameLens(lens.id, 'LEVEL'))).toBe('nameTaken');
    // Changing only the case of its own name is fine.
    expect(await codeOf(renameLens(lens.id, 'SEX'))).toBeNull();
  });
});

describe('updateLensValues', () => {
  it('keeps ids of renamed values, adds new ones, and clears removed values from pupils', async () => {
    const { cls, sem, noor } = await seed();
    const lens = await createLens(cls.id, 'Home language', ['Dutch', 'Other', 'Both']);
    const [dutch, other, both] = lens.values;
    await setPupilLensValue(sem.id, lens.id, dutch!.id);
    await setPupilLensValue(noor.id, lens.id, both!.id);

    const updated = await updateLensValues(
      lens.id,
      [
        { id: dutch!.id, label: 'Dutch only' },
        { id: other!.id, label: 'Other' },
        { label: 'Unknown' },
      ],
      T1,
    );
    expect(updated.values.map((v) => v.label)).toEqual(['Dutch only', 'Other', 'Unknown']);
    expect(updated.values[0]!.id).toBe(dutch!.id);
    expect(updated.values[1]!.id).toBe(other!.id);
    expect([dutch!.id, other!.id, both!.id]).not.toContain(updated.values[2]!.id);
    expect((await db.lenses.get(lens.id))?.values).toEqual(updated.values);

    expect(await valuesOf(sem.id)).toEqual({ [lens.id]: dutch!.id });
    expect(await valuesOf(noor.id)).toEqual({});
    expect((await db.pupils.get(noor.id))?.updatedAt).toBe(T1.toISOString());
  });

  it('validates like createLens and changes nothing on refusal', async () => {
    const { cls } = await seed();
    const lens = await createLens(cls.id, 'Gender', ['girl', 'boy']);
    const [girl] = lens.values;
    expect(await codeOf(updateLensValues(lens.id, [{ id: girl!.id, label: 'girl' }]))).toBe(
      'tooFewValues',
    );
    expect(
      await codeOf(updateLensValues(lens.id, [{ id: girl!.id, label: 'Girl' }, { label: 'GIRL' }])),
    ).toBe('valueDuplicate');
    expect((await db.lenses.get(lens.id))?.values).toEqual(lens.values);
  });

  it('gives a fresh id to an id it does not know', async () => {
    const { cls } = await seed();
    const lens = await createLens(cls.id, 'Gender', ['girl', 'boy']);
    const updated = await updateLensValues(lens.id, [
      { id: 'forged', label: 'a' },
      { id: lens.values[1]!.id, label: 'b' },
    ]);
    expect(updated.values[0]!.id).not.toBe('forged');
  });
});

describe('updateLens', () => {
  it('saves name and values together, or neither', async () => {
    const { cls, sem } = await seed();
    const lens = await createLens(cls.id, 'Gender', ['girl', 'boy', 'other']);
    await createLens(cls.id, 'Level', ['havo', 'vwo']);
    const [girl, boy, other] = lens.values;
    await setPupilLensValue(sem.id, lens.id, other!.id);

    // A taken name: the values are not touched either.
    expect(
      await codeOf(updateLens(lens.id, 'level', [{ id: girl!.id, label: 'Girl' }, { label: 'x' }])),
    ).toBe('nameTaken');
    expect((await db.lenses.get(lens.id))?.values).toEqual(lens.values);
    // Bad values: the name is not touched either.
    expect(await codeOf(updateLens(lens.id, 'Sex', [{ label: 'only one' }]))).toBe('tooFewValues');
    expect((await db.lenses.get(lens.id))?.name).toBe('Gender');

    const saved = await updateLens(
      lens.id,
      'Sex',
      [
        { id: girl!.id, label: 'Girl' },
        { id: boy!.id, label: 'Boy' },
      ],
      T1,
    );
    expect(saved.name).toBe('Sex');
    expect(saved.values).toEqual([
      { id: girl!.id, label: 'Girl' },
      { id: boy!.id, label: 'Boy' },
    ]);
    expect(await db.lenses.get(lens.id)).toEqual(saved);
    expect(await valuesOf(sem.id)).toEqual({});
  });
});

describe('deleteLens', () => {
  it('soft-deletes the lens and clears it from every pupil, keeping other lenses', async () => {
    const { cls, sem, noor } = await seed();
    const gender = await createLens(cls.id, 'Gender', ['girl', 'boy']);
    const level = await createLens(cls.id, 'Level', ['havo', 'vwo']);
    await setPupilLensValue(sem.id, gender.id, gender.values[1]!.id);
    await setPupilLensValue(sem.id, level.id, level.values[0]!.id);
    await setPupilLensValue(noor.id, gender.id, gender.values[0]!.id);

    await deleteLens(gender.id, T1);
    const stored = await db.lenses.get(gender.id);
    expect(stored?.deletedAt).toBe(T1.toISOString());
    expect((await listLenses(cls.id)).map((l) => l.name)).toEqual(['Level']);
    expect(await valuesOf(sem.id)).toEqual({ [level.id]: level.values[0]!.id });
    expect(await valuesOf(noor.id)).toEqual({});
    expect(await codeOf(deleteLens(gender.id))).toBe('lensNotFound');
    expect(await codeOf(setPupilLensValue(sem.id, gender.id, null))).toBe('lensNotFound');
    // The name is free again.
    expect(await codeOf(createLens(cls.id, 'Gender', ['a', 'b']))).toBeNull();
  });
});

describe('setPupilLensValue', () => {
  it('sets and clears a value', async () => {
    const { cls, sem } = await seed();
    const lens = await createLens(cls.id, 'Gender', ['girl', 'boy']);
    await setPupilLensValue(sem.id, lens.id, lens.values[1]!.id, T1);
    expect(await valuesOf(sem.id)).toEqual({ [lens.id]: lens.values[1]!.id });
    expect((await db.pupils.get(sem.id))?.updatedAt).toBe(T1.toISOString());
    await setPupilLensValue(sem.id, lens.id, null);
    expect(await valuesOf(sem.id)).toEqual({});
  });

  it('refuses a value of another lens, a lens of another class and an unknown pupil', async () => {
    const { cls, sem } = await seed();
    const gender = await createLens(cls.id, 'Gender', ['girl', 'boy']);
    const level = await createLens(cls.id, 'Level', ['havo', 'vwo']);
    expect(await codeOf(setPupilLensValue(sem.id, gender.id, level.values[0]!.id))).toBe(
      'valueUnknown',
    );
    await db.classes.add({ ...(await db.classes.get(cls.id))!, id: 'other' });
    const foreign = await createLens('other', 'Gender', ['a', 'b']);
    expect(await codeOf(setPupilLensValue(sem.id, foreign.id, foreign.values[0]!.id))).toBe(
      'lensNotFound',
    );
    expect(await codeOf(setPupilLensValue('nope', gender.id, null))).toBe('pupilNotFound');
    expect(await valuesOf(sem.id)).toEqual({});
  });
});

describe('loadLensesData', () => {
  it('returns the class, its lenses and its pupils alphabetically', async () => {
    const { cls } = await seed();
    await createLens(cls.id, 'Gender', ['girl', 'boy']);
    const overview = await loadLensesData(cls.id);
    expect(overview?.className).toBe('Groep 6');
    expect(overview?.schoolType).toBe('primary');
    expect(overview?.lenses.map((l) => l.name)).toEqual(['Gender']);
    expect(overview?.pupils.map((p) => p.name)).toEqual(['Noor', 'Sem']);
    expect(await loadLensesData('nope')).toBeNull();
  });
});
