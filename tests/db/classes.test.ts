import { beforeEach, describe, expect, it } from 'vitest';
import { setDbForTests, getDb } from '../../src/db/db';
import { ValidationError } from '../../src/model/errors';
import {
  archiveClass,
  createClass,
  getClass,
  listClassSummaries,
  listClasses,
  renameClass,
  restoreClass,
  softDeleteClass,
  unarchiveClass,
} from '../../src/db/repo/classes';
import { addPupils, removePupil } from '../../src/db/repo/pupils';
import { SpiegelDB } from '../../src/db/schema';

const t0 = new Date('2025-09-01T08:00:00.000Z');
const t1 = new Date('2025-09-02T09:30:00.000Z');

const make = (name: string, now = t0) =>
  createClass({ name, schoolType: 'primary', yearLabel: 'groep 6' }, now);

async function expectValidation(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).code).toBe(code);
}

beforeEach(() => {
  setDbForTests(new SpiegelDB('t-' + crypto.randomUUID()));
});

describe('createClass', () => {
  it('stores a trimmed class with the defaults', async () => {
    const cls = await createClass(
      { name: '  Groep   6b ', schoolType: 'primary', yearLabel: ' groep 6 ' },
      t0,
    );
    expect(cls).toMatchObject({
      name: 'Groep 6b',
      schoolType: 'primary',
      yearLabel: 'groep 6',
      seating: { rows: 1, cols: 6 },
      hiddenKinds: [],
      archivedAt: null,
      deletedAt: null,
      isDemo: false,
      expectationScale: { kind: 'relative5' },
      createdAt: '2025-09-01T08:00:00.000Z',
      updatedAt: '2025-09-01T08:00:00.000Z',
    });
    expect(cls.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getDb().classes.get(cls.id)).toEqual(cls);
  });

  it.each([
    ['', 'nameRequired'],
    ['   \t ', 'nameRequired'],
    ['x'.repeat(81), 'nameTooLong'],
  ])('refuses the name %j with %s', async (name, code) => {
    await expectValidation(make(name), code);
    expect(await getDb().classes.count()).toBe(0);
  });

  it('accepts a name of exactly 80 characters', async () => {
    expect((await make('x'.repeat(80))).name).toHaveLength(80);
  });

  it('refuses an overly long year label', async () => {
    await expectValidation(
      createClass({ name: '3A', schoolType: 'secondary', yearLabel: 'y'.repeat(41) }, t0),
      'yearLabelTooLong',
    );
  });
});

describe('listClasses', () => {
  it('sorts by name the Dutch way and leaves out deleted classes', async () => {
    await make('groep 10');
    await make('Groep 2');
    await make('ávond');
    await make('Brugklas');
    const gone = await make('Aardrijkskunde');
    await softDeleteClass(gone.id, t1);
    expect((await listClasses()).map((c) => c.name)).toEqual([
      'ávond',
      'Brugklas',
      'Groep 2',
      'groep 10',
    ]);
  });

  it('keeps archived classes (the start screen shows them apart)', async () => {
    const a = await make('5B');
    await archiveClass(a.id, t1);
    expect((await listClasses()).map((c) => c.archivedAt)).toEqual([t1.toISOString()]);
  });

  it('counts the pupils still in each class', async () => {
    const a = await make('A');
    const b = await make('B');
    const [first] = await addPupils(a.id, ['Sem', 'Bo', 'Ida'], t0);
    await removePupil(first!.id, t1);
    const summaries = await listClassSummaries();
    expect(summaries.map((s) => [s.cls.id, s.pupilCount])).toEqual([
      [a.id, 2],
      [b.id, 0],
    ]);
  });
});

describe('changing a class', () => {
  it('renames with validation and a new updatedAt', async () => {
    const cls = await make('5B');
    const renamed = await renameClass(cls.id, ' 5C ', t1);
    expect(renamed.name).toBe('5C');
    expect(renamed.updatedAt).toBe(t1.toISOString());
    expect(renamed.createdAt).toBe(t0.toISOString());
    await expectValidation(renameClass(cls.id, '  ', t1), 'nameRequired');
    expect((await getClass(cls.id))?.name).toBe('5C');
  });

  it('archives and unarchives', async () => {
    const cls = await make('5B');
    expect((await archiveClass(cls.id, t1)).archivedAt).toBe(t1.toISOString());
    // Archiving twice keeps the first date.
    expect((await archiveClass(cls.id, new Date('2026-01-01'))).archivedAt).toBe(t1.toISOString());
    expect((await unarchiveClass(cls.id, t1)).archivedAt).toBeNull();
  });

  it('soft-deletes so that undo brings everything back', async () => {
    const cls = await make('5B');
    await addPupils(cls.id, ['Sem', 'Bo'], t0);
    await softDeleteClass(cls.id, t1);
    expect(await getClass(cls.id)).toBeUndefined();
    expect((await getDb().classes.get(cls.id))?.deletedAt).toBe(t1.toISOString());
    expect(await getDb().pupils.count()).toBe(2);
    await expectValidation(renameClass(cls.id, 'X', t1), 'classNotFound');

    const restored = await restoreClass(cls.id, t1);
    expect(restored.deletedAt).toBeNull();
    expect((await getClass(cls.id))?.name).toBe('5B');
    expect((await listClassSummaries())[0]?.pupilCount).toBe(2);
  });

  it('reports an unknown class', async () => {
    await expectValidation(archiveClass('nope', t1), 'classNotFound');
    await expectValidation(restoreClass('nope', t1), 'classNotFound');
    expect(await getClass('nope')).toBeUndefined();
  });
});
