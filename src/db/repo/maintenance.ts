/**
 * Housekeeping: wiping everything on the teacher's explicit request, purging classes whose undo
 * window has passed, and asking the browser to keep our data (persistent storage).
 */
import { getDb } from '../db';
import { classRows } from '../classRows';
import { DATA_STORES, type DataStoreName, type SpiegelDB } from '../schema';
import type { ClassRecord, Id, IsoDate } from '../../model/types';
import { getSetting, setSetting } from './settings';
import { forgetLock } from '../lock/lock';
import { setOutboxEnabled } from '../sync/outbox';
import { getSyncPairing } from './syncPairing';

/**
 * The tables whose records belong to one class (they all have a `classId` index). A journal
 * entry without a class (classId null) is not in the index, so it survives a class purge.
 */
export const CLASS_CHILD_TABLES = DATA_STORES.filter(
  (t): t is Exclude<DataStoreName, 'classes'> => t !== 'classes',
);

/** Settings that survive "delete all data": the interface language is not the teacher's data. */
const KEPT_SETTINGS = new Set(['language']);

/** Tables a class purge writes: every data table, and settings (the class's coach code map). */
export const PURGE_TABLES = [...DATA_STORES, 'settings'] as const;

/**
 * Hard-deletes classes and everything recorded for them, including the device-only coach
 * settings that map the class's pupils to codes. Must run inside a read-write transaction over
 * PURGE_TABLES (so it is all or nothing with the caller's other work).
 */
export async function hardDeleteClasses(db: SpiegelDB, classIds: readonly Id[]): Promise<void> {
  if (classIds.length === 0) return;
  const ids = [...classIds];
  await Promise.all(
    CLASS_CHILD_TABLES.map((t) => db.table(t).where('classId').anyOf(ids).delete()),
  );
  await db.classes.bulkDelete(ids);
  const classSet = new Set(ids);
  await db.settings
    .filter((s) => {
      if (s.key.startsWith('coach.codes.')) return classSet.has(s.key.slice('coach.codes.'.length));
      if (!s.key.startsWith('coach.shared.')) return false;
      const value = s.value as { classId?: unknown } | null;
      return typeof value?.classId === 'string' && classSet.has(value.classId);
    })
    .delete();
}

/**
 * Empties every data table, the coach workspaces (local-only, but a teacher asking to delete all
 * data means everything), the sync bookkeeping and the settings (except the language), in one
 * transaction, after unpairing this device.
 */
export async function deleteAllData(): Promise<void> {
  const db = getDb();
  // This device only: syncing stops and the pairing goes first, so the deletions below never
  // reach the teacher's other devices (erasing one pupil does sync: that is the teacher's intent).
  // An unreadable pairing cannot be syncing either; the deletion must not fail on it.
  const paired = await getSyncPairing().catch(() => null);
  if (paired) await import('../sync/service').then((m) => m.unpairDevice(db));
  setOutboxEnabled(db, false);
  const cleared = [...DATA_STORES, 'coachWorkspaces', 'syncOutbox', 'syncUpdates'] as const;
  await db.transaction('rw', [...cleared, 'settings'], async () => {
    await Promise.all(cleared.map((t) => db.table(t).clear()));
    await db.settings.filter((s) => !KEPT_SETTINGS.has(s.key)).delete();
  });
  // The app lock's configuration went with the settings.
  forgetLock();
}

/**
 * Hard-deletes classes that were soft-deleted more than `graceMs` ago (the undo window has
 * passed), with all their records, in one transaction. Returns the ids purged.
 */
export async function purgeDeletedClasses(now: Date = new Date(), graceMs = 60_000): Promise<Id[]> {
  const db = getDb();
  const cutoff = now.getTime() - graceMs;
  return db.transaction('rw', [...PURGE_TABLES], async () => {
    const expired = await db.classes
      .filter((c) => c.deletedAt !== null && Date.parse(c.deletedAt) <= cutoff)
      .primaryKeys();
    await hardDeleteClasses(db, expired);
    return expired;
  });
}

export type PersistResult = 'granted' | 'denied' | 'unsupported';

function storageManager(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/**
 * Asks the browser not to evict our data under storage pressure. Call it from a user action
 * (browsers grant it more readily then, and asking on page load is unfriendly).
 */
export async function requestPersistentStorage(now: Date = new Date()): Promise<PersistResult> {
  const storage = storageManager();
  if (typeof storage?.persist !== 'function') return 'unsupported';
  if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
  const granted = await storage.persist();
  await setSetting('persistRequested', true, now);
  return granted ? 'granted' : 'denied';
}

/**
 * Asks once, at the first moment the teacher saves real data; later calls do nothing (the
 * settings screen offers asking again). Returns null when it did not ask.
 */
export async function requestPersistentStorageOnce(
  now: Date = new Date(),
): Promise<PersistResult | null> {
  if (await getSetting('persistRequested')) return null;
  return requestPersistentStorage(now);
}

/** Whether the browser keeps our data for good; null when it cannot tell us. */
export async function storagePersisted(): Promise<boolean | null> {
  const storage = storageManager();
  if (typeof storage?.persisted !== 'function') return null;
  return storage.persisted();
}

export interface StorageUse {
  usage: number;
  quota: number;
}

/** How much this origin stores and may store, in bytes; null when the browser does not say. */
export async function storageEstimate(): Promise<StorageUse | null> {
  const storage = storageManager();
  if (typeof storage?.estimate !== 'function') return null;
  const { usage, quota } = await storage.estimate();
  return typeof usage === 'number' && typeof quota === 'number' ? { usage, quota } : null;
}

// A coach's packages past the expiry the teacher set (issue 11): here, so the start-up check
// does not load the coach code.

/** Workspaces deleted as expired and not yet reported to the coach (see takeExpiredCount). */
let expiredUnreported = 0;

/** How many workspaces expired since the coach last saw the list; resets the count. */
export function takeExpiredCount(): number {
  const count = expiredUnreported;
  expiredUnreported = 0;
  return count;
}

/**
 * Deletes every workspace whose expiry date lies before `today` (local calendar date), as the
 * teacher set it in the package; returns how many went. Run at start and when the list opens
 * (which says so, with takeExpiredCount).
 */
export async function deleteExpiredWorkspaces(today: IsoDate): Promise<number> {
  const db = getDb();
  const gone = await db.transaction('rw', db.coachWorkspaces, async () => {
    const ids = await db.coachWorkspaces
      .filter((w) => !!w.expiresOn && w.expiresOn < today)
      .primaryKeys();
    await db.coachWorkspaces.bulkDelete(ids);
    return ids;
  });
  expiredUnreported += gone.length;
  return gone.length;
}

/** A class's age and size for the retention overview (issue 11, point 8). */
export interface ClassRetentionRow {
  cls: ClassRecord;
  /** Every record stored for the class (each interaction counts as one). */
  records: number;
  /** The date of its last lesson that is not deleted, or null. */
  lastLessonDate: IsoDate | null;
}

/** The classes not deleted, with their size and last lesson, oldest first. */
export async function listClassRetention(): Promise<ClassRetentionRow[]> {
  const db = getDb();
  return db.transaction('r', [...DATA_STORES], async () => {
    const classes = (await db.classes.toArray()).filter((c) => c.deletedAt === null);
    const rows: ClassRetentionRow[] = [];
    for (const cls of classes) {
      let records = 0;
      for (const table of CLASS_CHILD_TABLES) {
        if (table === 'lessonEvents') continue;
        records += await db.table(table).where('classId').equals(cls.id).count();
      }
      const lessonEvents = await classRows(db.lessonEvents, cls.id);
      records += lessonEvents.reduce((sum, r) => sum + r.events.length, 0);
      const lessons = await classRows(db.lessons, cls.id);
      const dates = lessons.filter((l) => l.deletedAt === null).map((l) => l.date);
      const lastLessonDate = dates.length > 0 ? dates.reduce((a, b) => (a > b ? a : b)) : null;
      rows.push({ cls, records, lastLessonDate });
    }
    return rows.sort((a, b) => a.cls.createdAt.localeCompare(b.cls.createdAt));
  });
}
