// Issue 13: "2 devices × 500 taps while connected → 1,000 events on both". Two app databases
// (fake-indexeddb), each with the app's own sync session (bridge + HocuspocusProvider), through
// the real server on loopback. Each tap is one local write, as on the live screen; the two
// devices tap at the same time, into the same ten lessons (round the lessons, so both log the
// first taps of every lesson at once, and no lesson record grows past 100 events: fake-indexeddb
// copies a record on every write). Every wait is on state, with generous limits (a loaded 2-core
// machine); nothing is timed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createToken, startSyncServer } from '../../server/syncServer.mjs';
import { putEvents, readAllEvents } from '../../src/db/eventStore';
import { SpiegelDB } from '../../src/db/schema';
import { setOutboxEnabled } from '../../src/db/sync/outbox';
import { SyncSession } from '../../src/db/sync/session';
import type { InteractionEvent } from '../../src/model/types';
import { newSyncKey } from '../../src/sync/crypto';
import type { Pairing } from '../../src/sync/pairing';
import { dump } from '../db/sync/wire';
import { RECORDS } from '../unit/sync/fixtures';
import { tempFolder } from './helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Polls a database, not a socket: a little slower than the helpers' WAIT. */
const SLOW = { timeout: 60_000, interval: 200 };

function device(pairing: Pairing, name: string) {
  const db = new SpiegelDB(`two-${name}-${crypto.randomUUID()}`);
  setOutboxEnabled(db, true);
  const session = new SyncSession(pairing, {
    db,
    device: { id: name, name },
    WebSocketPolyfill: WebSocket,
  });
  cleanups.push(() => {
    session.destroy();
    db.close();
  });
  return { db, session };
}

const LESSONS = Array.from({ length: 10 }, (_, i) => `lesson-${i}`);

function tap(device: string, i: number): InteractionEvent {
  // Minutes and seconds from the tap's number: every tap its own time, in order per device.
  const s = String(i % 60).padStart(2, '0');
  const m = String(10 + Math.floor(i / 60)).padStart(2, '0');
  const at = `2026-03-02T08:${m}:${s}.000Z`;
  const lessonId = LESSONS[i % LESSONS.length]!;
  return { ...RECORDS.events, id: `${device}-${i}`, lessonId, at, createdAt: at, updatedAt: at };
}

const eventIds = async (db: SpiegelDB) => (await readAllEvents(db)).map((e) => e.id);

async function tapMany(db: SpiegelDB, name: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await putEvents(db, [tap(name, i)]);
}

describe('two devices tapping at once through the server', () => {
  it('2 devices × 500 taps while connected: 1,000 events on both, identical databases', async () => {
    const folder = tempFolder();
    cleanups.push(folder.remove);
    const server = await startSyncServer({ dbFile: folder.file, quiet: true });
    cleanups.push(() => server.stop());
    const access = await createToken(server, 'two devices');
    const pairing = { url: server.url, ...access, key: newSyncKey() };

    const phone = device(pairing, 'phone');
    const laptop = device(pairing, 'laptop');
    await phone.session.open();
    await laptop.session.open();
    await vi.waitFor(() => {
      expect(phone.session.phase).toBe('online');
      expect(laptop.session.phase).toBe('online');
    }, SLOW);

    // The class, its pupil and the lessons, made on the phone, reach the laptop.
    await phone.db.transaction('rw', phone.db.tables, async () => {
      await phone.db.classes.add(RECORDS.classes);
      await phone.db.pupils.add(RECORDS.pupils);
      for (const id of LESSONS) await phone.db.lessons.add({ ...RECORDS.lessons, id });
    });
    await vi.waitFor(async () => expect(await laptop.db.lessons.count()).toBe(10), SLOW);

    await Promise.all([tapMany(phone.db, 'phone', 500), tapMany(laptop.db, 'laptop', 500)]);

    for (const d of [phone, laptop]) {
      await vi.waitFor(async () => expect(await eventIds(d.db)).toHaveLength(1000), SLOW);
    }
    await vi.waitFor(async () => {
      expect(await phone.db.syncOutbox.count()).toBe(0);
      expect(await laptop.db.syncOutbox.count()).toBe(0);
      expect(await dump(laptop.db)).toEqual(await dump(phone.db));
    }, SLOW);
    const ids = await eventIds(phone.db);
    expect(new Set(ids).size).toBe(1000);
    expect(ids.filter((id) => id.startsWith('phone-'))).toHaveLength(500);
  }, 180_000);
});
