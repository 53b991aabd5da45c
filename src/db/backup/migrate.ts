/**
 * Raising the backup `formatVersion`: one pure step per version, from version n to n + 1,
 * applied to the parsed JSON before it is validated, so a newer app restores every older file.
 * The path is written in docs/backup-format.md ("Raising formatVersion");
 * tests/db/backupMigrate.test.ts checks that every older version has its step and that the
 * frozen version-1 file (tests/db/fixtures/backup-v1.json) still restores.
 */
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './format';

/** A parsed backup file, before validation: only `format` and `formatVersion` are known. */
export type RawBackup = Record<string, unknown> & { format: string; formatVersion: number };

/** Rewrites a version-n file into the shape of version n + 1 (pure; no storage, no clock). */
export type BackupStep = (file: RawBackup) => Record<string, unknown>;

/**
 * 1 → 2 (issue 14): version 2 adds the `attributions` table; a version-1 file had none, so it gets
 * an empty list. (An intention's `moreHelpFor` is optional: absent in a v1 file means "none".)
 * A `data` that is not an object is left alone: validation refuses it with its usual message.
 */
function addAttributions(file: RawBackup): Record<string, unknown> {
  const data = file.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return file;
  return { ...file, data: { ...(data as Record<string, unknown>), attributions: [] } };
}

/** Key n: the step from version n to n + 1. */
export const BACKUP_MIGRATIONS: Readonly<Record<number, BackupStep>> = {
  1: addAttributions,
};

function isRawBackup(value: unknown): value is RawBackup {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { format, formatVersion } = value as Record<string, unknown>;
  return format === BACKUP_FORMAT && Number.isInteger(formatVersion);
}

/**
 * Brings an older backup file up to `target` step by step. Anything else (not a backup, already
 * current, newer, or a version without a step) is returned unchanged: validation then refuses
 * it with its usual message (`notBackup`, `futureVersion`, `invalid`).
 */
export function migrateBackup(
  value: unknown,
  target: number = BACKUP_FORMAT_VERSION,
  steps: Readonly<Record<number, BackupStep>> = BACKUP_MIGRATIONS,
): unknown {
  if (!isRawBackup(value) || value.formatVersion >= target) return value;
  let file: RawBackup = value;
  for (let version = value.formatVersion; version < target; version++) {
    const step = steps[version];
    if (!step) return value;
    file = { ...step(file), format: BACKUP_FORMAT, formatVersion: version + 1 };
  }
  return file;
}
