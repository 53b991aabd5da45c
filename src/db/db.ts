/**
 * The app's database singleton. When another tab opens a newer schema, this tab closes its
 * connection for good (so old code can never write unmigrated records) and tells the UI, which
 * offers a reload.
 */
import type { Dexie } from 'dexie';
import { appKeyring } from './lock/keyring';
import { lockMiddleware } from './lock/middleware';
import { SpiegelDB } from './schema';
import { reportStorageProblem } from './status';

let instance: SpiegelDB | null = null;

export function getDb(): SpiegelDB {
  if (!instance) {
    instance = openDb(new SpiegelDB());
  }
  return instance;
}

/**
 * Wires the version-change and blocked handlers onto any Dexie instance (the current schema or,
 * in tests, an old one). Dexie's default handler closes with auto-open still on, so a tab on old
 * code would silently reopen the upgraded database and write unmigrated records; closing with
 * `disableAutoOpen` makes every later call fail with DatabaseClosedError instead.
 */
export function wireVersionChange<T extends Dexie>(db: T): T {
  db.on('versionchange', () => {
    db.close({ disableAutoOpen: true });
    reportStorageProblem('versionChanged');
    // false: skip Dexie's default handler (which would allow an auto-reopen).
    return false;
  });
  db.on('blocked', () => {
    reportStorageProblem('blocked');
  });
  return db;
}

/**
 * Wires the handlers and the app lock's middleware (src/db/lock: encrypts secret fields while the
 * lock is on, passes records through while it is off) onto a SpiegelDB.
 */
export function openDb(db: SpiegelDB): SpiegelDB {
  db.use(lockMiddleware(appKeyring));
  return wireVersionChange(db);
}

/** For tests: use a fresh database (fake-indexeddb) instead of the default one. */
export function setDbForTests(db: SpiegelDB | null): void {
  instance = db ? openDb(db) : null;
}
