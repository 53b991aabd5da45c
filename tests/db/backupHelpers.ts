/** Shared helpers for the backup tests (not a test file itself). */
import { setDbForTests } from '../../src/db/db';
import { putEvents, readAllEvents } from '../../src/db/eventStore';
import { DATA_STORES, DATA_TABLES, SpiegelDB } from '../../src/db/schema';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  emptyBackupData,
  type BackupData,
  type BackupFile,
  type BackupScope,
} from '../../src/db/backup/format';

export function freshDb(): SpiegelDB {
  const db = new SpiegelDB(`t-${crypto.randomUUID()}`);
  setDbForTests(db);
  return db;
}

/** Writes records straight into the tables (independent of the code under test). */
export async function seedDb(db: SpiegelDB, data: BackupData): Promise<void> {
  await db.transaction(
    'rw',
    DATA_STORES.map((t) => db.table(t)),
    async () => {
      for (const table of DATA_TABLES) {
        if (table === 'events') await putEvents(db, data.events);
        else await db.table(table).bulkAdd(data[table]);
      }
    },
  );
}

/** Every kind of the teacher's data as a backup holds it (events read out of their lessons). */
export async function readData(db: SpiegelDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of DATA_TABLES) {
    out[t] = t === 'events' ? await readAllEvents(db) : await db.table(t).toArray();
  }
  return out;
}

/** Every table of the database (settings included), in key order: for before/after comparisons. */
/**
 * Every record of every store, except the restore's own bookkeeping (the `lastRestoreAt`
 * setting): it records when, not what (tests/db/backupRestoreStamp.test.ts covers it).
 */
export async function dumpDb(db: SpiegelDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  out.settings = (out.settings as { key: string }[]).filter((r) => r.key !== 'lastRestoreAt');
  return out;
}

export function backupOf(
  data: BackupData,
  scope: BackupScope = { kind: 'all' },
  exportedAt = '2025-01-10T12:00:00.000Z',
): BackupFile {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: 'test',
    exportedAt,
    scope,
    data,
  };
}

/** A backup's data with every kind empty (the app's own helper). */
export const emptyData = emptyBackupData;

/** Deep copy through JSON, as a file would travel. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
