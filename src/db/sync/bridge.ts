/**
 * The bridge between this device's database and the shared Yjs document (docs/sync.md).
 * One step, in one read-write transaction with only synchronous work (Yjs, AES-GCM) inside:
 * local writes waiting in the outbox go into the document, the document's version of every
 * record touched (locally or remotely) is written back, the outbox is emptied and the
 * document's new updates are stored. Steps run batched, after the writes that caused them.
 */
import Dexie, { liveQuery, type Subscription, type Table } from 'dexie';
import * as Y from 'yjs';
import type { AbsenceRecord, Id, InteractionEvent, LessonEventsRecord } from '../../model/types';
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
import { eventsOfRecord, lessonRecordOf } from '../eventStore';
import type { SpiegelDB } from '../schema';
import { OUTBOX, skipOutbox, SYNCED_STORES } from './outbox';
import type { SyncOutboxRecord } from './records';
import { publishRemoteLesson, type RemoteLessonChange } from './lessonSignal';

/** Updates read back from storage: already in the database, not a change to apply. */
const LOAD_ORIGIN = Symbol('spiegel-load');

const refKey = (r: ChangeRef) => `${r.table}:${r.id}`;

export interface BridgeOptions {
  /** Wait this long after a write before a step, so a burst of taps makes one step. */
  debounceMs?: number;
  /** Called after each step (for "last synced" and "changes waiting"), or with its error. */
  onStep?: (error: unknown) => void;
  /** The newest document format this app understands (a test plays an older app with it). */
  format?: number;
  /** Called when a step kept updates of a newer format without applying them. */
  onHeld?: () => void;
}

export class SyncBridge {
  private readonly remote = new Map<string, ChangeRef>();
  private unsaved: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private watch: Subscription | null = null;
  private active = false;
  /** What this step changed in lessons' events and absences, published once it has committed. */
  private lessonChanges = new Map<Id, RemoteLessonChange>();
  /** Updates kept without applying them (a newer format) were applied: unmark them. */
  private appliedHeld = false;

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
    if (refs.length) this.schedule();
  };

  /** Reads the stored document (compacting its updates into one) before anything else. */
  async load(): Promise<void> {
    const rows = await this.db.syncUpdates.toArray();
    if (!rows.length) return;
    const held = rows.some((r) => r.held);
    const merged = Y.mergeUpdates(rows.map((r) => r.update));
    Y.applyUpdate(this.doc, merged, LOAD_ORIGIN);
    if (rows.length > 1) {
      await this.db.transaction('rw', this.db.syncUpdates, async () => {
        await this.db.syncUpdates.bulkDelete(rows.map((r) => r.seq!));
        await this.db.syncUpdates.add(held ? { update: merged, held: true } : { update: merged });
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
        await this.db.syncUpdates.add({ update: Y.mergeUpdates(updates), held: true });
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
    this.watch = liveQuery(() => this.db.syncOutbox.count()).subscribe({
      next: (n) => {
        if (n > 0) this.schedule();
      },
      error: (e: unknown) => this.options.onStep?.(e),
    });
    this.schedule();
  }

  stop(): void {
    this.active = false;
    this.watch?.unsubscribe();
    this.watch = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  destroy(): void {
    this.stop();
    this.doc.off('update', this.onUpdate);
    this.doc.off('afterTransaction', this.onTransaction);
  }

  private schedule(): void {
    if (!this.active || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush().catch(() => undefined);
    }, this.options.debounceMs ?? 100);
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
    const remote = [...this.remote.values()];
    this.remote.clear();
    const stores = [...SYNCED_STORES, OUTBOX, 'syncUpdates'];
    this.lessonChanges = new Map();
    try {
      await db.transaction('rw', stores, async () => {
        // This step writes the document's version back and empties the outbox itself.
        if (Dexie.currentTransaction) skipOutbox(Dexie.currentTransaction);
        const waiting = await db.syncOutbox.toArray();
        const touched = new Map<string, ChangeRef>(remote.map((r) => [refKey(r), r]));
        const lessons = new Map<Id, InteractionEvent[]>();
        for (const entry of waiting) {
          const ref = await this.shareLocal(entry, lessons);
          touched.set(refKey(ref), ref);
        }
        for (const ref of touched.values()) await this.writeBack(ref);
        // Only this transaction wrote to the outbox meanwhile (every synced write locks it).
        await db.syncOutbox.clear();
        const updates = this.unsaved.splice(0);
        if (updates.length) await db.syncUpdates.add({ update: Y.mergeUpdates(updates) });
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
      throw e;
    }
    for (const change of this.lessonChanges.values()) {
      try {
        publishRemoteLesson(change);
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
    const olds = new Map((before ? eventsOfRecord(before) : []).map((e) => [e.id, e]));
    const change = this.lessonChange(lessonId);
    for (const e of after ? eventsOfRecord(after) : []) {
      const old = olds.get(e.id);
      olds.delete(e.id);
      if (!old || !sameJson(old, e)) change.added.push(e);
    }
    change.removed.push(...olds.values());
  }

  /** Notes an absence a write-back added or removed. */
  private noteAbsence(before: unknown, after: unknown) {
    const rec = (after ?? before) as AbsenceRecord | undefined;
    if (!rec || !before === !after) return;
    this.lessonChange(rec.lessonId).absences.push({ pupilId: rec.pupilId, absent: !!after });
  }

  /** One outbox entry into the document; returns the record (or lesson) it touched. */
  private async shareLocal(
    entry: SyncOutboxRecord,
    lessons: Map<Id, InteractionEvent[]>,
  ): Promise<ChangeRef> {
    const [table, id = '', eventId] = entry.key.split(':') as [string, Id, Id?];
    if (table === 'events' && eventId) {
      let events = lessons.get(id);
      if (!events) {
        const rec = await this.db.lessonEvents.get(id);
        events = rec ? eventsOfRecord(rec) : [];
        lessons.set(id, events);
      }
      const event = events.find((e) => e.id === eventId);
      if (event) writeEvent(this.doc, event);
      else eraseEvent(this.doc, id, eventId);
      return { table: 'events', id };
    }
    const t = table as FieldTable;
    const record = (await this.db.table(t).get(id)) as SyncRecords[FieldTable] | undefined;
    if (record) writeRecord(this.doc, this.key, t, record, entry.fields);
    else eraseRecord(this.doc, t, id);
    return { table: t, id };
  }

  /** Makes the database hold the document's version of one record (or lesson's events). */
  private async writeBack(ref: ChangeRef): Promise<void> {
    if (ref.table === 'events') {
      const events = readLessonEvents(this.doc, ref.id);
      const current = await this.db.lessonEvents.get(ref.id);
      if (!events.length) {
        if (current) {
          await this.db.lessonEvents.delete(ref.id);
          this.noteEvents(ref.id, current, undefined);
        }
        return;
      }
      const wanted = lessonRecordOf(events);
      if (!sameJson(current, wanted)) {
        await this.db.lessonEvents.put(wanted);
        this.noteEvents(ref.id, current, wanted);
      }
      return;
    }
    const table: Table<unknown, Id> = this.db.table(ref.table);
    const wanted = readRecord(this.doc, this.key, ref.table, ref.id);
    const current = await table.get(ref.id);
    if (!wanted) {
      if (current) await table.delete(ref.id);
      if (isGone(this.doc, ref.table, ref.id)) await this.eraseDependents(ref);
    } else if (!sameJson(current, wanted)) await table.put(wanted);
    else return;
    if (ref.table === 'absences') this.noteAbsence(current, wanted);
  }

  /**
   * A class, pupil or lesson erased: records here that refer to it go too (also ones made on
   * this device meanwhile, which the document already treats as orphans). Rare, so a scan.
   */
  private async eraseDependents(ref: ChangeRef): Promise<void> {
    const field = Object.entries(PARENTS).find(([, t]) => t === ref.table)?.[0];
    if (!field) return;
    const refersTo = (r: unknown) => (r as Record<string, unknown>)[field] === ref.id;
    for (const store of SYNCED_STORES) {
      if (store === ref.table) continue;
      if (store === 'lessonEvents') {
        const lessons = await this.db.lessonEvents
          .filter((l) => l.id === ref.id || l.classId === ref.id || l.events.some(refersTo))
          .primaryKeys();
        for (const id of lessons) await this.writeBack({ table: 'events', id });
        continue;
      }
      const ids = (await this.db.table(store).filter(refersTo).primaryKeys()) as Id[];
      for (const id of ids) await this.writeBack({ table: store as FieldTable, id });
    }
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
