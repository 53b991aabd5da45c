/**
 * Backup bookkeeping on top of the local settings (src/db/repo/settings.ts; never exported):
 * when the last full export happened, and whether it is time for the gentle reminder.
 */
import { getDb } from '../db';
import { nowIso } from '../ids';
import { getSetting, setSetting } from '../repo/settings';
import type { IsoDateTime } from '../../model/types';

export const DEFAULT_REMINDER_DAYS = 14;
export const REMINDER_DAY_OPTIONS = [7, 14, 30, 60, 90] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

export function getLastExportAt(): Promise<IsoDateTime | null> {
  return getSetting('lastExportAt');
}

/** Records that a full backup was just exported. */
export function setLastExportAt(now: Date = new Date()): Promise<void> {
  return setSetting('lastExportAt', nowIso(now), now);
}

export function getReminderDays(): Promise<number> {
  return getSetting('backupReminderDays');
}

/** Throws ValidationError('reminderDaysRange') outside 1–365 whole days. */
export function setReminderDays(days: number, now: Date = new Date()): Promise<void> {
  return setSetting('backupReminderDays', days, now);
}

export interface BackupStatus {
  lastExportAt: IsoDateTime | null;
  reminderDays: number;
  /** A class the teacher made themselves (not the demo, not deleted). */
  hasRealData: boolean;
  /** Whole days since the last full export, or since the first real class when never exported. */
  daysSince: number | null;
  /** Time for the gentle reminder. */
  due: boolean;
}

/**
 * Due when there is real data and the last full export (or, never exported, the oldest real
 * class) is at least `reminderDays` old — a brand-new class does not nag on its first day.
 */
export async function getBackupStatus(now: Date = new Date()): Promise<BackupStatus> {
  const [lastExportAt, reminderDays, classes] = await Promise.all([
    getLastExportAt(),
    getReminderDays(),
    getDb().classes.toArray(),
  ]);
  const real = classes.filter((c) => !c.isDemo && !c.deletedAt);
  const hasRealData = real.length > 0;
  let since: string | null = lastExportAt;
  if (since === null && hasRealData) {
    since = real.map((c) => c.createdAt).reduce((a, b) => (a < b ? a : b));
  }
  const daysSince =
    since === null ? null : Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / DAY_MS));
  const due = hasRealData && daysSince !== null && daysSince >= reminderDays;
  return { lastExportAt, reminderDays, hasRealData, daysSince, due };
}
