/**
 * Sees every local write to a synced table: a DBCore middleware adds `syncOutbox` to each
 * read-write transaction over a synced table and records there what changed, in the same
 * transaction (so no write from any code path or tab is missed, and a crash loses nothing).
 * The document work happens later, batched, in bridge.ts: a tap stays one local write.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Dexie } from 'dexie';
import type { Id, LessonEventsRecord } from '../../model/types';
import { sameJson } from '../../sync/json';
import { SYNC_TABLES } from '../../sync/tables';
import type { SyncOutboxRecord } from './records';

export const OUTBOX = 'syncOutbox';
/** The Dexie tables behind the synced tables (events live in `lessonEvents`). */
export const SYNCED_STORES: readonly string[] = SYNC_TABLES.map((t) =>
  t === 'events' ? 'lessonEvents' : t,
);
const SYNCED = new Set(SYNCED_STORES);

/**
 * Transactions whose writes are not recorded: the bridge's own step, which writes the document's
 * version back and empties the outbox itself (recording 25,000 events of a first sync only to
 * clear them cost seconds).
 */
const unrecorded = new WeakSet<object>();

/** Call inside a transaction: its writes do not go into the outbox. */
export function skipOutbox(trans: { idbtrans: IDBTransaction }): void {
  unrecorded.add(trans.idbtrans);
}

/**
 * Lesson records about to be put whose changed events the writer knows (`noteChangedEvents`):
 * their write records those events without reading the row first. Keyed by the record object
 * itself, so the note cannot reach any other write; each note is used once.
 */
const told = new WeakMap<object, readonly Id[]>();

/**
 * Call just before putting `record` (a `lessonEvents` row): exactly these of its events were
 * added, changed or removed. A tap then stores its row and one outbox entry, instead of reading
 * the lesson's whole row (every event of it) back out of IndexedDB to find what changed. A write
 * nobody told about is diffed as before.
 */
export function noteChangedEvents(record: LessonEventsRecord, eventIds: readonly Id[]): void {
  told.set(record, eventIds);
}

/** Per database: whether writes are recorded (only while the device is paired). */
const enabled = new WeakMap<Dexie, { on: boolean }>();
const flagKey = (db: Dexie) => `spiegel.sync.${db.name}`;

/**
 * Turns recording on or off. Remembered in localStorage (synchronous), so a paired device records
 * from its very first write after a reload, before the pairing is read from IndexedDB.
 */
export function setOutboxEnabled(db: Dexie, on: boolean): void {
  const state = enabled.get(db);
  if (state) state.on = on;
  try {
    if (on) globalThis.localStorage?.setItem(flagKey(db), '1');
    else globalThis.localStorage?.removeItem(flagKey(db));
  } catch {
    // No localStorage (private mode): recording starts when the pairing is read.
  }
}

function initiallyOn(db: Dexie): boolean {
  try {
    return globalThis.localStorage?.getItem(flagKey(db)) === '1';
  } catch {
    return false;
  }
}

type Row = Record<string, unknown> | undefined;

/** Outbox entries for one table's rows before and after a write. */
export function entriesFor(table: string, keys: readonly Id[], before: Row[], after: Row[]) {
  const out: SyncOutboxRecord[] = [];
  keys.forEach((id, i) => {
    const old = before[i];
    const now = after[i];
    if (table === 'lessonEvents') {
      const olds = new Map(
        ((old as LessonEventsRecord | undefined)?.events ?? []).map((e) => [e.id, e]),
      );
      const news = (now as LessonEventsRecord | undefined)?.events ?? [];
      for (const e of news) {
        if (!sameJson(olds.get(e.id), e)) out.push({ key: `events:${id}:${e.id}`, fields: null });
        olds.delete(e.id);
      }
      for (const e of olds.keys()) out.push({ key: `events:${id}:${e}`, fields: null });
      return;
    }
    if (!old || !now) {
      if (old || now) out.push({ key: `${table}:${id}`, fields: null });
      return;
    }
    const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])].filter(
      (f) => !sameJson(old[f], now[f]),
    );
    if (fields.length) out.push({ key: `${table}:${id}`, fields });
  });
  return out;
}

/** The primary keys a mutation touches (a range delete is looked up first). */
function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): Promise<Id[]> {
  switch (req.type) {
    case 'add':
    case 'put':
      if (req.keys) return Promise.resolve(req.keys as Id[]);
      if (req.type === 'put' && req.updates && !req.values.length)
        return Promise.resolve(req.updates.keys as Id[]);
      return Promise.resolve(req.values.map((v) => (v as { id: Id }).id));
    case 'delete':
      return Promise.resolve(req.keys as Id[]);
    case 'deleteRange':
      return table
        .query({
          trans: req.trans,
          values: false,
          query: { index: table.schema.primaryKey, range: req.range },
        })
        .then((res) => res.result as Id[]);
  }
}

/** Adds entries to the outbox, joining the fields of an entry already waiting. */
function record(
  outbox: DBCoreTable,
  trans: DBCoreTransaction,
  entries: SyncOutboxRecord[],
): Promise<unknown> {
  const keys = entries.map((e) => e.key);
  // A whole-record entry (every tap) replaces whatever waits under its key: nothing to join.
  if (entries.every((e) => e.fields === null))
    return outbox.mutate({ type: 'put', trans, values: entries, keys });
  return outbox.getMany({ trans, keys }).then((waiting: (SyncOutboxRecord | undefined)[]) => {
    const values = entries.map((e, i) => {
      const w = waiting[i];
      if (!w) return e;
      const fields = w.fields && e.fields ? [...new Set([...w.fields, ...e.fields])] : null;
      return { key: e.key, fields };
    });
    return outbox.mutate({ type: 'put', trans, values, keys });
  });
}

/**
 * The rows as a put or add stores them, when the request carries them whole (not a modify's
 * change specs): then they need not be read back.
 */
function storedValues(req: DBCoreMutateRequest, keys: readonly Id[]): Row[] | null {
  if (req.type !== 'put' && req.type !== 'add') return null;
  if ((req.type === 'put' && req.updates) || req.values.length !== keys.length) return null;
  return req.values as Row[];
}

/**
 * The entries of a put of lesson records the writer told about, one list per record; null when
 * any record was not told about (then the whole put is diffed). Uses up the notes.
 */
function toldEntries(table: string, req: DBCoreMutateRequest): SyncOutboxRecord[][] | null {
  if (table !== 'lessonEvents' || req.type !== 'put' || req.updates || req.keys) return null;
  const lists = req.values.map((v) => {
    const ids = told.get(v as object);
    told.delete(v as object);
    const lessonId = (v as LessonEventsRecord).id;
    return ids?.map((e): SyncOutboxRecord => ({ key: `events:${lessonId}:${e}`, fields: null }));
  });
  return lists.length && lists.every((l) => l) ? (lists as SyncOutboxRecord[][]) : null;
}

function hasOutbox(trans: DBCoreTransaction): boolean {
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return !!names && names.contains(OUTBOX);
}

/** Installs the middleware (before the database opens); recording starts when enabled. */
export function installOutbox(db: Dexie): void {
  const state = { on: initiallyOn(db) };
  enabled.set(db, state);
  db.use({
    stack: 'dbcore',
    name: 'spiegelSyncOutbox',
    create(down: DBCore): DBCore {
      return {
        ...down,
        transaction(stores, mode, options) {
          const add =
            state.on &&
            mode === 'readwrite' &&
            !stores.includes(OUTBOX) &&
            stores.some((s) => SYNCED.has(s));
          return down.transaction(add ? [...stores, OUTBOX] : stores, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!SYNCED.has(name)) return table;
          return {
            ...table,
            // Promise chains, not async/await: Dexie's zone (PSD) must follow each call.
            mutate(req) {
              if (!state.on || !hasOutbox(req.trans) || unrecorded.has(req.trans))
                return table.mutate(req);
              const trans = req.trans;
              const known = toldEntries(name, req);
              if (known) {
                // The writer said what changed: no read, the entries follow the write.
                return table.mutate(req).then((res) => {
                  const entries = known.filter((_, i) => !res.failures[i]).flat();
                  if (!entries.length) return res;
                  return record(down.table(OUTBOX), trans, entries).then(() => res);
                });
              }
              return keysOf(table, req).then((keys) => {
                // Read and write in one go: a transaction answers its requests in order, so the
                // read sees the rows as they were. A tap then waits for one extra request (the
                // outbox entry), not four one after the other.
                const reading = table.getMany({ trans, keys });
                const writing = table.mutate(req);
                // Its failure reaches the caller through the chain below, not as unhandled.
                writing.catch(() => undefined);
                const stored = storedValues(req, keys);
                return reading.then((before: Row[]) =>
                  writing.then((res) => {
                    const finish = (after: Row[]) => {
                      const entries = entriesFor(name, keys, before, after);
                      if (!entries.length) return res;
                      return record(down.table(OUTBOX), trans, entries).then(() => res);
                    };
                    // Rows that failed are not stored: then read what is.
                    return stored && !res.numFailures
                      ? finish(stored)
                      : table.getMany({ trans, keys }).then(finish);
                  }),
                );
              });
            },
          };
        },
      };
    },
  });
}
