/**
 * Records ↔ the shared Yjs document (docs/sync.md). Pure: the document and the key are
 * parameters. Each record is a Y.Map of its fields (events: one plain value per event, grouped
 * per lesson); texts that name or describe are sealed with the sync key; an erased record leaves
 * a tombstone in `gone` that beats any concurrent edit.
 */
import * as Y from 'yjs';
import type { Id, InteractionEvent } from '../model/types';
import { openText, sealText } from './crypto';
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

/** lesson id → (event id → event). */
export function eventsMap(doc: Y.Doc): Y.Map<Y.Map<InteractionEvent>> {
  return doc.getMap<Y.Map<InteractionEvent>>('t.events');
}

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

function encodeField(key: Uint8Array, table: SyncTable, id: Id, field: string, value: unknown) {
  return isSealed(table, field)
    ? sealText(key, JSON.stringify(value), place(table, id, field))
    : value;
}

function decodeField(key: Uint8Array, table: SyncTable, id: Id, field: string, stored: Stored) {
  return isSealed(table, field)
    ? (JSON.parse(openText(key, stored, place(table, id, field))) as unknown)
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
      if (current !== undefined && sameJson(decodeField(key, table, id, field, current), value))
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
    out[field] = decodeField(key, table, id, field, stored);
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
    const lessons = eventsMap(doc);
    let lesson = lessons.get(event.lessonId);
    if (!lesson) {
      lesson = new Y.Map<InteractionEvent>();
      lessons.set(event.lessonId, lesson);
    }
    const current = lesson.get(event.id);
    if (current && sameJson(current, event)) return;
    lesson.set(event.id, event);
    changed = true;
  }, LOCAL_ORIGIN);
  return changed ? 'changed' : 'same';
}

/** Erases one event (an undone tap). */
export function eraseEvent(doc: Y.Doc, lessonId: Id, eventId: Id): void {
  doc.transact(() => {
    goneMap(doc).set(goneKey('events', eventId), lessonId);
    eventsMap(doc).get(lessonId)?.delete(eventId);
  }, LOCAL_ORIGIN);
}

/** A lesson's events in one order every device agrees on (created, then id). */
export function readLessonEvents(doc: Y.Doc, lessonId: Id): InteractionEvent[] {
  const lesson = eventsMap(doc).get(lessonId);
  if (!lesson) return [];
  const gone = goneMap(doc);
  return [...lesson.values()]
    .filter((e) => !gone.has(goneKey('events', e.id)) && !isOrphan(doc, { ...e }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Every live record of a table (events: every lesson's, in canonical order). */
export function readTable<T extends SyncTable>(
  doc: Y.Doc,
  key: Uint8Array,
  table: T,
): SyncRecords[T][] {
  if (table === 'events') {
    return [...eventsMap(doc).keys()].flatMap((l) => readLessonEvents(doc, l)) as SyncRecords[T][];
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
  const tops = new Map<object, SyncTable>();
  for (const [name, type] of doc.share) {
    if (name.startsWith('t.')) tops.set(type, name.slice(2) as SyncTable);
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
