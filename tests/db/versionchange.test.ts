/**
 * Two tabs: A still runs old code (schema v1), B loads the new release (SpiegelDB v2). When B
 * upgrades, A must close for good and say so, so it can never write an unmigrated record into
 * the upgraded database; and B's upgrade must not wait for A.
 */
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, wireVersionChange } from '../../src/db/db';
import { classifyStorageError } from '../../src/db/errors';
import { SCHEMA_VERSION, SpiegelDB } from '../../src/db/schema';
import { declareReleasedVersions } from './schemaHistory';
import { clearStorageProblem, subscribeStorageProblem } from '../../src/db/status';
import type { StorageErrorKind } from '../../src/db/errors';

const T = '2025-03-03T08:00:00.000Z';
const oldClass = (id: string) => ({
  id,
  name: 'Groep 6b',
  schoolType: 'primary',
  yearLabel: 'groep 6',
  seating: { rows: 4, cols: 6 },
  hiddenKinds: [],
  archivedAt: null,
  deletedAt: null,
  isDemo: false,
  createdAt: T,
  updatedAt: T,
});

let reported: StorageErrorKind[];
let unsubscribe: () => void;
const open: Dexie[] = [];

beforeEach(() => {
  clearStorageProblem();
  reported = [];
  unsubscribe = subscribeStorageProblem((p) => {
    if (p) reported.push(p.kind);
  });
});

afterEach(async () => {
  unsubscribe();
  clearStorageProblem();
  const dbs = open.splice(0);
  dbs.forEach((db) => db.close());
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

/** Tab A: the previous release's code, wired like openDb wires the current one. */
async function oldTab(name: string, wired: boolean): Promise<Dexie> {
  const db = declareReleasedVersions(new Dexie(name), 1);
  if (wired) wireVersionChange(db);
  open.push(db);
  await db.open();
  await db.table('classes').add(oldClass('c-before'));
  return db;
}

describe('a second tab opens a newer schema', () => {
  it('closes the old tab for good, reports it, and lets the upgrade through', async () => {
    const name = 't-' + crypto.randomUUID();
    const a = await oldTab(name, true);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const b = openDb(new SpiegelDB(name));
    open.push(b);
    // Not blocked: resolves although tab A was open on version 1.
    await b.open();
    expect(b.verno).toBe(SCHEMA_VERSION);

    expect(a.isOpen()).toBe(false);
    expect(reported).toContain('versionChanged');
    expect(reported).not.toContain('blocked');

    // Old code tries to write after the upgrade: refused, not silently reopened.
    const write = a.table('classes').add(oldClass('c-after'));
    await expect(write).rejects.toMatchObject({ name: 'DatabaseClosedError' });
    expect(classifyStorageError(await write.catch((e: unknown) => e))).toBe('closed');
    await expect(a.table('pupils').count()).rejects.toMatchObject({
      name: 'DatabaseClosedError',
    });

    expect(await b.classes.get('c-after')).toBeUndefined();
    const classes = await b.classes.toArray();
    expect(classes.map((c) => c.id)).toEqual(['c-before']);
    expect(classes.every((c) => c.expectationScale?.kind === 'relative5')).toBe(true);
    // The banner keeps the explanation ("newer version elsewhere") rather than a bare "closed".
    expect(reported.at(-1)).toBe('versionChanged');
    warn.mockRestore();
  });

  it('without the wiring, old code would reopen and write an unmigrated record (why it exists)', async () => {
    const name = 't-' + crypto.randomUUID();
    const a = await oldTab(name, false);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const b = new SpiegelDB(name);
    open.push(b);
    await b.open();

    // Dexie's default handler closes with auto-open on, so this write goes through.
    await a.table('classes').add(oldClass('c-after'));
    const stray = await b.classes.get('c-after');
    expect(stray).toBeDefined();
    expect(stray?.expectationScale).toBeUndefined();
    warn.mockRestore();
  });
});
