import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putEvents, readClassEvents } from '../../src/db/eventStore';
import { setDbForTests } from '../../src/db/db';
import { DATA_STORES, DATA_TABLES, type SpiegelDB } from '../../src/db/schema';
import {
  backupFileName,
  collectBackup,
  exportBackupJson,
  recordExport,
  prepareExport,
} from '../../src/db/backup/export';
import { applyImport, importBackup, prepareImport } from '../../src/db/backup/import';
import { getLastExportAt, setReminderDays } from '../../src/db/backup/settings';
import { makeSampleData } from '../support/backupSample';
import { dumpDb, freshDb, seedDb } from './backupHelpers';

const schema = JSON.parse(
  readFileSync(new URL('../../docs/backup.schema.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv({ allErrors: true, strict: true });
// ajv-formats is CommonJS: under Node's ESM loader the plugin sits on `.default`.
const addFormats =
  (formatsModule as unknown as { default?: FormatsPlugin }).default ?? formatsModule;
addFormats(ajv);
const validateJson = ajv.compile(schema);

let db: SpiegelDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => {
  db.close();
  setDbForTests(null);
});

describe('export', () => {
  it('holds every table, soft-deleted records included, and never the settings', async () => {
    const data = makeSampleData({ seed: 7 });
    await seedDb(db, data);
    await setReminderDays(30);
    const file = await collectBackup({ kind: 'all' }, new Date('2025-01-10T12:00:00Z'));
    expect(file).toMatchObject({
      format: 'spiegel-backup',
      formatVersion: 2,
      appVersion: 'test',
      exportedAt: '2025-01-10T12:00:00.000Z',
      scope: { kind: 'all' },
    });
    expect(Object.keys(file.data).sort()).toEqual([...DATA_TABLES].sort());
    for (const table of DATA_TABLES) {
      expect(file.data[table]).toHaveLength(data[table].length);
    }
    expect(file.data.lessons.some((l) => l.deletedAt !== null)).toBe(true);
    expect(file.data.pupils.some((p) => p.removedAt !== null)).toBe(true);
    // The teacher's reflection (schema v3) is part of the backup, a journal entry without class too.
    // Version 2 adds attributions (issue 14).
    const reflection = ['journal', 'intentions', 'promptStates', 'coachRemarks', 'attributions'];
    for (const table of reflection as readonly (keyof typeof data)[]) {
      expect(file.data[table].length, table).toBeGreaterThan(0);
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      expect([...file.data[table]].sort(byId)).toEqual([...data[table]].sort(byId));
    }
    expect(file.data.journal.some((j) => j.classId === null)).toBe(true);
    expect(JSON.stringify(file)).not.toContain('backupReminderDays');
  });

  it('validates against docs/backup.schema.json (ajv)', async () => {
    await seedDb(db, makeSampleData({ seed: 3, classes: 3 }));
    const all = JSON.parse(await exportBackupJson()) as unknown;
    expect(validateJson(all), ajv.errorsText(validateJson.errors)).toBe(true);
    const classId = (await db.classes.toArray())[1]!.id;
    const one = JSON.parse(await exportBackupJson({ kind: 'class', classId })) as unknown;
    expect(validateJson(one), ajv.errorsText(validateJson.errors)).toBe(true);
  });

  it('the JSON Schema refuses what the importer refuses (spot checks)', async () => {
    await seedDb(db, makeSampleData({ seed: 4 }));
    const file = JSON.parse(await exportBackupJson()) as {
      data: { events: Record<string, unknown>[]; banking: Record<string, unknown>[] };
    };
    const bad = [
      (f: typeof file) => (f.data.events[0]!.date = '2024-02-30'),
      (f: typeof file) => (f.data.events[0]!.extra = 1),
      (f: typeof file) => (f.data.banking[0]!.minutes = -5),
      (f: typeof file) => (f.data.events[0]!.pupilId = 'not-a-uuid'),
    ];
    for (const mutate of bad) {
      const copy = structuredClone(file);
      mutate(copy);
      expect(validateJson(copy)).toBe(false);
    }
  });

  it('one class: the class and everything that belongs to it, nothing else', async () => {
    const data = makeSampleData({ seed: 11, classes: 3 });
    await seedDb(db, data);
    const classId = data.classes[1]!.id;
    const file = await collectBackup({ kind: 'class', classId });
    expect(file.scope).toEqual({ kind: 'class', classId });
    expect(file.data.classes.map((c) => c.id)).toEqual([classId]);
    for (const table of DATA_TABLES) {
      if (table === 'classes') continue;
      const expected = (data[table] as { classId: string }[]).filter((r) => r.classId === classId);
      expect(file.data[table], table).toHaveLength(expected.length);
      expect(expected.length, table).toBeGreaterThan(0);
    }
    // A journal entry without a class belongs to no class file.
    expect(data.journal.some((j) => j.classId === null)).toBe(true);
    expect(file.data.journal.every((j) => j.classId === classId)).toBe(true);
  });

  it('names the file by date (and class) and records the last full export', async () => {
    const now = new Date(2025, 2, 7, 9, 30);
    expect(backupFileName(now)).toBe('spiegel-backup-2025-03-07.json');
    expect(backupFileName(now, 'Groep 6 – Één')).toBe('spiegel-backup-groep-6-een-2025-03-07.json');
    const data = makeSampleData({ seed: 2 });
    await seedDb(db, data);
    const prepared = await prepareExport({ kind: 'all' }, now);
    expect(prepared.fileName).toBe('spiegel-backup-2025-03-07.json');
    expect(prepared.blob.type).toBe('application/json');
    expect(await getLastExportAt()).toBeNull();
    await recordExport({ kind: 'class', classId: data.classes[0]!.id }, now);
    expect(await getLastExportAt()).toBeNull();
    await recordExport({ kind: 'all' }, now);
    expect(await getLastExportAt()).toBe(now.toISOString());
  });
});

describe('round trip', () => {
  it('export → delete all → import: every table deep-equal to before', async () => {
    await seedDb(db, makeSampleData({ seed: 21, classes: 3, lessonsPerClass: 6, events: 400 }));
    const before = await dumpDb(db);
    const text = await exportBackupJson();
    await db.transaction(
      'rw',
      DATA_STORES.map((t) => db.table(t)),
      async () => {
        for (const t of DATA_STORES) await db.table(t).clear();
      },
    );
    expect((await dumpDb(db)).lessonEvents).toEqual([]);
    const result = await importBackup(text, 'merge');
    expect(result.tables.events).toEqual({ added: 400, updated: 0, unchanged: 0 });
    expect(await dumpDb(db)).toEqual(before);
  });

  it('replace: the database equals the file afterwards; settings stay', async () => {
    const original = makeSampleData({ seed: 31 });
    await seedDb(db, original);
    const text = await exportBackupJson();
    const snapshot = await dumpDb(db);
    // Other data arrives in the meantime.
    await db.classes.clear();
    await seedDb(db, { ...makeSampleData({ seed: 32 }) });
    await setReminderDays(60);
    // A coach workspace is local to this device: a restore leaves it alone.
    const workspace = {
      id: crypto.randomUUID(),
      packageId: crypto.randomUUID(),
      label: 'Van Sam',
      packageJson: '{}',
      remarks: [],
      createdAt: '2025-01-09T10:00:00.000Z',
      updatedAt: '2025-01-09T10:00:00.000Z',
    };
    await db.coachWorkspaces.add(workspace);
    const result = await importBackup(text, 'replace');
    expect(result.mode).toBe('replace');
    expect(result.removed).toBeGreaterThan(0);
    const after = await dumpDb(db);
    for (const table of DATA_STORES) expect(after[table]).toEqual(snapshot[table]);
    expect(after.settings).toEqual([
      expect.objectContaining({ key: 'backupReminderDays', value: 60 }),
    ]);
    expect(after.coachWorkspaces).toEqual([workspace]);
  });

  it('replace with a class file replaces only that class', async () => {
    const data = makeSampleData({ seed: 41, classes: 2 });
    await seedDb(db, data);
    const [a, b] = data.classes;
    const text = await exportBackupJson({ kind: 'class', classId: a!.id });
    const before = await dumpDb(db);
    // Edit class a after the export: a new event and a rename.
    await db.classes.update(a!.id, { name: 'Renamed', updatedAt: '2030-01-01T00:00:00.000Z' });
    await putEvents(db, [
      { ...data.events.find((e) => e.classId === a!.id)!, id: crypto.randomUUID() },
    ]);
    const prepared = await prepareImport(text);
    expect(prepared.summary.scope).toEqual({ kind: 'class', classId: a!.id });
    await applyImport(prepared, 'replace');
    expect(await dumpDb(db)).toEqual(before);
    expect((await readClassEvents(db, b!.id)).length > 0).toBe(true);
  });

  it('summarises the file before anything is written', async () => {
    const data = makeSampleData({ seed: 5, classes: 2, events: 30 });
    await seedDb(db, data);
    const text = await exportBackupJson();
    const empty = freshDb();
    const prepared = await prepareImport(`\uFEFF${text}`);
    expect(prepared.summary.counts.events).toBe(30);
    expect(prepared.summary.counts.journal).toBe(data.journal.length);
    expect(prepared.summary.counts.intentions).toBe(data.intentions.length);
    expect(prepared.summary.counts.classes).toBe(2);
    expect(prepared.summary.classNames).toEqual(data.classes.map((c) => c.name).sort());
    expect(prepared.summary.appVersion).toBe('test');
    const dates = [
      ...data.lessons,
      ...data.events,
      ...data.banking,
      ...data.expectations,
      ...data.achievements,
      ...data.relationships,
      ...data.journal,
    ]
      .map((r) => r.date)
      .sort();
    expect(prepared.summary.dateRange).toEqual({ from: dates[0], to: dates[dates.length - 1] });
    expect(await empty.lessonEvents.count()).toBe(0);
    empty.close();
  });
});

describe('the app’s own data', () => {
  it('the demo class exports as a valid backup and round-trips', async () => {
    const { loadDemoClass } = await import('../../src/db/repo/demo');
    await loadDemoClass(new Date('2025-03-01T10:00:00Z'));
    const before = await dumpDb(db);
    expect((before.lessonEvents as unknown[]).length).toBeGreaterThan(0);
    const text = await exportBackupJson();
    expect(validateJson(JSON.parse(text)), ajv.errorsText(validateJson.errors)).toBe(true);
    await importBackup(text, 'replace');
    expect(await dumpDb(db)).toEqual(before);
  });
});
