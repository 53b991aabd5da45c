/**
 * Export: all data, or one class with everything that belongs to it, as a backup file.
 * Soft-deleted records are included (they are history); local settings never are.
 */
import { getDb } from '../db';
import { readAllEvents, readClassEvents } from '../eventStore';
import { DATA_STORES, DATA_TABLES, type DataTableName } from '../schema';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MAX_BACKUP_BYTES,
  type BackupData,
  type BackupFile,
  type BackupScope,
} from './format';
import { setLastExportAt } from './settings';

/** Reads the records of one scope, in one read transaction so the file is consistent. */
export async function collectBackup(
  scope: BackupScope = { kind: 'all' },
  now: Date = new Date(),
): Promise<BackupFile> {
  const db = getDb();
  const tables = DATA_STORES.map((name) => db.table(name));
  const data = await db.transaction('r', tables, async () => {
    const entries = await Promise.all(
      DATA_TABLES.map(async (name): Promise<[DataTableName, unknown[]]> => {
        if (name === 'events') {
          const events =
            scope.kind === 'all'
              ? await readAllEvents(db)
              : await readClassEvents(db, scope.classId);
          return [name, events];
        }
        if (scope.kind === 'all') return [name, await db.table(name).toArray()];
        if (name === 'classes') {
          const c = await db.classes.get(scope.classId);
          return [name, c ? [c] : []];
        }
        return [name, await db.table(name).where('classId').equals(scope.classId).toArray()];
      }),
    );
    return Object.fromEntries(entries) as unknown as BackupData;
  });
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: __APP_VERSION__,
    exportedAt: now.toISOString(),
    scope,
    data,
  };
}

/** Records per piece of text: the file is built from many small strings, never one huge one. */
const RECORDS_PER_PART = 5000;

/**
 * The file as pieces of JSON text that, joined, are exactly `JSON.stringify(file)`. A Blob is
 * made of them, so an archive of several years never has to fit in one string (V8 caps a string
 * at ~512 MiB) and memory holds the records plus small pieces.
 */
export function backupParts(file: BackupFile): string[] {
  const { data, ...header } = file;
  const head = JSON.stringify(header);
  const parts = [`${head.slice(0, -1)},"data":{`];
  DATA_TABLES.forEach((name, t) => {
    const records = data[name] as readonly unknown[];
    parts.push(`${t === 0 ? '' : ','}${JSON.stringify(name)}:[`);
    for (let i = 0; i < records.length; i += RECORDS_PER_PART) {
      const piece = JSON.stringify(records.slice(i, i + RECORDS_PER_PART));
      parts.push(`${i === 0 ? '' : ','}${piece.slice(1, -1)}`);
    }
    parts.push(']');
  });
  parts.push('}}');
  return parts;
}

/** The backup as JSON text (compact: a school year of events is tens of megabytes). */
export async function exportBackupJson(
  scope: BackupScope = { kind: 'all' },
  now: Date = new Date(),
): Promise<string> {
  return backupParts(await collectBackup(scope, now)).join('');
}

/** `spiegel-backup-YYYY-MM-DD.json`, or with the class name for a class file. */
export function backupFileName(now: Date, className?: string): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  const slug = className
    ?.normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `spiegel-backup-${slug ? `${slug}-` : ''}${y}-${m}-${d}.json`;
}

export interface PreparedExport {
  blob: Blob;
  fileName: string;
  scope: BackupScope;
  /** True when the file is larger than this app restores (MAX_BACKUP_BYTES): export per class. */
  tooLarge: boolean;
}

/** Builds the file to download; call `recordExport` once the download has been started. */
export async function prepareExport(
  scope: BackupScope = { kind: 'all' },
  now: Date = new Date(),
  { maxBytes = MAX_BACKUP_BYTES }: { maxBytes?: number } = {},
): Promise<PreparedExport> {
  const file = await collectBackup(scope, now);
  const className = scope.kind === 'class' ? file.data.classes[0]?.name : undefined;
  const blob = new Blob(backupParts(file), { type: 'application/json' });
  return {
    blob,
    fileName: backupFileName(now, className),
    scope,
    tooLarge: blob.size > maxBytes,
  };
}

/** Only a full export counts as "the last backup" for the reminder. */
export async function recordExport(scope: BackupScope, now: Date = new Date()): Promise<void> {
  if (scope.kind === 'all') await setLastExportAt(now);
}
