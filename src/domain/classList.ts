/**
 * The start screen's list of classes: which classes it shows, in which order, with how many
 * pupils. One definition for both reads of it (Dexie's in repo/classes.ts, and IndexedDB's own
 * at start-up in db/startRecords.ts).
 */
import type { ClassRecord, PupilRecord } from '../model/types';

export interface ClassSummary {
  cls: ClassRecord;
  /** Pupils currently in the class (removed pupils not counted). */
  pupilCount: number;
}

// Made at the first comparison, not when the module loads: the inline start read loads it while
// the page is still being parsed.
let collator: Intl.Collator | undefined;

/** Sorts by name as a Dutch reader expects ("groep 2" before "groep 10"). */
export function compareClassNames(a: ClassRecord, b: ClassRecord): number {
  collator ??= new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
  return collator.compare(a.name, b.name) || a.createdAt.localeCompare(b.createdAt);
}

/** The classes a list shows: not deleted (those wait for the undo or the purge), by name. */
export function listedClasses(all: readonly ClassRecord[]): ClassRecord[] {
  return all.filter((c) => !c.deletedAt).sort(compareClassNames);
}

/** A pupil still in the class (a removed pupil's records stay, the pupil is not counted). */
function isCurrentPupil(pupil: PupilRecord): boolean {
  return !pupil.removedAt;
}

/** The listed classes, each with the number of its current pupils (from all pupils read once). */
export function summariseClasses(
  classes: readonly ClassRecord[],
  pupils: readonly PupilRecord[],
): ClassSummary[] {
  const counts = new Map<string, number>();
  for (const p of pupils) {
    if (isCurrentPupil(p)) counts.set(p.classId, (counts.get(p.classId) ?? 0) + 1);
  }
  return listedClasses(classes).map((cls) => ({ cls, pupilCount: counts.get(cls.id) ?? 0 }));
}
