/**
 * The start read (src/db/startRecords.ts, inline in index.html; src/db/startRead.ts at boot):
 * what the first screen needs, read with IndexedDB itself before Dexie loads. It must give exactly what the Dexie read gives, and step aside (null, the
 * database untouched) whenever it cannot be sure: a first visit, an older or newer database.
 */
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import { appKeyring } from '../../src/db/lock/keyring';
import { newRecoveryCode } from '../../src/db/lock/keys';
import { turnLockOn } from '../../src/db/lock/lock';
import {
  archiveClass,
  createClass,
  listClassSummaries,
  softDeleteClass,
} from '../../src/db/repo/classes';
import { addPupils, removePupil } from '../../src/db/repo/pupils';
import { SCHEMA_VERSION, SpiegelDB } from '../../src/db/schema';
import { knownAtVersion } from '../../src/db/schemaHint';
import { INDEXEDDB_VERSION } from '../../src/db/schemaVersion';
import { startUp, takeStartRead } from '../../src/db/startRead';
import { readStartRecords } from '../../src/db/startRecords';
import { memoryStorage } from './memoryStorage';
import { declareReleasedVersions } from './schemaHistory';

const now = new Date('2025-09-01T08:00:00.000Z');
let name: string;
let db: SpiegelDB;

beforeEach(async () => {
  vi.stubGlobal('localStorage', memoryStorage());
  appKeyring.off();
  name = 't-' + crypto.randomUUID();
  db = new SpiegelDB(name);
  setDbForTests(db);
  await db.open();
});

afterEach(async () => {
  db.close();
  setDbForTests(null);
  await Dexie.delete(name);
  appKeyring.off();
  vi.unstubAllGlobals();
});

async function someClasses(): Promise<void> {
  const b = await createClass({ name: 'groep 10', schoolType: 'primary', yearLabel: '' }, now);
  const a = await createClass({ name: 'Groep 2', schoolType: 'primary', yearLabel: '' }, now);
  const gone = await createClass({ name: 'Weg', schoolType: 'secondary', yearLabel: '' }, now);
  const old = await createClass({ name: '3 havo', schoolType: 'secondary', yearLabel: '' }, now);
  const [ayla] = await addPupils(a.id, ['Ayla', 'Bram', 'Cem'], now);
  await addPupils(b.id, ['Daan'], now);
  await addPupils(gone.id, ['Eva'], now);
  await removePupil(ayla!.id, now);
  await softDeleteClass(gone.id, now);
  await archiveClass(old.id, now);
}

describe('the start read without Dexie', () => {
  it('is what Dexie reads: deleted classes left out, removed pupils not counted, Dutch order', async () => {
    await someClasses();
    expect(knownAtVersion(name, SCHEMA_VERSION)).toBe(true);
    const records = await readStartRecords(name);
    expect(records).toEqual({ lockOn: false, classes: await listClassSummaries() });
    expect(records?.classes?.map((s) => [s.cls.name, s.pupilCount])).toEqual([
      ['3 havo', 0],
      ['Groep 2', 2],
      ['groep 10', 1],
    ]);
  });

  it('says the lock is on, and keeps none of the sealed rows', async () => {
    await someClasses();
    await turnLockOn('een lange zin als wachtwoord', newRecoveryCode(), { iterations: 1000 });
    expect(await readStartRecords(name)).toEqual({ lockOn: true });
  });

  it('an empty database gives an empty list (the welcome), not a failure', async () => {
    expect(await readStartRecords(name)).toEqual({ lockOn: false, classes: [] });
  });

  it('a first visit is an empty start (the welcome), and makes no database', async () => {
    const fresh = 't-' + crypto.randomUUID();
    expect(await readStartRecords(fresh)).toEqual({ lockOn: false, classes: [] });
    expect(await Dexie.exists(fresh)).toBe(false);
  });

  it('reads a database at the newest schema also where the schema hint is gone', async () => {
    await someClasses();
    localStorage.clear();
    expect(await readStartRecords(name)).toEqual({
      lockOn: false,
      classes: await listClassSummaries(),
    });
  });

  it('steps aside when the database is older after all, and leaves it as it was', async () => {
    const older = 't-' + crypto.randomUUID();
    const v3 = declareReleasedVersions(new Dexie(older), 3);
    await v3.open();
    await v3.table('classes').add({ id: 'c-1', name: 'Oud' });
    v3.close();
    expect(await readStartRecords(older)).toBeNull();
    const check = new Dexie(older);
    await check.open();
    expect(check.verno).toBe(3);
    expect(await check.table('classes').toArray()).toEqual([{ id: 'c-1', name: 'Oud' }]);
    check.close();
    await Dexie.delete(older);
  });

  it('steps aside when another tab upgraded the database past this code', async () => {
    db.close();
    const newer = new Dexie(name);
    newer.version(SCHEMA_VERSION + 1).stores({ classes: 'id' });
    await newer.open();
    newer.close();
    expect(await readStartRecords(name)).toBeNull();
  });

  it('opens IndexedDB at the version Dexie opens it at', () => {
    expect(db.backendDB().version).toBe(INDEXEDDB_VERSION);
  });
});

describe('the start', () => {
  it('keeps the classes for the start screen once, the lock off', async () => {
    await someClasses();
    expect(await startUp(true, readStartRecords(name))).toBe('off');
    expect(takeStartRead()).toEqual(await listClassSummaries());
    expect(takeStartRead()).toBeUndefined();
  });

  it('starts locked when the lock is on, and keeps nothing', async () => {
    await someClasses();
    await turnLockOn('een lange zin als wachtwoord', newRecoveryCode(), { iterations: 1000 });
    // A new start: this realm does not know the key.
    appKeyring.off();
    expect(await startUp(true, readStartRecords(name))).toBe('locked');
    expect(takeStartRead()).toBeUndefined();
  });

  it('goes through Dexie when the read stepped aside: the lock is found all the same', async () => {
    await turnLockOn('een lange zin als wachtwoord', newRecoveryCode(), { iterations: 1000 });
    appKeyring.off();
    expect(await startUp(true, Promise.resolve(null))).toBe('locked');
    expect(takeStartRead()).toBeUndefined();
  });

  it('goes through Dexie when the inline read did not run', async () => {
    await someClasses();
    expect(await startUp(true)).toBe('off');
    expect(takeStartRead()).toBeUndefined();
  });

  it('keeps nothing for a deep link to another screen', async () => {
    await someClasses();
    expect(await startUp(false, readStartRecords(name))).toBe('off');
    expect(takeStartRead()).toBeUndefined();
  });
});
