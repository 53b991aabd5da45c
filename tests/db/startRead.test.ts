import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import { appKeyring } from '../../src/db/lock/keyring';
import { newRecoveryCode } from '../../src/db/lock/keys';
import { initLock, turnLockOn } from '../../src/db/lock/lock';
import { createClass, listClassSummaries } from '../../src/db/repo/classes';
import { addPupils } from '../../src/db/repo/pupils';
import { beginStartRead, settleStartRead, takeStartRead } from '../../src/db/repo/startRead';
import { SpiegelDB } from '../../src/db/schema';

const now = new Date('2025-09-01T08:00:00.000Z');
let db: SpiegelDB;

beforeEach(async () => {
  appKeyring.off();
  db = new SpiegelDB('t-' + crypto.randomUUID());
  setDbForTests(db);
  const cls = await createClass(
    { name: 'Groep 6b', schoolType: 'primary', yearLabel: 'groep 6' },
    now,
  );
  await addPupils(cls.id, ['Ayla', 'Bram'], now);
});

afterEach(() => {
  db.close();
  appKeyring.off();
});

describe('the start screen read at boot', () => {
  it('gives the start screen what it would read itself, once', async () => {
    beginStartRead();
    await settleStartRead(await initLock());
    expect(takeStartRead()).toEqual(await listClassSummaries());
    expect(takeStartRead()).toBeUndefined();
  });

  it('keeps nothing when the app starts locked: the sealed rows are not read, and nothing throws', async () => {
    await turnLockOn('een lange zin als wachtwoord', newRecoveryCode(), { iterations: 1000 });
    // A new start: this realm does not know the key, and reads before it knows the lock is on.
    appKeyring.off();
    beginStartRead();
    const mode = await initLock();
    expect(mode).toBe('locked');
    await settleStartRead(mode);
    expect(takeStartRead()).toBeUndefined();
  });

  it('keeps nothing when no read was begun (a deep link to another screen)', async () => {
    await settleStartRead('off');
    expect(takeStartRead()).toBeUndefined();
  });
});
