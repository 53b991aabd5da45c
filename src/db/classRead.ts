/**
 * The one class-data read: the class and the lists a loader asks for (any of CLASS_DATA_KEYS,
 * plus the journal, intentions and placements beside them), in one read transaction. Loaders
 * that share, analyse or show a class state their keys here instead of restating the tables, the
 * deleted-class check and the reads. Filtering (deleted, removed) and sorting stay with the
 * caller, as with `classRows`.
 */
import type { Table } from 'dexie';
import { CLASS_DATA_KEYS, type ClassData, type ClassDataKey } from '../model/classData';
import type {
  AttributionRecord,
  ClassRecord,
  Id,
  IntentionRecord,
  JournalEntry,
} from '../model/types';
import { classRows } from './classRows';
import { getDb } from './db';
import { readClassEvents } from './eventStore';
import type { SpiegelDB } from './schema';

type Rows<L> = L extends readonly (infer R)[] ? R[] : never;

/** Every list a class read can hold: ClassData's lists and the class's other records. */
export type ClassLists = { [K in ClassDataKey]: Rows<ClassData[K]> } & {
  journal: JournalEntry[];
  intentions: IntentionRecord[];
  attributions: AttributionRecord[];
};
export type ClassListKey = keyof ClassLists;

/** The class and the lists asked for. */
export type ClassRead<K extends ClassListKey> = { cls: ClassRecord } & Pick<ClassLists, K>;

/** Reads that replace the whole-class read of a list (e.g. one period's lessons). */
export type ListReads<K extends ClassListKey> = { [P in K]?: () => Promise<ClassLists[P]> };

/** Where each list is stored: a key added to CLASS_DATA_KEYS is a type error until it has one. */
const TABLE_OF = {
  pupils: 'pupils',
  lenses: 'lenses',
  lessons: 'lessons',
  absences: 'absences',
  events: 'lessonEvents',
  banking: 'banking',
  expectations: 'expectations',
  achievements: 'achievements',
  relationships: 'relationships',
  journal: 'journal',
  intentions: 'intentions',
  attributions: 'attributions',
} as const satisfies Record<ClassListKey, keyof SpiegelDB>;

/** The tables a read of `keys` opens (the class's own table first). */
export function classReadTables(keys: readonly ClassListKey[] = CLASS_DATA_KEYS): string[] {
  return ['classes', ...new Set(keys.map((key) => TABLE_OF[key]))];
}

function readList(db: SpiegelDB, key: ClassListKey, classId: Id): Promise<unknown[]> {
  // Events are stored per lesson (eventStore.ts); every other list is one row per record.
  if (key === 'events') return readClassEvents(db, classId);
  const table: Table<unknown, Id> = db.table(TABLE_OF[key]);
  return classRows(table, classId);
}

/**
 * The class and its `keys` lists, as stored, in one read transaction (a sub-transaction of the
 * caller's when there is one); null when the class does not exist or is deleted.
 */
export async function readClassData<K extends ClassListKey>(
  classId: Id,
  keys: readonly K[],
  reads: NoInfer<ListReads<K>> = {},
): Promise<ClassRead<K> | null> {
  const db = getDb();
  return db.transaction('r', classReadTables(keys), async () => {
    const cls = await db.classes.get(classId);
    if (!cls || cls.deletedAt) return null;
    const lists = await Promise.all(
      keys.map((key): Promise<unknown[]> => reads[key]?.() ?? readList(db, key, classId)),
    );
    return { cls, ...Object.fromEntries(keys.map((key, i) => [key, lists[i]])) } as ClassRead<K>;
  });
}
