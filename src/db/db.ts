/**
 * The app's database singleton. When another tab opens a newer schema, this tab closes its
 * connection for good (so old code can never write unmigrated records) and tells the UI, which
 * offers a reload.
 */
import { SpiegelDB } from './schema';
import { reportStorageProblem } from './status';

let instance: SpiegelDB | null = null;

export function getDb(): SpiegelDB {
  if (!instance) {
    instance = openDb(new SpiegelDB());
  }
  return instance;
}

/** Wires the version-change and blocked handlers onto a database (exported for tests). */
export function openDb(db: SpiegelDB): SpiegelDB {
  db.on('versionchange', () => {
    db.close({ disableAutoOpen: true });
    reportStorageProblem('versionChanged');
    return false;
  });
  db.on('blocked', () => {
    reportStorageProblem('blocked');
  });
  return db;
}

/** For tests: use a fresh database (fake-indexeddb) instead of the default one. */
export function setDbForTests(db: SpiegelDB | null): void {
  instance = db ? openDb(db) : null;
}
