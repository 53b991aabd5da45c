import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDbForTests } from '../../../src/db/db';
import { isLockError } from '../../../src/db/lock/errors';
import { appKeyring, MemoryKeyring } from '../../../src/db/lock/keyring';
import { newRecoveryCode } from '../../../src/db/lock/keys';
import {
  changePassphrase,
  initLock,
  lockNow,
  readLockConfig,
  turnLockOff,
  turnLockOn,
  unlock,
  unlockWithRecoveryCode,
} from '../../../src/db/lock/lock';
import { lockMiddleware } from '../../../src/db/lock/middleware';
import { SpiegelDB } from '../../../src/db/schema';
import type { JournalEntry } from '../../../src/model/types';
import { dumpText, fixture, MARK, rawDump } from './fixture';

// Few iterations keep the tests fast; the app always uses LOCK_ITERATIONS (600,000).
const FAST = { iterations: 1000 };
const PASS = 'lange zin met spaties';

let db: SpiegelDB;
let name: string;

async function seed(): Promise<void> {
  const data = fixture();
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(data)) await db.table(table).bulkAdd(rows);
  });
}

/** Every table read through the app's database (the middleware opens sealed fields). */
async function readAll(d: SpiegelDB = db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of d.tables) out[t.name] = await t.toArray();
  return out;
}

async function expectLockError(p: Promise<unknown>, code: string): Promise<void> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(isLockError(e), String(e)).toBe(true);
  expect((e as { code: string }).code).toBe(code);
}

beforeEach(async () => {
  appKeyring.off();
  name = `t-${crypto.randomUUID()}`;
  db = new SpiegelDB(name);
  setDbForTests(db);
  await seed();
});

afterEach(() => {
  db.close();
  appKeyring.off();
});

describe('turning the lock on', () => {
  it('leaves no name, label or free text in any store, and reads back identical records', async () => {
    const before = await readAll();
    expect(dumpText(await rawDump(name))).toContain(MARK);

    await turnLockOn(PASS, newRecoveryCode(), FAST);

    const dump = await rawDump(name);
    expect(dumpText(dump)).not.toContain(MARK);
    // Ids, dates, kinds and counts stay plain.
    const pupil = dump.pupils![0] as Record<string, unknown>;
    expect(pupil).toMatchObject({ id: 'pupil-1', classId: 'class-1', seat: { row: 0, col: 1 } });
    expect(pupil.name).toBeUndefined();
    expect(dump.lessonEvents).toEqual(before.lessonEvents);
    expect(appKeyring.mode).toBe('unlocked');

    const after = await readAll();
    const { settings: s1, ...rest1 } = before;
    const { settings: s2, ...rest2 } = after;
    expect(rest2).toEqual(rest1);
    expect(s2!.filter((s) => (s as { key: string }).key !== 'appLock')).toEqual(s1);
  });

  it('encrypts what is written while unlocked, and reads it back', async () => {
    await turnLockOn(PASS, newRecoveryCode(), FAST);
    await db.pupils.update('pupil-1', { name: `${MARK} Tjalsma` });
    await db.journal.add({ ...fixture().journal[0], id: 'j-2' } as unknown as JournalEntry);
    expect(dumpText(await rawDump(name))).not.toContain(MARK);
    expect((await db.pupils.get('pupil-1'))?.name).toBe(`${MARK} Tjalsma`);
    expect((await db.journal.where('classId').equals('class-1').toArray()).length).toBe(2);
  });
});

describe('locked', () => {
  it('starts locked, refuses reads and writes of secret fields, and unlocks with the passphrase', async () => {
    await turnLockOn(PASS, newRecoveryCode(), FAST);
    const unlocked = await readAll();
    appKeyring.off(); // as after a reload: nothing in memory
    expect(await initLock()).toBe('locked');

    await expectLockError(db.pupils.toArray(), 'locked');
    await expectLockError(db.pupils.put(unlocked.pupils![0] as never), 'locked');
    // Plain tables (events) are not touched by the lock.
    expect(await db.lessonEvents.count()).toBe(1);

    await expectLockError(unlock('verkeerde zin'), 'wrongPassphrase');
    expect(appKeyring.mode).toBe('locked');
    await unlock(PASS);
    expect(await readAll()).toEqual(unlocked);
  });

  it('locks on demand and unlocks with the recovery code', async () => {
    const code = newRecoveryCode();
    await turnLockOn(PASS, code, FAST);
    const unlocked = await readAll();
    lockNow();
    expect(appKeyring.mode).toBe('locked');
    expect(appKeyring.key).toBeNull();
    await expectLockError(unlockWithRecoveryCode(newRecoveryCode()), 'wrongRecoveryCode');
    // Written down in lower case, with spaces instead of dashes: still the same code.
    await unlockWithRecoveryCode(code.toLowerCase().replace(/-/g, ' '));
    expect(await readAll()).toEqual(unlocked);
  });

  it('changes the passphrase without rewriting a record', async () => {
    await turnLockOn(PASS, newRecoveryCode(), FAST);
    const { settings: _s, ...before } = await rawDump(name);
    await expectLockError(
      changePassphrase('verkeerde zin', 'een nieuwe zin', FAST),
      'wrongPassphrase',
    );
    await changePassphrase(PASS, 'een nieuwe zin', FAST);
    const { settings: _t, ...after } = await rawDump(name);
    expect(after).toEqual(before);
    lockNow();
    await expectLockError(unlock(PASS), 'wrongPassphrase');
    await unlock('een nieuwe zin');
    expect((await db.classes.get('class-1'))?.name).toBe(`${MARK} 6b`);
  });

  it('refuses a passphrase that is too short', async () => {
    await expectLockError(turnLockOn('kort', newRecoveryCode(), FAST), 'tooShort');
    expect(await readLockConfig()).toBeNull();
  });
});

describe('turning the lock off', () => {
  it('restores plain records and forgets the configuration', async () => {
    const before = await rawDump(name);
    await turnLockOn(PASS, newRecoveryCode(), FAST);
    lockNow();
    await expectLockError(turnLockOff('verkeerde zin'), 'wrongPassphrase');
    await turnLockOff(PASS);
    expect(appKeyring.mode).toBe('off');
    expect(await readLockConfig()).toBeNull();
    expect(await rawDump(name)).toEqual(before);
  });
});

describe('a second reader (the analysis worker) with its own keyring', () => {
  it('reads with the data key and refuses without it', async () => {
    await turnLockOn(PASS, newRecoveryCode(), FAST);
    const keyring = new MemoryKeyring();
    const worker = new SpiegelDB(name);
    worker.use(lockMiddleware(keyring));
    keyring.lock();
    await expectLockError(worker.pupils.toArray(), 'locked');
    keyring.unlock(appKeyring.key!);
    expect((await worker.pupils.get('pupil-1'))?.name).toBe(`${MARK} Okonkwo-Bakker`);
    worker.close();
  });
});

describe('a forgotten passphrase', () => {
  it('is replaced with the recovery code as proof', async () => {
    const code = newRecoveryCode();
    await turnLockOn(PASS, code, FAST);
    await changePassphrase(code, 'weer een nieuwe zin', FAST);
    lockNow();
    await unlock('weer een nieuwe zin');
    expect((await db.pupils.get('pupil-1'))?.name).toBe(`${MARK} Okonkwo-Bakker`);
  });
});
