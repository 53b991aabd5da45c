/**
 * The path for raising the backup formatVersion: every older version has a step in
 * BACKUP_MIGRATIONS, the steps run in order, and a frozen version-1 file (committed once,
 * never regenerated) still restores completely whatever the current version is.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from '../../src/db/backup/format';
import { importBackup } from '../../src/db/backup/import';
import { BACKUP_MIGRATIONS, migrateBackup, type BackupStep } from '../../src/db/backup/migrate';
import { DATA_TABLES, type SpiegelDB } from '../../src/db/schema';
import { freshDb, readData } from './backupHelpers';

const V1_FILE = readFileSync(new URL('./fixtures/backup-v1.json', import.meta.url), 'utf8');

describe('the migration registry', () => {
  it('has a step for every version older than the current one', () => {
    const missing = [];
    for (let v = 1; v < BACKUP_FORMAT_VERSION; v++) if (!BACKUP_MIGRATIONS[v]) missing.push(v);
    expect(missing).toEqual([]);
  });

  it('has no step beyond the current version', () => {
    const keys = Object.keys(BACKUP_MIGRATIONS).map(Number);
    expect(keys.filter((k) => k >= BACKUP_FORMAT_VERSION)).toEqual([]);
  });
});

describe('migrateBackup', () => {
  // Two made-up steps: v1 → v2 renames a field, v2 → v3 adds one.
  const steps: Record<number, BackupStep> = {
    1: ({ note, ...rest }) => ({ ...rest, remark: note }),
    2: (file) => ({ ...file, added: `${String(file.remark)}!` }),
  };
  const v1 = { format: BACKUP_FORMAT, formatVersion: 1, note: 'hi' };

  it('runs every step from the file’s version up to the target, in order', () => {
    expect(migrateBackup(v1, 3, steps)).toEqual({
      format: BACKUP_FORMAT,
      formatVersion: 3,
      remark: 'hi',
      added: 'hi!',
    });
  });

  it('starts at the file’s own version', () => {
    const v2 = { format: BACKUP_FORMAT, formatVersion: 2, remark: 'x' };
    expect(migrateBackup(v2, 3, steps)).toEqual({ ...v2, formatVersion: 3, added: 'x!' });
  });

  it('does not change the file it was given', () => {
    const copy = structuredClone(v1);
    migrateBackup(v1, 3, steps);
    expect(v1).toEqual(copy);
  });

  it.each([
    ['a current file', { format: BACKUP_FORMAT, formatVersion: 3 }],
    [
      'a newer file (validation refuses it as futureVersion)',
      { format: BACKUP_FORMAT, formatVersion: 4 },
    ],
    ['another format', { format: 'other', formatVersion: 1 }],
    ['a version that is not an integer', { format: BACKUP_FORMAT, formatVersion: 1.5 }],
    ['a version without a step', { format: BACKUP_FORMAT, formatVersion: 0 }],
    ['not an object', [1, 2]],
    ['null', null],
  ])('leaves %s unchanged', (_, value) => {
    expect(migrateBackup(value, 3, steps)).toBe(value);
  });
});

describe('an older file still restores', () => {
  let db: SpiegelDB;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.close());

  it('restores the frozen version-1 file into an empty app, every record', async () => {
    const file = JSON.parse(V1_FILE) as { formatVersion: number; data: Record<string, unknown[]> };
    expect(file.formatVersion).toBe(1);
    const result = await importBackup(V1_FILE, 'merge');
    const stored = await readData(db);
    // Version 2 added `attributions`: a version-1 file has none (the step fills an empty list).
    const inV1 = (table: string): unknown[] => file.data[table] ?? [];
    expect(file.data.attributions).toBeUndefined();
    for (const table of DATA_TABLES) {
      expect(result.tables[table].added, table).toBe(inV1(table).length);
      expect(stored[table]!.length, table).toBe(inV1(table).length);
    }
    // Every version-1 record comes back exactly as written (v2 only added a table and an
    // optional field, which the v1 intentions simply lack).
    const byId = (rows: unknown[]) =>
      [...(rows as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id));
    for (const table of DATA_TABLES) expect(byId(stored[table]!)).toEqual(byId(inV1(table)));
  });
});

describe('the step from version 1 to 2', () => {
  const step = BACKUP_MIGRATIONS[1]!;

  it('adds an empty attributions list and keeps every other table', () => {
    const v1 = { format: BACKUP_FORMAT, formatVersion: 1, data: { classes: [{ id: 'c' }] } };
    expect(step(v1)).toEqual({ ...v1, data: { classes: [{ id: 'c' }], attributions: [] } });
  });

  it('leaves a file without a data object alone (validation then refuses it)', () => {
    const broken = { format: BACKUP_FORMAT, formatVersion: 1, data: [1] };
    expect(step(broken)).toBe(broken);
  });

  it('makes the frozen version-1 file a valid current file', () => {
    const migrated = migrateBackup(JSON.parse(V1_FILE)) as {
      formatVersion: number;
      data: Record<string, unknown[]>;
    };
    expect(migrated.formatVersion).toBe(BACKUP_FORMAT_VERSION);
    expect(migrated.data.attributions).toEqual([]);
  });
});
