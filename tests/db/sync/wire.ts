/** Two databases bridged through two Y.Docs and an in-memory "network" (not a test file). */
import * as Y from 'yjs';
import { SyncBridge, type BridgeOptions } from '../../../src/db/sync/bridge';
import { setOutboxEnabled, SYNCED_STORES } from '../../../src/db/sync/outbox';
import { setDbForTests } from '../../../src/db/db';
import { putEvents } from '../../../src/db/eventStore';
import { SpiegelDB } from '../../../src/db/schema';
import { SYNC_TABLES } from '../../../src/sync/tables';
import { RECORDS } from '../../unit/sync/fixtures';
import { newSyncKey } from '../../../src/sync/crypto';
import { initMeta } from '../../../src/sync/meta';

export const WIRE = Symbol('wire');

export interface Device {
  db: SpiegelDB;
  doc: Y.Doc;
  bridge: SyncBridge;
}

export function device(key: Uint8Array, options?: BridgeOptions): Device {
  const db = new SpiegelDB(`t-${crypto.randomUUID()}`);
  setOutboxEnabled(db, true);
  const doc = new Y.Doc();
  return { db, doc, bridge: new SyncBridge(db, doc, key, options) };
}

/** Forwards every update of one document to the other while `online()` says so. */
export function link(from: Y.Doc, to: Y.Doc, online: () => boolean = () => true): void {
  from.on('update', (u: Uint8Array, origin: unknown) => {
    if (online() && origin !== WIRE) Y.applyUpdate(to, u, WIRE);
  });
}

/** Two paired devices; `online` forwards every update at once, offline they queue. */
export function pairOfDevices() {
  const key = newSyncKey();
  const a = device(key);
  const b = device(key);
  initMeta(a.doc, key);
  let online = true;
  const forward = (from: Y.Doc, to: Y.Doc) =>
    from.on('update', (u: Uint8Array, origin: unknown) => {
      if (online && origin !== WIRE) Y.applyUpdate(to, u, WIRE);
    });
  forward(a.doc, b.doc);
  forward(b.doc, a.doc);
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc), WIRE);
  return {
    key,
    a,
    b,
    offline() {
      online = false;
    },
    /** Back online: each side sends what the other lacks (as the provider does on connect). */
    online() {
      online = true;
      Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), WIRE);
      Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)), WIRE);
    },
  };
}

/** Steps both devices until neither has anything left to do. */
export async function settle(...devices: Device[]): Promise<void> {
  for (let i = 0; i < 4; i++) for (const d of devices) await d.bridge.flush();
}

/** Every synced table, each in id order: what must be identical on paired devices. */
export async function dump(db: SpiegelDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of SYNCED_STORES) {
    const rows = (await db.table(name).toArray()) as { id: string }[];
    out[name] = rows.sort((x, y) => x.id.localeCompare(y.id));
  }
  return out;
}

/** The tests' clock: after the fixtures' lessons. */
export const NOW = new Date('2026-03-04T10:00:00.000Z');

/** One record of every synced table (the fixtures), written in one transaction. */
export async function seed(db: SpiegelDB): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of SYNC_TABLES) {
      if (table === 'events') await putEvents(db, [RECORDS.events]);
      else await db.table(table).add(RECORDS[table]);
    }
  });
}

/** Runs repository code (which uses the app's database) against one device's database. */
export async function on<T>(db: SpiegelDB, run: () => Promise<T>): Promise<T> {
  setDbForTests(db);
  try {
    return await run();
  } finally {
    setDbForTests(null);
  }
}

/** A turn of the fixture's pupil at 08:`minute` on the fixture's lesson day. */
export const tap = (id: string, minute: number) => {
  const at = `2026-03-02T08:${String(minute).padStart(2, '0')}:00.000Z`;
  return { ...RECORDS.events, id, at, createdAt: at, updatedAt: at };
};
