/**
 * The analysis input (`ClassData` of src/analysis) for one class and one period, read in a single
 * read transaction with as few reads as the indexes allow:
 * - lessons and lesson event records by `[classId+date]` between `from` and `to` (the bulk: a
 *   school year holds ~25,000 events, a term about half);
 * - achievements by `[classId+date]` up to `to` (the analysis may fall back on the latest
 *   assessment before `from`);
 * - pupils, lenses, absences, banking, expectations and relationships by `classId` (small tables;
 *   expectations and relationships need their history before `from`).
 * Rows the analysis would drop anyway (soft-deleted lessons and their events, absences of other
 * lessons, deleted lenses and banking sessions) are dropped here to keep the page's memory small.
 */
import { Dexie } from 'dexie';
import { CLASS_DATA_KEYS, type ClassData } from '../../model/classData';
import { classReadTables, readClassData } from '../classRead';
import { getDb } from '../db';
import {
  forgetLessonEvents,
  lessonChangesOf,
  readClassEventsBetweenKept,
  type LessonChanges,
} from '../eventRecordCache';
import type { Id, IsoDate } from '../../model/types';

export interface InsightsPeriod {
  /** First day (inclusive); null = from the first lesson on. */
  from: IsoDate | null;
  /** Last day (inclusive). */
  to: IsoDate;
}

/** `''` sorts before every date string, so it serves as "no lower bound" in a key range. */
const LOWEST = '';

/**
 * Everything the analysis needs for `classId` over `period`; null when the class does not exist
 * or is deleted. Throws nothing for an empty period: the lists are simply empty.
 */
export async function loadInsightsData(
  classId: Id,
  period: InsightsPeriod,
): Promise<ClassData | null> {
  listen();
  const db = getDb();
  const lower: [Id, IsoDate] = [classId, period.from ?? LOWEST];
  const upper: [Id, IsoDate] = [classId, period.to];
  // A period that ends before it starts holds no lessons (IDBKeyRange would throw on it).
  const none = lower[1] > upper[1];
  const read = await readClassData(classId, CLASS_DATA_KEYS, {
    lessons: async () =>
      none ? [] : db.lessons.where('[classId+date]').between(lower, upper, true, true).toArray(),
    events: async () => (none ? [] : readClassEventsBetweenKept(db, classId, lower[1], upper[1])),
    achievements: () =>
      db.achievements
        .where('[classId+date]')
        .between([classId, LOWEST], upper, true, true)
        .toArray(),
  });
  if (!read) return null;
  const { lessons, events } = read;
  const liveLessons = lessons.filter((l) => l.deletedAt === null);
  const lessonIds = new Set(liveLessons.map((l) => l.id));
  // Only drop events when some lesson was deleted: the common case keeps the array as read.
  const liveEvents =
    liveLessons.length === lessons.length
      ? events
      : events.filter((e) => lessonIds.has(e.lessonId));
  return {
    ...read,
    lenses: read.lenses.filter((l) => l.deletedAt === null).sort((a, b) => a.order - b.order),
    lessons: liveLessons,
    absences: read.absences.filter((a) => lessonIds.has(a.lessonId)),
    events: liveEvents,
    banking: read.banking.filter(
      (b) =>
        b.deletedAt === null &&
        b.date <= period.to &&
        (period.from === null || b.date >= period.from),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Writes the insights read: every committed write to these tables (in this tab or, through
// Dexie's broadcast, another) is told to the listeners, and drops the kept lesson records it wrote.

// Intentions too: the help cards count the help they name as deliberate (the worker reads them).
const READ_TABLES = new Set(classReadTables([...CLASS_DATA_KEYS, 'intentions']));

let listening = false;
const listeners = new Set<(lessons: LessonChanges) => void>();

function listen(): void {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts) => {
    // Keys look like `idb://<database>/<table>/<index>`.
    if (!Object.keys(parts).some((key) => READ_TABLES.has(key.split('/')[3] ?? ''))) return;
    const lessons = lessonChangesOf(parts);
    // The kept lesson records first: a read that follows the notice must not use them.
    forgetLessonEvents(lessons);
    for (const listener of listeners) listener(lessons);
  });
}

/**
 * Calls `listener` after every committed write to a table the insights read (any class, this tab
 * or another), with the lessons whose event records it wrote. The insights screen re-reads on it
 * instead of reading inside a live query: a live query records the key of every row it returned,
 * which for a school year (~25,000 events) costs about a quarter of a second of main-thread time
 * per read. Returns the unsubscribe function.
 */
export function onInsightsDataChanged(listener: (lessons: LessonChanges) => void): () => void {
  listen();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
