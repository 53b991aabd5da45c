/**
 * The bridge between this device's database and the shared Yjs document (docs/sync.md).
 * One step, in one read-write transaction with only synchronous work (Yjs, AES-GCM) inside:
 * local writes waiting in the outbox go into the document, the document's version of every
 * record touched (locally or remotely) is written back, the outbox is emptied and the
 * document's new updates are stored. Steps run batched, after the writes that caused them.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import * as Y from 'yjs';
import type { AbsenceRecord, Id, LessonEventsRecord, StoredEvent } from '../../model/types';
import { SyncKeyError } from '../../sync/crypto';
import {
  changedRefs,
  fieldMap,
  goneMap,
  isGone,
  lessonsWithEvents,
  PARENTS,
  eraseEvent,
  eraseRecord,
  LOCAL_ORIGIN,
  readLessonEvents,
  readRecord,
  sameJson,
  writeEvent,
  writeRecord,
  type ChangeRef,
} from '../../sync/doc';
import { docState, SYNC_FORMAT } from '../../sync/meta';
import { rotationUpdate } from '../../sync/rotate';
import { SYNC_TABLES, type FieldTable, type SyncRecords } from '../../sync/tables';
import { eventOfRecord, lessonRecordOf } from '../eventStore';
import type { SpiegelDB } from '../schema';
import { whenIdle } from '../idle';
import { changedEvents } from './lessonDiff';
import { OUTBOX, skipOutbox, SYNCED_STORES } from './outbox';
import type { SyncOutboxRecord } from './records';
import { publishRemoteLesson, type RemoteLessonChange } from './lessonSignal';

/** Updates read back from storage: already in the database, not a change to apply. */
const LOAD_ORIGIN = Symbol('spiegel-load');

/** Stored updates are compacted into one row at load once there are more than this many. */
export const COMPACT_AFTER = 64;

const refKey = (r: ChangeRef) => `${r.table}:${r.id}`;

/**
 * Whether a storage-mutated signal is the commit of this transaction. Relies on a Dexie 4
 * internal: Dexie signals a transaction's commit with the very object it collected its changes
 * in, kept on the IndexedDB transaction as `mutatedParts`. Should that change, this says false
 * and the bridge merely runs one step more, which finds nothing to do and writes nothing.
 */
function isCommitOf(trans: IDBTransaction | null, parts: ObservabilitySet): boolean {
  return trans !== null && (trans as { mutatedParts?: unknown }).mutatedParts === parts;
}

/** The default wait after a write before a step (see BridgeOptions.debounceMs). */
export const STEP_AFTER_MS = 20;
const MAX_WAIT_MS = 1000;

export interface BridgeOptions {
  /**
   * After a local write, wait until no other came for this long before a step (STEP_AFTER_MS:
   * the writes of one action make one step). Short on purpose: a tap's write commits just after
   * the frame that shows it, so a step right then lands in the gap before the next tap; a long
   * wait never saw quiet between fast taps and let maxWaitMs place the step on a tap.
   */
  debounceMs?: number;
  /** After a change from another device, wait this long (STEP_AFTER_MS by default). */
  remoteDebounceMs?: number;
  /** But step at the latest this long after the first waiting change (a stream of writes). */
  maxWaitMs?: number;
  /** Called after each step (for "last synced" and "changes waiting"), or with its error. */
  onStep?: (error: unknown) => void;
  /** The newest document format this app understands (a test plays an older app with it). */
  format?: number;
  /** Called when a step kept updates of a newer format without applying them. */
  onHeld?: () => void;
  /**
   * Told, after its step committed, what another device changed in a lesson (default: the open
   * grid in this realm hears it; the sync worker passes it on to the page).
   */
  onLessonChange?: (change: RemoteLessonChange) => void;
}

export class SyncBridge {
  private readonly remote = new Map<string, ChangeRef>();
  private unsaved: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest change not yet stepped was scheduled (for maxWaitMs). */
  private since: number | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private watching = false;
  private active = false;
  /** What this step changed in lessons' events and absences, published once it has committed. */
  private lessonChanges = new Map<Id, RemoteLessonChange>();
  /** Updates kept without applying them (a newer format) were applied: unmark them. */
  private appliedHeld = false;
  /**
   * Whether the outbox may hold entries: set by every signal of a write to it (from any tab),
   * cleared when a step reads it. While watching, a step without it need not count the outbox.
   */
  private outboxMayHold = true;
  /** The transaction of the step committing now: its own signal wakes nothing. */
  private ownCommit: IDBTransaction | null = null;

  constructor(
    readonly db: SpiegelDB,
    readonly doc: Y.Doc,
    private key: Uint8Array,
    private readonly options: BridgeOptions = {},
  ) {
    doc.on('update', this.onUpdate);
    doc.on('afterTransaction', this.onTransaction);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== LOAD_ORIGIN) this.unsaved.push(update);
  };

  private readonly onTransaction = (tr: Y.Transaction) => {
    if (tr.origin === LOCAL_ORIGIN || tr.origin === LOAD_ORIGIN) return;
    const refs = changedRefs(this.doc, tr);
    for (const r of refs) this.remote.set(refKey(r), r);
    if (refs.length) this.schedule(this.options.remoteDebounceMs ?? STEP_AFTER_MS);
  };

  /**
   * Reads the stored document before anything else: each stored update applied in turn (merging
   * them first would decode and encode the whole document once more), compacted into one row
   * once there are many.
   */
  async load(): Promise<void> {
    const rows = await this.db.syncUpdates.toArray();
    if (!rows.length) return;
    const held = rows.some((r) => r.held);
    // Already stored: without a listener Yjs does not encode each applied update again.
    this.doc.off('update', this.onUpdate);
    try {
      this.doc.transact(() => {
        for (const row of rows) Y.applyUpdate(this.doc, row.update, LOAD_ORIGIN);
      }, LOAD_ORIGIN);
    } finally {
      this.doc.on('update', this.onUpdate);
    }
    if (rows.length > COMPACT_AFTER) {
      const update = Y.encodeStateAsUpdate(this.doc);
      await this.db.transaction('rw', this.db.syncUpdates, async () => {
        await this.db.syncUpdates.bulkDelete(rows.map((r) => r.seq!));
        await this.db.syncUpdates.add(held ? { update, held: true } : { update });
      });
    }
    // Kept while this app was too old for them; now it understands them: apply everything.
    if (held && this.state() !== 'newerFormat') {
      this.markAll();
      this.appliedHeld = true;
    }
  }

  private state() {
    return docState(this.doc, this.key, this.options.format ?? SYNC_FORMAT);
  }

  /** Every record (and lesson) the document holds or erased, to be written back. */
  private markAll(): void {
    for (const table of SYNC_TABLES) {
      const ids =
        table === 'events' ? lessonsWithEvents(this.doc) : fieldMap(this.doc, table).keys();
      for (const id of ids) this.remote.set(refKey({ table, id }), { table, id });
    }
    for (const [k, lesson] of goneMap(this.doc).entries()) {
      const [table, id] = k.split(':') as [FieldTable | 'events', Id];
      const ref: ChangeRef = table === 'events' ? { table, id: String(lesson) } : { table, id };
      this.remote.set(refKey(ref), ref);
    }
  }

  /**
   * A newer app wrote this document: keep its updates (stored, marked held) but apply nothing and
   * share nothing; local writes wait in the outbox. After the app is updated, load() applies it all.
   */
  private async hold(): Promise<void> {
    this.remote.clear();
    const updates = this.unsaved.splice(0);
    if (updates.length) {
      try {
        await this.db.syncUpdates.bulkAdd(updates.map((update) => ({ update, held: true })));
      } catch (e) {
        this.unsaved.unshift(...updates);
        throw e;
      }
    }
    this.options.onHeld?.();
  }

  /**
   * Rotates the document's key (docs/sync.md): what waits is shared first; the rotation is worked
   * out on a copy and stored together with the new key (`saveKey` runs in the same transaction,
   * which includes `settings`), and only then applied here and so sent to the server. A crash in
   * between leaves either the old key and document or the new ones, never a mix.
   */
  async rotate(newKey: Uint8Array, saveKey: () => Promise<unknown>): Promise<void> {
    await this.flush();
    const update = rotationUpdate(this.doc, this.key, newKey);
    await this.db.transaction('rw', [this.db.syncUpdates, this.db.settings], async () => {
      await this.db.syncUpdates.add({ update });
      await saveKey();
    });
    this.key = newKey;
    // Already stored: LOAD_ORIGIN keeps it out of the next step; the provider still sends it.
    Y.applyUpdate(this.doc, update, LOAD_ORIGIN);
  }

  /** Starts stepping: now (what waited while the app was closed) and after every write. */
  start(): void {
    if (this.active) return;
    this.active = true;
    // Any tab's write into the outbox (Dexie signals every committed write, across tabs too).
    Dexie.on.storagemutated.subscribe(this.onMutated);
    this.watching = true;
    // What was written while nobody watched (the app closed, the bridge stopped) may wait.
    this.outboxMayHold = true;
    this.schedule(0);
  }

  stop(): void {
    this.active = false;
    if (this.watching) Dexie.on.storagemutated.unsubscribe(this.onMutated);
    this.watching = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.since = null;
  }

  destroy(): void {
    this.stop();
    this.doc.off('update', this.onUpdate);
    this.doc.off('afterTransaction', this.onTransaction);
  }

  /** Whether a step is waiting for its time (tests). */
  get scheduled(): boolean {
    return this.timer !== null;
  }

  private readonly onMutated = (parts: ObservabilitySet) => {
    // The step's own commit (it empties the outbox): another step would find nothing.
    if (isCommitOf(this.ownCommit, parts)) return;
    const outbox = `idb://${this.db.name}/${OUTBOX}/`;
    if (Object.keys(parts).some((p) => p.startsWith(outbox))) {
      this.outboxMayHold = true;
      this.schedule(this.options.debounceMs ?? STEP_AFTER_MS);
    }
  };

  /**
   * A step waits until no change came for `wait` ms (at most `maxWaitMs` after the first change
   * waiting), then until the browser is idle (after the frame that shows the tap; a worker has
   * no frames). Writes closer together than `wait` make one step.
   */
  private schedule(wait: number): void {
    if (!this.active) return;
    const now = Date.now();
    this.since ??= now;
    if (this.timer) clearTimeout(this.timer);
    const latest = this.since + (this.options.maxWaitMs ?? MAX_WAIT_MS);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        // Soon in any case; where the page runs the bridge, after the frame that shows the tap.
        whenIdle(
          () => {
            this.since = null;
            void this.flush().catch(() => undefined);
          },
          { timeout: 250, fallbackMs: 0 },
        );
      },
      Math.max(0, Math.min(wait, latest - now)),
    );
  }

  /** Runs a step now (waiting for one in progress, then running another if more came). */
  async flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.step();
        } while (this.again);
        this.options.onStep?.(null);
      } catch (e) {
        this.options.onStep?.(e);
        throw e;
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async step(): Promise<void> {
    const { db } = this;
    // Checked every step: another device may have rotated the key or updated the format meanwhile.
    const state = this.state();
    if (state === 'wrongKey') throw new SyncKeyError('meta/keyCheck');
    if (state === 'newerFormat') return this.hold();
    // Nothing to do (e.g. the signal of this bridge's own last step): no write lock at all.
    const idle = !this.remote.size && !this.unsaved.length && !this.appliedHeld;
    if (idle) {
      // Watching, every write to the outbox is signalled: without a signal nothing waits there.
      const waits = this.watching ? this.outboxMayHold : (await db.syncOutbox.count()) > 0;
      if (!waits) return;
    }
    const remote = [...this.remote.values()];
    this.remote.clear();
    const stores = [...SYNCED_STORES, OUTBOX, 'syncUpdates'];
    this.lessonChanges = new Map();
    try {
      await db.transaction('rw', stores, async () => {
        const trans = Dexie.currentTransaction;
        if (trans) {
          // This step writes the document's version back and empties the outbox itself.
          skipOutbox(trans);
          this.ownCommit = trans.idbtrans;
        }
        // Writes to the outbox wait for this transaction: a later one signals anew.
        this.outboxMayHold = false;
        const waiting = await db.syncOutbox.toArray();
        const touched = new Map<string, ChangeRef>(remote.map((r) => [refKey(r), r]));
        // The local rows the step needs, read in one request per table (not one per record).
        const rows = new LocalRows(db);
        await rows.load(waiting.map(outboxRef));
        const lessons = new Map<Id, Map<Id, StoredEvent>>();
        // One Yjs transaction for all of the step's local changes: one update to store and to
        // send, not one per outbox entry (a burst of taps was a message per tap).
        this.doc.transact(() => {
          for (const entry of waiting) {
            const ref = this.shareLocal(entry, rows, lessons);
            touched.set(refKey(ref), ref);
          }
        }, LOCAL_ORIGIN);
        await this.writeBack([...touched.values()], rows);
        // Only this transaction wrote to the outbox meanwhile (every synced write locks it).
        if (waiting.length) await db.syncOutbox.clear();
        const updates = this.unsaved.splice(0);
        // One row per update: merging them would decode and encode a first sync's whole
        // document once more (load() compacts the rows).
        if (updates.length) await db.syncUpdates.bulkAdd(updates.map((update) => ({ update })));
        if (this.appliedHeld) {
          await db.syncUpdates.toCollection().modify((r) => {
            delete r.held;
          });
        }
      });
      this.appliedHeld = false;
    } catch (e) {
      // Try the remote changes again next time; local ones are still in the outbox.
      for (const r of remote) this.remote.set(refKey(r), r);
      this.outboxMayHold = true;
      throw e;
    } finally {
      // Dexie signals a commit as it completes, before the transaction's promise settles.
      this.ownCommit = null;
    }
    const publish = this.options.onLessonChange ?? publishRemoteLesson;
    for (const change of this.lessonChanges.values()) {
      try {
        publish(change);
      } catch {
        // A screen's listener failing is no sync failure.
      }
    }
    this.lessonChanges.clear();
  }

  private lessonChange(lessonId: Id): RemoteLessonChange {
    let change = this.lessonChanges.get(lessonId);
    if (!change) {
      change = { lessonId, added: [], removed: [], absences: [] };
      this.lessonChanges.set(lessonId, change);
    }
    return change;
  }

  /** Notes which events a write-back added, changed or removed (this device's own are equal). */
  private noteEvents(lessonId: Id, before?: LessonEventsRecord, after?: LessonEventsRecord) {
    const change = this.lessonChange(lessonId);
    const { added, removed } = changedEvents(before, after);
    change.added.push(...added);
    change.removed.push(...removed);
  }

  /** Notes an absence a write-back added or removed. */
  private noteAbsence(before: unknown, after: unknown) {
    const rec = (after ?? before) as AbsenceRecord | undefined;
    if (!rec || !before === !after) return;
    this.lessonChange(rec.lessonId).absences.push({ pupilId: rec.pupilId, absent: !!after });
  }

  /** One outbox entry into the document; returns the record (or lesson) it touched. */
  private shareLocal(
    entry: SyncOutboxRecord,
    rows: LocalRows,
    lessons: Map<Id, Map<Id, StoredEvent>>,
  ): ChangeRef {
    const ref = outboxRef(entry);
    const [, , eventId] = entry.key.split(':') as [string, Id, Id?];
    if (ref.table === 'events' && eventId) {
      const rec = rows.get<LessonEventsRecord>(ref);
      let index = lessons.get(ref.id);
      if (!index) lessons.set(ref.id, (index = new Map(rec?.events.map((e) => [e.id, e]))));
      // Only the events the outbox names are expanded: a tap's step touches one of hundreds.
      const stored = index.get(eventId);
      const event = rec && stored ? eventOfRecord(rec, stored) : undefined;
      if (event) writeEvent(this.doc, event);
      else eraseEvent(this.doc, ref.id, eventId);
      return ref;
    }
    const t = ref.table as FieldTable;
    const record = rows.get<SyncRecords[FieldTable]>(ref);
    if (record) writeRecord(this.doc, this.key, t, record, entry.fields);
    else eraseRecord(this.doc, t, ref.id);
    return ref;
  }

  /**
   * Makes the database hold the document's version of these records (and lessons' events):
   * their rows read in one request per table, the changed ones written in one per table.
   */
  private async writeBack(refs: readonly ChangeRef[], rows: LocalRows): Promise<void> {
    await rows.load(refs);
    const puts = new Map<string, unknown[]>();
    const deletes = new Map<string, Id[]>();
    const add = <T>(into: Map<string, T[]>, store: string, value: T) => {
      const list = into.get(store);
      if (list) list.push(value);
      else into.set(store, [value]);
    };
    const erased: ChangeRef[] = [];
    for (const ref of refs) {
      if (ref.table === 'events') {
        const events = readLessonEvents(this.doc, ref.id);
        const current = rows.get<LessonEventsRecord>(ref);
        if (!events.length) {
          if (current) {
            add(deletes, 'lessonEvents', ref.id);
            this.noteEvents(ref.id, current, undefined);
          }
          continue;
        }
        const wanted = lessonRecordOf(events);
        if (!sameJson(current, wanted)) {
          add(puts, 'lessonEvents', wanted);
          this.noteEvents(ref.id, current, wanted);
        }
        continue;
      }
      const wanted = readRecord(this.doc, this.key, ref.table, ref.id);
      const current = rows.get<unknown>(ref);
      if (!wanted) {
        if (current) add(deletes, ref.table, ref.id);
        if (isGone(this.doc, ref.table, ref.id)) erased.push(ref);
      } else if (!sameJson(current, wanted)) add(puts, ref.table, wanted);
      else continue;
      if (ref.table === 'absences') this.noteAbsence(current, wanted);
    }
    for (const [store, ids] of deletes) await this.db.table(store).bulkDelete(ids);
    for (const [store, values] of puts) await this.db.table(store).bulkPut(values);
    for (const ref of erased) await this.eraseDependents(ref);
  }

  /**
   * A class, pupil or lesson erased: records here that refer to it go too (also ones made on
   * this device meanwhile, which the document already treats as orphans). Rare, so a scan.
   */
  private async eraseDependents(ref: ChangeRef): Promise<void> {
    const field = Object.entries(PARENTS).find(([, t]) => t === ref.table)?.[0];
    if (!field) return;
    const refersTo = (r: unknown) => (r as Record<string, unknown>)[field] === ref.id;
    const dependents: ChangeRef[] = [];
    for (const store of SYNCED_STORES) {
      if (store === ref.table) continue;
      if (store === 'lessonEvents') {
        const lessons = await this.db.lessonEvents
          .filter((l) => l.id === ref.id || l.classId === ref.id || l.events.some(refersTo))
          .primaryKeys();
        for (const id of lessons) dependents.push({ table: 'events', id });
        continue;
      }
      const ids = (await this.db.table(store).filter(refersTo).primaryKeys()) as Id[];
      for (const id of ids) dependents.push({ table: store as FieldTable, id });
    }
    if (dependents.length) await this.writeBack(dependents, new LocalRows(this.db));
  }

  /** Puts every record of this device into the outbox (when the device is paired). */
  async shareEverything(): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [...SYNCED_STORES, OUTBOX], async () => {
      const entries: SyncOutboxRecord[] = [];
      for (const store of SYNCED_STORES) {
        if (store === 'lessonEvents') {
          for (const rec of await db.lessonEvents.toArray())
            for (const e of rec.events)
              entries.push({ key: `events:${rec.id}:${e.id}`, fields: null });
        } else {
          for (const id of (await db.table(store).toCollection().primaryKeys()) as Id[])
            entries.push({ key: `${store}:${id}`, fields: null });
        }
      }
      await db.syncOutbox.bulkPut(entries);
    });
  }
}

/** The record (or lesson, for events) an outbox entry names. */
function outboxRef(entry: SyncOutboxRecord): ChangeRef {
  const [table, id = ''] = entry.key.split(':') as [string, Id];
  return { table: table as ChangeRef['table'], id };
}

/** The IndexedDB store behind a synced table. */
const storeOf = (ref: ChangeRef) => (ref.table === 'events' ? 'lessonEvents' : ref.table);

/** Local rows read within a step, by store and id; each read once, per table in one request. */
class LocalRows {
  private readonly rows = new Map<string, unknown>();

  constructor(private readonly db: SpiegelDB) {}

  private static key(store: string, id: Id) {
    return `${store}\u0000${id}`;
  }

  /** Reads the rows not read yet (absent ones are remembered as undefined). */
  async load(refs: readonly ChangeRef[]): Promise<void> {
    const wanted = new Map<string, Set<Id>>();
    for (const ref of refs) {
      const store = storeOf(ref);
      if (this.rows.has(LocalRows.key(store, ref.id))) continue;
      let ids = wanted.get(store);
      if (!ids) wanted.set(store, (ids = new Set()));
      ids.add(ref.id);
    }
    for (const [store, idSet] of wanted) {
      const ids = [...idSet];
      const found = await this.db.table(store).bulkGet(ids);
      ids.forEach((id, i) => this.rows.set(LocalRows.key(store, id), found[i]));
    }
  }

  get<T>(ref: ChangeRef): T | undefined {
    return this.rows.get(LocalRows.key(storeOf(ref), ref.id)) as T | undefined;
  }
}
