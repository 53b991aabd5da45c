/**
 * Local, typed settings of this device (not pupil data): when the last backup was made, after how
 * many days to remind, whether persistent storage was asked for. Stored values are checked on
 * read, so a damaged or older value falls back to the default instead of breaking a screen.
 */
import { getDb } from '../db';
import { useLiveQuery } from '../hooks';
import { ValidationError } from '../../model/errors';
import { nowIso } from '../ids';
import type { IsoDateTime } from '../../model/types';

export interface LocalSettings {
  /** When the teacher last exported a backup (ISO date-time), null if never. */
  lastExportAt: IsoDateTime | null;
  /** Remind about a backup when the last export is older than this many days. */
  backupReminderDays: number;
  /** Whether the app already asked the browser for persistent storage. */
  persistRequested: boolean;
  /**
   * When a backup was last restored here (ISO date-time), null if never. Written in the restore's
   * own transaction, so a screen holding data in memory (the live grid) knows to read again.
   */
  lastRestoreAt: IsoDateTime | null;
}

export type SettingKey = keyof LocalSettings;

export const SETTING_DEFAULTS: Readonly<LocalSettings> = {
  lastExportAt: null,
  backupReminderDays: 14,
  persistRequested: false,
  lastRestoreAt: null,
};

export const BACKUP_REMINDER_MIN_DAYS = 1;
export const BACKUP_REMINDER_MAX_DAYS = 365;

const isIsoDateTime = (v: unknown): v is string =>
  typeof v === 'string' && !Number.isNaN(Date.parse(v));

const isReminderDays = (v: unknown): v is number =>
  typeof v === 'number' &&
  Number.isInteger(v) &&
  v >= BACKUP_REMINDER_MIN_DAYS &&
  v <= BACKUP_REMINDER_MAX_DAYS;

const VALIDATORS: { [K in SettingKey]: (v: unknown) => v is LocalSettings[K] } = {
  lastExportAt: (v): v is IsoDateTime | null => v === null || isIsoDateTime(v),
  backupReminderDays: isReminderDays,
  persistRequested: (v): v is boolean => typeof v === 'boolean',
  lastRestoreAt: (v): v is IsoDateTime | null => v === null || isIsoDateTime(v),
};

/** Why a value is refused (mapped to `settings:errors.<code>`). */
const ERROR_CODES: Record<SettingKey, string> = {
  lastExportAt: 'invalidDate',
  backupReminderDays: 'reminderDaysRange',
  persistRequested: 'invalidValue',
  lastRestoreAt: 'invalidDate',
};

export async function getSetting<K extends SettingKey>(key: K): Promise<LocalSettings[K]> {
  const row = await getDb().settings.get(key);
  const valid = VALIDATORS[key];
  return row && valid(row.value) ? row.value : SETTING_DEFAULTS[key];
}

export async function getSettings(): Promise<LocalSettings> {
  const rows = await getDb().settings.bulkGet(Object.keys(SETTING_DEFAULTS));
  const result = { ...SETTING_DEFAULTS };
  for (const row of rows) {
    if (!row || !(row.key in SETTING_DEFAULTS)) continue;
    const key = row.key as SettingKey;
    if (VALIDATORS[key](row.value)) (result as Record<SettingKey, unknown>)[key] = row.value;
  }
  return result;
}

export async function setSetting<K extends SettingKey>(
  key: K,
  value: LocalSettings[K],
  now: Date = new Date(),
): Promise<void> {
  if (!VALIDATORS[key](value)) throw new ValidationError(ERROR_CODES[key]);
  await getDb().settings.put({ key, value, updatedAt: nowIso(now) });
}

/** All local settings, live (undefined while loading). */
export function useSettings(): LocalSettings | undefined {
  return useLiveQuery(() => getSettings(), []);
}
