/**
 * The records the first screen needs, read with IndexedDB itself: whether the app lock is on,
 * and the start screen's classes. This file runs inline in index.html (src/early.ts, built by
 * scripts/early-inline.ts), while the app's JavaScript is still on its way, so it imports only
 * small modules without Dexie. The database is opened at exactly the newest schema's version, so
 * only a database at that schema is read (no database at all is an empty start); an upgrade due,
 * a newer database or any failure gives null, and the app goes the usual way through Dexie
 * (startRead.ts), which upgrades and reports what fails.
 */
import { summariseClasses, type ClassSummary } from '../domain/classList';
import type { ClassRecord, PupilRecord, SettingRecord } from '../model/types';
import { LOCK_SETTING, parseLockConfig } from './lock/config';
import { DB_NAME, INDEXEDDB_VERSION } from './schemaVersion';

export interface StartRecords {
  /** The lock's configuration is stored: the app starts locked. */
  lockOn: boolean;
  /** The start screen's classes; undefined when the lock is on. */
  classes?: ClassSummary[];
}

/** A request's result, typed as the records this app wrote to that store (Dexie types it so too). */
function result<T>(request: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * The database open at the newest version; 'none' when there is no database yet (a first visit:
 * nothing is stored, so nothing is locked); null when it is older (an upgrade is due) or newer,
 * or the open is blocked or fails.
 */
function openAtNewest(name: string): Promise<IDBDatabase | 'none' | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name, INDEXEDDB_VERSION);
    } catch {
      resolve(null);
      return;
    }
    let none = false;
    // Missing or older: cancelled, so this read creates and changes nothing; Dexie does that.
    request.onupgradeneeded = (event) => {
      none = event.oldVersion === 0;
      request.transaction?.abort();
    };
    request.onblocked = () => resolve(null);
    request.onerror = (event) => {
      event.preventDefault();
      resolve(none ? 'none' : null);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Never stand in the way of another tab's upgrade.
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
}

/** Reads the lock's setting, the classes and the pupils, in one transaction. */
async function readRecords(db: IDBDatabase): Promise<StartRecords> {
  const tx = db.transaction(['settings', 'classes', 'pupils'], 'readonly');
  // Closes once the transaction is done; nothing else uses this connection.
  db.close();
  const [row, allClasses, allPupils] = await Promise.all([
    result<SettingRecord | undefined>(tx.objectStore('settings').get(LOCK_SETTING)),
    result<ClassRecord[]>(tx.objectStore('classes').getAll()),
    result<PupilRecord[]>(tx.objectStore('pupils').getAll()),
  ]);
  const lockOn = parseLockConfig(row?.value) !== null;
  // A locked app's rows are sealed, and its lock screen comes first: nothing of them is kept.
  if (lockOn) return { lockOn };
  return { lockOn, classes: summariseClasses(allClasses, allPupils) };
}

/**
 * The records the start needs, read without Dexie, or null when this way cannot read them (the
 * caller then goes through Dexie). `name` is for tests.
 */
export async function readStartRecords(name: string = DB_NAME): Promise<StartRecords | null> {
  if (typeof indexedDB === 'undefined') return null;
  const db = await openAtNewest(name);
  if (db === 'none') return { lockOn: false, classes: [] };
  if (!db) return null;
  try {
    return await readRecords(db);
  } catch {
    db.close();
    return null;
  }
}
