/**
 * Interaction events are stored per lesson (schema v4): one `lessonEvents` record holds every
 * event of one lesson. Chromium pays ~0.1–0.2 ms per IndexedDB record whatever its size, so a
 * teacher-year stored one event per record (150,000 records) took ~50 s to restore and ~0.9 s to
 * read for one class; per lesson it is ~900 records (docs/performance.md).
 *
 * Outside this file events are plain `InteractionEvent`s: the helpers below turn lesson records
 * into events and back. Call them inside a transaction that includes `db.lessonEvents` when the
 * read must be consistent with other tables; the writers open their own read-write transaction
 * (Dexie joins the caller's when there is one).
 */
import type { SpiegelDB } from './schema';
import { classRows } from './classRows';
import { noteChangedEvents } from './sync/outbox';
import type {
  Id,
  InteractionEvent,
  IsoDate,
  LessonEventsRecord,
  StoredEvent,
} from '../model/types';

/** An event as stored inside its lesson's record (lesson, class and date live on the record). */
export function toStored(event: InteractionEvent): StoredEvent {
  const { classId: _c, lessonId: _l, date: _d, ...stored } = event;
  return stored;
}

/** One event of a lesson record, as the rest of the app knows it. */
export function eventOfRecord(record: LessonEventsRecord, stored: StoredEvent): InteractionEvent {
  return { ...stored, classId: record.classId, lessonId: record.id, date: record.date };
}

/** The events of one lesson record, as the rest of the app knows them. */
export function eventsOfRecord(record: LessonEventsRecord): InteractionEvent[] {
  return record.events.map((e) => eventOfRecord(record, e));
}

export function eventsOfRecords(records: readonly LessonEventsRecord[]): InteractionEvent[] {
  const out: InteractionEvent[] = [];
  for (const r of records) for (const e of eventsOfRecord(r)) out.push(e);
  return out;
}

export async function readEventsOfLesson(db: SpiegelDB, lessonId: Id): Promise<InteractionEvent[]> {
  const record = await db.lessonEvents.get(lessonId);
  return record ? eventsOfRecord(record) : [];
}

export async function readClassEvents(db: SpiegelDB, classId: Id): Promise<InteractionEvent[]> {
  return eventsOfRecords(await classRows(db.lessonEvents, classId));
}

/** Events of the class's lessons dated from..to (inclusive). */
export async function readClassEventsBetween(
  db: SpiegelDB,
  classId: Id,
  from: IsoDate,
  to: IsoDate,
): Promise<InteractionEvent[]> {
  if (from > to) return [];
  return eventsOfRecords(await lessonRecordsBetween(db, classId, from, to).toArray());
}

/** The class's lesson records dated from..to (inclusive), as a query; needs from ≤ to. */
export function lessonRecordsBetween(db: SpiegelDB, classId: Id, from: IsoDate, to: IsoDate) {
  return db.lessonEvents
    .where('[classId+date]')
    .between([classId, from], [classId, to], true, true);
}

export async function readAllEvents(db: SpiegelDB): Promise<InteractionEvent[]> {
  return eventsOfRecords(await db.lessonEvents.toArray());
}

export async function readPupilEvents(
  db: SpiegelDB,
  classId: Id,
  pupilId: Id,
): Promise<InteractionEvent[]> {
  const records = await classRows(db.lessonEvents, classId);
  const out: InteractionEvent[] = [];
  for (const r of records) {
    for (const e of r.events) {
      if (e.pupilId === pupilId)
        out.push({ ...e, classId: r.classId, lessonId: r.id, date: r.date });
    }
  }
  return out;
}

/** `[classId, lessonId, count]` keys of the class's records, read from the index alone. */
async function countKeys(db: SpiegelDB, classId: Id | null): Promise<[Id, Id, number][]> {
  // Numbers sort before strings and strings before arrays: these bounds hold every id and count.
  const keys =
    classId === null
      ? await db.lessonEvents.orderBy('[classId+id+count]').keys()
      : await db.lessonEvents
          .where('[classId+id+count]')
          .between([classId, -Infinity, -Infinity], [classId, [], []])
          .keys();
  return keys as unknown as [Id, Id, number][];
}

/** How many events each lesson of the class holds (lessons without events are left out). */
export async function countEventsPerLesson(db: SpiegelDB, classId: Id): Promise<Map<Id, number>> {
  const counts = new Map<Id, number>();
  for (const [, lessonId, count] of await countKeys(db, classId)) counts.set(lessonId, count);
  return counts;
}

/** How many events are stored for one class, or (null) for all. */
export async function countEvents(db: SpiegelDB, classId: Id | null): Promise<number> {
  let total = 0;
  for (const [, , count] of await countKeys(db, classId)) total += count;
  return total;
}

/** The later of two ISO stamps, compared as instants (".5Z" and "Z" forms both occur). */
export function laterStamp(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/**
 * The record for one lesson's events (all of the same lesson, at least one): created when the
 * first was, updated when the last change was.
 */
export function lessonRecordOf(events: readonly InteractionEvent[]): LessonEventsRecord {
  const first = events[0]!;
  let createdAt = first.createdAt;
  let updatedAt = first.updatedAt;
  // As laterStamp, with each stamp read once (a restore builds 150,000 events' records).
  let createdMs = Date.parse(createdAt);
  let updatedMs = Date.parse(updatedAt);
  for (const e of events) {
    const created = Date.parse(e.createdAt);
    if (created < createdMs) {
      createdAt = e.createdAt;
      createdMs = created;
    }
    const updated = Date.parse(e.updatedAt);
    if (!(updatedMs >= updated)) {
      updatedAt = e.updatedAt;
      updatedMs = updated;
    }
  }
  return {
    id: first.lessonId,
    classId: first.classId,
    date: first.date,
    events: events.map(toStored),
    count: events.length,
    createdAt,
    updatedAt,
  };
}

/** The record with another list of events (the count follows). */
export function withEvents(
  record: LessonEventsRecord,
  events: StoredEvent[],
  updatedAt: string,
): LessonEventsRecord {
  return { ...record, events, count: events.length, updatedAt };
}

/** Groups events by lesson, keeping their order. */
export function groupByLesson(events: readonly InteractionEvent[]): Map<Id, InteractionEvent[]> {
  const byLesson = new Map<Id, InteractionEvent[]>();
  for (const e of events) {
    const list = byLesson.get(e.lessonId);
    if (list) list.push(e);
    else byLesson.set(e.lessonId, [e]);
  }
  return byLesson;
}

/** New lesson records for events of lessons that have none yet (demo data, a fresh class). */
export function lessonRecordsOf(events: readonly InteractionEvent[]): LessonEventsRecord[] {
  return [...groupByLesson(events).values()].map(lessonRecordOf);
}

/**
 * Stores events: an event whose id is already in its lesson's record replaces it, a new one is
 * appended. One read and one write per lesson touched.
 */
export async function putEvents(db: SpiegelDB, events: readonly InteractionEvent[]): Promise<void> {
  if (events.length === 0) return;
  const byLesson = groupByLesson(events);
  await db.transaction('rw', db.lessonEvents, async () => {
    const ids = [...byLesson.keys()];
    const existing = await db.lessonEvents.bulkGet(ids);
    const records = ids.map((lessonId, i) => {
      const incoming = byLesson.get(lessonId)!;
      const record = existing[i];
      const next = record ? withIncoming(record, incoming) : lessonRecordOf(incoming);
      // Only the incoming events change: sync records them without diffing the lesson's row.
      noteChangedEvents(
        next,
        incoming.map((e) => e.id),
      );
      return next;
    });
    await db.lessonEvents.bulkPut(records);
  });
}

/** The record with these events of its lesson replacing their stored versions or appended. */
function withIncoming(
  record: LessonEventsRecord,
  incoming: readonly InteractionEvent[],
): LessonEventsRecord {
  const position = new Map(record.events.map((e, j) => [e.id, j]));
  const list = [...record.events];
  let updatedAt = record.updatedAt;
  for (const e of incoming) {
    const stored = toStored(e);
    const j = position.get(e.id);
    if (j === undefined) {
      position.set(e.id, list.length);
      list.push(stored);
    } else list[j] = stored;
    updatedAt = laterStamp(updatedAt, e.updatedAt);
  }
  return withEvents(record, list, updatedAt);
}

/**
 * Changes or removes events of one lesson: `change` gets each event and returns it (kept),
 * a new object (replaced) or null (removed). Returns what changed, in the lesson's order.
 */
export async function modifyLessonEvents(
  db: SpiegelDB,
  lessonId: Id,
  change: (event: InteractionEvent) => InteractionEvent | null,
  stamp: string,
): Promise<{ removed: InteractionEvent[]; replaced: InteractionEvent[] }> {
  return db.transaction('rw', db.lessonEvents, async () => {
    const record = await db.lessonEvents.get(lessonId);
    const removed: InteractionEvent[] = [];
    const replaced: InteractionEvent[] = [];
    if (!record) return { removed, replaced };
    const kept: StoredEvent[] = [];
    eventsOfRecord(record).forEach((event, i) => {
      const next = change(event);
      if (next === null) removed.push(event);
      else if (next === event) kept.push(record.events[i]!);
      else {
        replaced.push(next);
        kept.push(toStored(next));
      }
    });
    if (removed.length > 0 || replaced.length > 0) {
      const next = withEvents(record, kept, stamp);
      noteChangedEvents(
        next,
        [...removed, ...replaced].map((e) => e.id),
      );
      await db.lessonEvents.put(next);
    }
    return { removed, replaced };
  });
}

/** Removes every event of a pupil from the class's lesson records. */
export async function removePupilEvents(
  db: SpiegelDB,
  classId: Id,
  pupilId: Id,
  stamp: string,
): Promise<void> {
  const records = await classRows(db.lessonEvents, classId);
  const changed = records
    .filter((r) => r.events.some((e) => e.pupilId === pupilId))
    .map((r) =>
      withEvents(
        r,
        r.events.filter((e) => e.pupilId !== pupilId),
        stamp,
      ),
    );
  if (changed.length > 0) await db.lessonEvents.bulkPut(changed);
}
