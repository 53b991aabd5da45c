/**
 * What the first screen needs before it renders, read with IndexedDB itself so that Dexie (a
 * third of the first screen's JavaScript, and its open) loads after the start screen is ready
 * (issue 15, start-up): whether the app lock is on, and the start screen's classes. Only a
 * database this device knows to be at the newest schema is read this way; a first visit, an
 * upgrade due, or any failure takes the usual way through Dexie instead (the lock module, and
 * the screen's own live query), which upgrades and reports what fails.
 */
import { isCurrentPupil, listedClasses, type ClassSummary } from '../domain/classList';
import type { ClassRecord, PupilRecord, SettingRecord } from '../model/types';
import { LOCK_SETTING, parseLockConfig } from './lock/config';
import { appKeyring, type LockMode } from './lock/keyring';
import { knownAtVersion } from './schemaHint';
import { DB_NAME, INDEXEDDB_VERSION, SCHEMA_VERSION } from './schemaVersion';

export interface StartRecords {
  /** The lock's configuration is stored: the app starts locked. */
  lockOn: boolean;
  /** The start screen's classes; undefined when not asked for, or when the lock is on. */
  classes?: ClassSummary[];
}

/** A request's result, typed as the records this app wrote to that store (Dexie types it so too). */
function result<T>(request: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** The database, open at the newest version, or null (missing, older, newer, blocked, failed). */
function openAtNewest(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name, INDEXEDDB_VERSION);
    } catch {
      resolve(null);
      return;
    }
    // Older or missing after all: this read changes nothing, Dexie upgrades it.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onblocked = () => resolve(null);
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Never stand in the way of another tab's upgrade.
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
}

/** Reads the lock's setting and (when `withClasses`) the classes and pupils, in one transaction. */
async function readRecords(db: IDBDatabase, withClasses: boolean): Promise<StartRecords> {
  const stores = withClasses ? ['settings', 'classes', 'pupils'] : ['settings'];
  const tx = db.transaction(stores, 'readonly');
  // Closes once the transaction is done; nothing else uses this connection.
  db.close();
  const [row, allClasses, allPupils] = await Promise.all([
    result<SettingRecord | undefined>(tx.objectStore('settings').get(LOCK_SETTING)),
    withClasses ? result<ClassRecord[]>(tx.objectStore('classes').getAll()) : undefined,
    withClasses ? result<PupilRecord[]>(tx.objectStore('pupils').getAll()) : undefined,
  ]);
  const lockOn = parseLockConfig(row?.value) !== null;
  // A locked app's rows are sealed, and its lock screen comes first: nothing of them is kept.
  if (lockOn || !allClasses || !allPupils) return { lockOn };
  const counts = new Map<string, number>();
  for (const p of allPupils) {
    if (isCurrentPupil(p)) counts.set(p.classId, (counts.get(p.classId) ?? 0) + 1);
  }
  return {
    lockOn,
    classes: listedClasses(allClasses).map((cls) => ({ cls, pupilCount: counts.get(cls.id) ?? 0 })),
  };
}

/**
 * The records the start needs, read without Dexie, or null when this way cannot read them (the
 * caller then goes through Dexie). `name` is for tests.
 */
export async function readStartRecords(
  withClasses: boolean,
  name: string = DB_NAME,
): Promise<StartRecords | null> {
  if (typeof indexedDB === 'undefined' || !knownAtVersion(name, SCHEMA_VERSION)) return null;
  const db = await openAtNewest(name);
  if (!db) return null;
  try {
    return await readRecords(db, withClasses);
  } catch {
    db.close();
    return null;
  }
}

let kept: ClassSummary[] | undefined;

/**
 * At boot: sets the app lock's mode (on starts locked) and keeps the start screen's classes for
 * its first render. Through Dexie when the records cannot be read without it. `name` is for
 * tests.
 */
export async function startUp(startScreen: boolean, name: string = DB_NAME): Promise<LockMode> {
  const records = await readStartRecords(startScreen, name);
  if (!records) {
    kept = undefined;
    return import('./lock/lock').then((m) => m.initLock());
  }
  if (records.lockOn && appKeyring.mode === 'off') appKeyring.lock();
  kept = appKeyring.mode === 'locked' ? undefined : records.classes;
  return appKeyring.mode;
}

/** The classes kept at boot, once (undefined after that, or if none): the screen's first value. */
export function takeStartRead(): ClassSummary[] | undefined {
  const value = kept;
  kept = undefined;
  return value;
}
