/**
 * Turning the lock on or off rewrites every table in one transaction: when it dies midway (here a
 * middleware above the lock throws on the third table's write, as a killed tab would stop it),
 * the database is wholly in its old state.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { setDbForTests } from '../../../src/db/db';
import { appKeyring } from '../../../src/db/lock/keyring';
import { newRecoveryCode } from '../../../src/db/lock/keys';
import { readLockConfig, turnLockOff, turnLockOn } from '../../../src/db/lock/lock';
import { SpiegelDB } from '../../../src/db/schema';
import { fixture, rawDump } from './fixture';

const FAST = { iterations: 1000 };
const PASS = 'lange zin met spaties';

let db: SpiegelDB;
let name: string;
/** When set: the number of bulk writes that pass before the next one throws. */
let killAfter: number | null = null;

beforeEach(async () => {
  appKeyring.off();
  killAfter = null;
  name = `t-${crypto.randomUUID()}`;
  db = new SpiegelDB(name);
  db.use({
    stack: 'dbcore',
    name: 'killer',
    create: (down: DBCore) => ({
      ...down,
      table: (t: string) => {
        const table = down.table(t);
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) => {
            if (killAfter !== null && req.type === 'put' && killAfter-- === 0) {
              throw new Error('tab killed');
            }
            return table.mutate(req);
          },
        };
      },
    }),
  });
  setDbForTests(db);
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(fixture())) await db.table(table).bulkAdd(rows);
  });
});

afterEach(() => {
  db.close();
  appKeyring.off();
});

describe('a rewrite that dies midway', () => {
  it.each([0, 2, 5])('turning on, killed after %i tables: all still plain', async (n) => {
    const before = await rawDump(name);
    killAfter = n;
    await expect(turnLockOn(PASS, newRecoveryCode(), FAST)).rejects.toThrow('tab killed');
    expect(await rawDump(name)).toEqual(before);
    expect(appKeyring.mode).toBe('off');
    expect(await readLockConfig()).toBeNull();
  });

  it.each([0, 3, 6])('turning off, killed after %i tables: all still encrypted', async (n) => {
    await turnLockOn(PASS, newRecoveryCode(), FAST);
    const before = await rawDump(name);
    killAfter = n;
    await expect(turnLockOff(PASS)).rejects.toThrow('tab killed');
    expect(await rawDump(name)).toEqual(before);
    expect(await readLockConfig()).not.toBeNull();
    // Still readable with the key, so nothing is lost.
    expect((await db.pupils.get('pupil-1'))?.nicknames).toHaveLength(1);
  });
});
