/** Backups and the lock: export while unlocked is plain (as today), import is sealed on write. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackupJson } from '../../../src/db/backup/export';
import { importBackup } from '../../../src/db/backup/import';
import { makeSampleData } from '../../support/backupSample';
import { appKeyring } from '../../../src/db/lock/keyring';
import { newRecoveryCode } from '../../../src/db/lock/keys';
import { turnLockOn } from '../../../src/db/lock/lock';
import { deleteAllData } from '../../../src/db/repo/maintenance';
import type { SpiegelDB } from '../../../src/db/schema';
import { freshDb, seedDb } from '../backupHelpers';
import { dumpText, rawDump } from './fixture';

const FAST = { iterations: 1000 };
const PASS = 'lange zin met spaties';
let db: SpiegelDB;

beforeEach(() => {
  appKeyring.off();
  db = freshDb();
});

afterEach(() => {
  db.close();
  appKeyring.off();
});

describe('backups with the lock on', () => {
  it('export while unlocked holds the names; import while unlocked stores them sealed', async () => {
    const data = makeSampleData({ seed: 7 });
    await seedDb(db, data);
    const names = [...data.pupils.map((p) => p.name), ...data.classes.map((c) => c.name)];
    expect(names.length).toBeGreaterThan(3);

    await turnLockOn(PASS, newRecoveryCode(), FAST);
    const text = await exportBackupJson();
    for (const n of names) expect(text).toContain(JSON.stringify(n));

    await deleteAllData();
    expect(appKeyring.mode).toBe('off');
    await turnLockOn(PASS, newRecoveryCode(), FAST);
    await importBackup(text, 'merge');

    const dump = dumpText(await rawDump(db.name));
    for (const n of names) expect(dump).not.toContain(JSON.stringify(n));
    expect((await db.pupils.toArray()).map((p) => p.name).sort()).toEqual(
      data.pupils.map((p) => p.name).sort(),
    );
  });
});
