/**
 * A copy of the lesson event records the insights read last (one class at a time), so opening
 * the screen again after a change elsewhere (a pupil renamed, an expectation set, one lesson
 * logged) reads again only the lessons whose events changed instead of a whole school year.
 *
 * Which lessons to read is always asked of the database (their keys, in the read's own
 * transaction); the copy only stands in for the records of lessons it holds. A lesson leaves the
 * copy when a write to its record is heard of: Dexie's `storagemutated` in this context
 * (`./repo/insightsData.ts`), and for the analysis worker also the lessons the page names with
 * each request, which the page may hear of first.
 */
import type { IntervalTree, ObservabilitySet } from 'dexie';
import type { Id, InteractionEvent, IsoDate } from '../model/types';
import { eventsOfRecord, lessonRecordsBetween } from './eventStore';
import type { SpiegelDB } from './schema';

/** Lessons whose event records changed: their ids, or 'all' when a write did not say. */
export type LessonChanges = readonly Id[] | 'all';

/** Whose records the copy holds: one class of one database. */
let copyOf: { db: SpiegelDB; classId: Id } | null = null;
const copy = new Map<Id, InteractionEvent[]>();
/** Counts forgets: a read that heard of one while it ran keeps nothing it read (it may be old). */
let forgets = 0;

/** Drops the named lessons (or everything) from the copy. */
export function forgetLessonEvents(changes: LessonChanges): void {
  if (changes !== 'all' && changes.length === 0) return;
  forgets++;
  if (changes === 'all') {
    copy.clear();
    copyOf = null;
    return;
  }
  for (const id of changes) copy.delete(id);
}

function* ranges(tree: IntervalTree | null | undefined): Generator<{ from: unknown; to: unknown }> {
  if (!tree || !('from' in tree)) return;
  yield* ranges(tree.l);
  yield tree;
  yield* ranges(tree.r);
}

/**
 * The lessons a `storagemutated` notice says were written: [] when it touched no lesson event
 * record, 'all' when it names a range (a table cleared) or only an index.
 */
export function lessonChangesOf(parts: ObservabilitySet): LessonChanges {
  const ids: Id[] = [];
  for (const [key, tree] of Object.entries(parts)) {
    // Keys look like `idb://<database>/<table>/<index>`; '' is the primary key, ':dels' deletions.
    const [, , , table, index] = key.split('/');
    if (table !== 'lessonEvents') continue;
    if (index !== '' && index !== ':dels') {
      if (!parts[key.replace(/\/[^/]*$/, '/')]) return 'all';
      continue;
    }
    for (const range of ranges(tree)) {
      if (typeof range.from !== 'string' || range.from !== range.to) return 'all';
      ids.push(range.from);
    }
  }
  return ids;
}

/**
 * The events of the class's lessons dated from..to (inclusive), read as `readClassEventsBetween`
 * would, with the records of unchanged lessons taken from the copy. Call it inside the read's
 * transaction (with `db.lessonEvents` in its scope).
 */
export async function readClassEventsBetweenKept(
  db: SpiegelDB,
  classId: Id,
  from: IsoDate,
  to: IsoDate,
): Promise<InteractionEvent[]> {
  if (from > to) return [];
  const started = forgets;
  const ids = await lessonRecordsBetween(db, classId, from, to).primaryKeys();
  if (copyOf?.db !== db || copyOf.classId !== classId) {
    copy.clear();
    copyOf = { db, classId };
  }
  const holder = copyOf;
  const kept = new Map<Id, InteractionEvent[]>();
  const missing: Id[] = [];
  for (const id of ids) {
    const events = copy.get(id);
    if (events) kept.set(id, events);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const records = await db.lessonEvents.bulkGet(missing);
    const keep = forgets === started && copyOf === holder;
    for (const record of records) {
      if (!record) continue;
      const events = eventsOfRecord(record);
      kept.set(record.id, events);
      if (keep) copy.set(record.id, events);
    }
  }
  const out: InteractionEvent[] = [];
  for (const id of ids) for (const e of kept.get(id) ?? []) out.push(e);
  return out;
}
