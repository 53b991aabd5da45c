/**
 * The demo class: a fictitious class with six weeks of data, so a newcomer sees the app (and its
 * insights) with something in it. Clearly marked (`isDemo`), and removable in one action.
 */
import { DEMO_SEED, generateDemoClass } from '../../domain/demo/generate';
import { getDb } from '../db';
import { lessonRecordsOf } from '../eventStore';
import { newId } from '../ids';
import type { Id } from '../../model/types';
import { PURGE_TABLES, hardDeleteClasses } from './maintenance';

/**
 * Writes the demo class and returns its id. If a demo class is already there, returns that id
 * instead of adding a second one. A demo class that was deleted (and waits in its undo window)
 * is cleared away first.
 */
export async function loadDemoClass(now: Date = new Date()): Promise<string> {
  // Generate before the transaction: only IndexedDB work may happen inside it.
  const data = generateDemoClass({ seed: DEMO_SEED, today: now, makeId: newId });
  const db = getDb();
  return db.transaction('rw', [...PURGE_TABLES], async () => {
    const demos = await db.classes.filter((c) => c.isDemo).toArray();
    const live = demos.find((c) => !c.deletedAt);
    if (live) return live.id;
    await hardDeleteClasses(
      db,
      demos.map((c) => c.id),
    );
    await db.classes.add(data.class);
    await Promise.all([
      db.pupils.bulkAdd(data.pupils),
      db.lenses.bulkAdd(data.lenses),
      db.lessons.bulkAdd(data.lessons),
      db.absences.bulkAdd(data.absences),
      db.lessonEvents.bulkAdd(lessonRecordsOf(data.events)),
      db.banking.bulkAdd(data.banking),
      db.expectations.bulkAdd(data.expectations),
      db.achievements.bulkAdd(data.achievements),
      db.relationships.bulkAdd(data.relationships),
    ]);
    return data.class.id;
  });
}

/** The id of the (not deleted) demo class, or null when there is none. */
export async function findDemoClassId(): Promise<Id | null> {
  const demo = await getDb()
    .classes.filter((c) => c.isDemo && !c.deletedAt)
    .first();
  return demo?.id ?? null;
}

/** Hard-deletes every demo class and all its records, in one transaction. */
export async function removeDemoData(): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [...PURGE_TABLES], async () => {
    const ids = await db.classes.filter((c) => c.isDemo).primaryKeys();
    await hardDeleteClasses(db, ids);
  });
}
