/**
 * Records ↔ the shared Yjs document (docs/sync.md). Pure: the document and the key are
 * parameters. Each record is a Y.Map of its fields (events: one plain value per event, grouped
 * per lesson); texts that name or describe are sealed with the sync key; an erased record leaves
 * a tombstone in `gone` that beats any concurrent edit.
 */
import * as Y from 'yjs';
import type { Id, InteractionEvent } from '../model/types';
import { openText, sealText, SyncKeyError } from './crypto';
import { previousKeys } from './keys';
import { sameJson } from './json';

export { sameJson };
import { ENCRYPTED, type FieldTable, type SyncRecords, type SyncTable } from './tables';

/** Marks the transactions this device makes, so its own changes are not read back as remote. */
export const LOCAL_ORIGIN = Symbol('spiegel-local');

/** Yjs's value type for what we store: JSON or sealed bytes. */
type Stored = unknown;
export type RecordMap = Y.Map<Stored>;

export function fieldMap(doc: Y.Doc, table: FieldTable): Y.Map<RecordMap> {
  return doc.getMap<RecordMap>(`t.${table}`);
}

/**
 * Format 1 kept each lesson's events in a map nested under `t.events`. Two devices logging a
 * lesson's first taps at once each made that nested map, and Yjs keeps one of two maps set
 * under one key: the other device's first taps were lost. Still read, never written.
 */
export function legacyEventsMap(doc: Y.Doc): Y.Map<Y.Map<InteractionEvent>> {
  return doc.getMap<Y.Map<InteractionEvent>>('t.events');
}

const LESSON_ROOT = 'ev.';

/**
 * One lesson's events (event id → event), from format 2 on: a root map named after the lesson.
 * Root maps are named, not made, so every device that logs in a lesson writes into the same one.
 */
export function lessonEventsMap(doc: Y.Doc, lessonId: Id): Y.Map<InteractionEvent> {
  return doc.getMap<InteractionEvent>(LESSON_ROOT + lessonId);
}

/** The lesson a root map holds the events of, or null for any other part of the document. */
export function lessonOfRoot(name: string): Id | null {
  return name.startsWith(LESSON_ROOT) ? name.slice(LESSON_ROOT.length) : null;
}

/** Every lesson the document holds events for (either layout). */
export function lessonsWithEvents(doc: Y.Doc): Id[] {
  const ids = new Set<Id>(legacyEventsMap(doc).keys());
  for (const name of doc.share.keys()) {
    const lesson = lessonOfRoot(name);
    if (lesson) ids.add(lesson);
  }
  return [...ids];
}

/** The format from which events live in a root map per lesson (meta.ts's SYNC_FORMAT). */
export const LESSON_ROOTS_FORMAT = 2;

/** `<table>:<id>` → 1 (an event's tombstone holds its lesson id instead). */
export function goneMap(doc: Y.Doc): Y.Map<string | number> {
  return doc.getMap<string | number>('gone');
}

const goneKey = (table: SyncTable, id: Id) => `${table}:${id}`;
const place = (table: SyncTable, id: Id, field: string) => `${table}/${id}/${field}`;

export function isGone(doc: Y.Doc, table: SyncTable, id: Id): boolean {
  return goneMap(doc).has(goneKey(table, id));
}

function isSealed(table: SyncTable, field: string): boolean {
  return (ENCRYPTED[table] as readonly string[]).includes(field);
}

export function encodeField(
  key: Uint8Array,
  table: SyncTable,
  id: Id,
  field: string,
  value: unknown,
) {
  return isSealed(table, field)
    ? sealText(key, JSON.stringify(value), place(table, id, field))
    : value;
}

/** Opens a sealed text with the key, or with an earlier key of a rotated document. */
export function openSealed(doc: Y.Doc, key: Uint8Array, sealed: unknown, where: string): string {
  try {
    return openText(key, sealed, where);
  } catch (e) {
    if (!(e instanceof SyncKeyError)) throw e;
    for (const old of previousKeys(doc, key)) {
      try {
        return openText(old, sealed, where);
      } catch {
        // Not this one either.
      }
    }
    throw e;
  }
}

export function decodeField(
  doc: Y.Doc,
  key: Uint8Array,
  table: SyncTable,
  id: Id,
  field: string,
  stored: Stored,
) {
  return isSealed(table, field)
    ? (JSON.parse(openSealed(doc, key, stored, place(table, id, field))) as unknown)
    : stored;
}

/** What a write did: `gone` means the record was erased elsewhere and must go here too. */
export type WriteResult = 'changed' | 'same' | 'gone';

/**
 * Writes the record's fields (all, or only `fields`) that differ from the document; a field the
 * record no longer has is removed. Never replaces the record's map (so an erasure elsewhere wins).
 */
export function writeRecord<T extends FieldTable>(
  doc: Y.Doc,
  key: Uint8Array,
  table: T,
  record: SyncRecords[T],
  fields: readonly string[] | null = null,
): WriteResult {
  const id = record.id;
  if (isGone(doc, table, id)) return 'gone';
  const values = record as unknown as Record<string, unknown>;
  let changed = false;
  doc.transact(() => {
    const map = fieldMap(doc, table);
    let entry = map.get(id);
    const fresh = !entry;
    if (!entry) {
      entry = new Y.Map<Stored>();
      map.set(id, entry);
      changed = true;
    }
    const names = fresh || !fields ? Object.keys(values) : fields;
    for (const field of names) {
      const value = values[field];
      if (value === undefined) {
        if (entry.has(field)) {
          entry.delete(field);
          changed = true;
        }
        continue;
      }
      const current = entry.get(field);
      if (
        current !== undefined &&
        sameJson(decodeField(doc, key, table, id, field, current), value)
      )
        continue;
      entry.set(field, encodeField(key, table, id, field, value));
      changed = true;
    }
    if (!fields && !fresh) {
      for (const field of [...entry.keys()]) {
        if (values[field] === undefined) {
          entry.delete(field);
          changed = true;
        }
      }
    }
  }, LOCAL_ORIGIN);
  return changed ? 'changed' : 'same';
}

/** The tables whose erasure takes every record that refers to it (by this field). */
export const PARENTS = { classId: 'classes', pupilId: 'pupils', lessonId: 'lessons' } as const;

/**
 * Whether a record refers to an erased class, pupil or lesson: it was made concurrently with
 * the erasure (a tap on another device) and goes with it, so the erasure reaches everything.
 */
export function isOrphan(doc: Y.Doc, record: Record<string, unknown>): boolean {
  for (const [field, parent] of Object.entries(PARENTS)) {
    const id = record[field];
    if (typeof id === 'string' && isGone(doc, parent, id)) return true;
  }
  return false;
}

/** The record as the document holds it, decrypted; null when absent, erased or orphaned. */
export function readRecord<T extends FieldTable>(
  doc: Y.Doc,
  key: Uint8Array,
  table: T,
  id: Id,
): SyncRecords[T] | null {
  if (isGone(doc, table, id)) return null;
  const entry = fieldMap(doc, table).get(id);
  if (!entry) return null;
  const out: Record<string, unknown> = {};
  for (const [field, stored] of entry.entries()) {
    out[field] = decodeField(doc, key, table, id, field, stored);
  }
  if (isOrphan(doc, out)) return null;
  return out as unknown as SyncRecords[T];
}

/** Erases a record: its entry goes and a tombstone stays, so no device brings it back. */
export function eraseRecord(doc: Y.Doc, table: FieldTable, id: Id): void {
  doc.transact(() => {
    goneMap(doc).set(goneKey(table, id), 1);
    fieldMap(doc, table).delete(id);
  }, LOCAL_ORIGIN);
}

/** Adds or replaces one event (in its lesson); `gone` when it was erased elsewhere. */
export function writeEvent(doc: Y.Doc, event: InteractionEvent): WriteResult {
  if (isGone(doc, 'events', event.id)) return 'gone';
  let changed = false;
  doc.transact(() => {
    const lesson = lessonEventsMap(doc, event.lessonId);
    const current = lesson.get(event.id) ?? legacyEventsMap(doc).get(event.lessonId)?.get(event.id);
    if (current && sameJson(current, event)) return;
    lesson.set(event.id, event);
    // An app that reads only the old layout would miss this event: it must wait for an update.
    const meta = doc.getMap('meta');
    const format = meta.get('format');
    if (typeof format === 'number' && format < LESSON_ROOTS_FORMAT)
      meta.set('format', LESSON_ROOTS_FORMAT);
    changed = true;
  }, LOCAL_ORIGIN);
  return changed ? 'changed' : 'same';
}

/** Erases one event (an undone tap). */
export function eraseEvent(doc: Y.Doc, lessonId: Id, eventId: Id): void {
  doc.transact(() => {
    goneMap(doc).set(goneKey('events', eventId), lessonId);
    lessonEventsMap(doc, lessonId).delete(eventId);
    legacyEventsMap(doc).get(lessonId)?.delete(eventId);
  }, LOCAL_ORIGIN);
}

/** A lesson's events in one order every device agrees on (created, then id). */
export function readLessonEvents(doc: Y.Doc, lessonId: Id): InteractionEvent[] {
  const byId = new Map<Id, InteractionEvent>();
  legacyEventsMap(doc)
    .get(lessonId)
    ?.forEach((e, id) => byId.set(id, e));
  // A root map exists only once some device wrote to it; its version of an event wins.
  if (doc.share.has(LESSON_ROOT + lessonId))
    lessonEventsMap(doc, lessonId).forEach((e, id) => byId.set(id, e));
  if (!byId.size) return [];
  const gone = goneMap(doc);
  // As isOrphan, with each parent looked up once: a lesson's events share their lesson and class.
  const erased = new Map<string, boolean>();
  const isErased = (table: SyncTable, id: unknown) => {
    if (typeof id !== 'string') return false;
    const k = goneKey(table, id);
    let known = erased.get(k);
    if (known === undefined) erased.set(k, (known = gone.has(k)));
    return known;
  };
  const parents = Object.entries(PARENTS) as [keyof typeof PARENTS, SyncTable][];
  return [...byId.values()]
    .filter(
      (e) => !gone.has(goneKey('events', e.id)) && !parents.some(([f, t]) => isErased(t, e[f])),
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Every live record of a table (events: every lesson's, in canonical order). */
export function readTable<T extends SyncTable>(
  doc: Y.Doc,
  key: Uint8Array,
  table: T,
): SyncRecords[T][] {
  if (table === 'events') {
    return lessonsWithEvents(doc).flatMap((l) => readLessonEvents(doc, l)) as SyncRecords[T][];
  }
  const out: SyncRecords[T][] = [];
  for (const id of fieldMap(doc, table).keys()) {
    const record = readRecord(doc, key, table, id);
    if (record) out.push(record as SyncRecords[T]);
  }
  return out;
}

/** A record (or a lesson's events) a remote change touched: `events` refs name the lesson. */
export interface ChangeRef {
  table: SyncTable;
  id: Id;
}

/**
 * The records a Yjs transaction touched: changed table entries, changed fields of a record,
 * changed events of a lesson, and new tombstones.
 */
export function changedRefs(doc: Y.Doc, tr: Y.Transaction): ChangeRef[] {
  // Nothing changed (the server echoes this device's own updates back): no need to look at the
  // document's hundreds of roots.
  if (!tr.changed.size) return [];
  const tops = new Map<object, SyncTable>();
  const lessonRoots = new Map<object, Id>();
  for (const [name, type] of doc.share) {
    if (name.startsWith('t.')) tops.set(type, name.slice(2) as SyncTable);
    const lesson = lessonOfRoot(name);
    if (lesson) lessonRoots.set(type, lesson);
  }
  const gone = goneMap(doc);
  const out: ChangeRef[] = [];
  for (const [type, keys] of tr.changed) {
    if ((type as object) === gone) {
      for (const k of keys) {
        if (k === null) continue;
        const [table, id] = k.split(':') as [SyncTable, Id];
        const lesson = gone.get(k);
        if (table === 'events') {
          if (typeof lesson === 'string') out.push({ table, id: lesson });
        } else out.push({ table, id });
      }
      continue;
    }
    const lesson = lessonRoots.get(type);
    if (lesson) {
      out.push({ table: 'events', id: lesson });
      continue;
    }
    const top = tops.get(type);
    if (top) {
      for (const k of keys) if (k !== null) out.push({ table: top, id: k });
      continue;
    }
    // A record's field map or a lesson's event map: its key in the table is the id.
    const item = type._item;
    const parent = item?.parent;
    const table = parent && typeof parent === 'object' ? tops.get(parent) : undefined;
    if (table && item?.parentSub) out.push({ table, id: item.parentSub });
  }
  return out;
}
