/**
 * What expectation and relationship ratings share: both are dated per pupil (one per date; rating
 * again that day corrects it), read newest first, and rated in rounds over the whole class.
 */
import type { Table } from 'dexie';
import { toIsoDate } from '../../domain/dates';
import { getDb } from '../db';
import { classRows } from '../classRows';
import { ValidationError } from '../../model/errors';
import type { SpiegelDB } from '../schema';
import type { ClassRecord, Id, IsoDate, PupilRecord } from '../../model/types';
import { isValidIsoDate } from './afterLesson';
import { comparePupils } from './pupils';

export interface DatedRating {
  id: Id;
  classId: Id;
  pupilId: Id;
  date: IsoDate;
  updatedAt: string;
}

/** Newest first: by date, then by the last change (merged backups may hold two on one date). */
export function newestFirst<T extends { date: IsoDate; updatedAt: string; id: Id }>(
  a: T,
  b: T,
): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Codes: dateInvalid, dateFuture. */
export function checkRatingDate(date: IsoDate, now: Date): void {
  if (!isValidIsoDate(date)) throw new ValidationError('dateInvalid');
  if (date > toIsoDate(now)) throw new ValidationError('dateFuture');
}

/** The class (not deleted) and the pupil (in it, not removed). Codes: classNotFound, pupilNotFound. */
export async function classAndPupil(
  db: SpiegelDB,
  classId: Id,
  pupilId: Id,
): Promise<{ cls: ClassRecord; pupil: PupilRecord }> {
  const cls = await db.classes.get(classId);
  if (!cls || cls.deletedAt) throw new ValidationError('classNotFound');
  const pupil = await db.pupils.get(pupilId);
  if (!pupil || pupil.classId !== classId || pupil.removedAt)
    throw new ValidationError('pupilNotFound');
  return { cls, pupil };
}

/** The first record per pupil of a newest-first list that passes `keep`. */
export function latestPerPupil<T extends { pupilId: Id }>(
  newestFirstRows: readonly T[],
  keep: (row: T) => boolean = () => true,
): Map<Id, T> {
  const out = new Map<Id, T>();
  for (const row of newestFirstRows) {
    if (!out.has(row.pupilId) && keep(row)) out.set(row.pupilId, row);
  }
  return out;
}

/** The class's ratings in one table, newest first. */
export async function classRatings<T extends DatedRating, I>(
  table: Table<T, Id, I>,
  classId: Id,
): Promise<T[]> {
  const rows = await classRows(table, classId);
  return rows.sort(newestFirst);
}

/** One pupil's ratings, oldest first, one per date (the newest of a date). */
export async function pupilRatingHistory<T extends DatedRating, I>(
  table: Table<T, Id, I>,
  pupilId: Id,
): Promise<T[]> {
  const rows = await table.where('pupilId').equals(pupilId).toArray();
  const perDate = new Map<IsoDate, T>();
  for (const row of rows.sort(newestFirst)) if (!perDate.has(row.date)) perDate.set(row.date, row);
  return [...perDate.values()].reverse();
}

export interface RoundData<T> {
  cls: ClassRecord;
  /** Pupils in the class now, in seating order. */
  pupils: PupilRecord[];
  /** Ratings made on `today`, by pupil. */
  today: Map<Id, T>;
  /** Each pupil's latest rating before `today` ("last time"). */
  previous: Map<Id, T>;
  /** Each pupil's latest rating of all (today's when there is one). */
  current: Map<Id, T>;
  /** How many ratings the class has in all. */
  ratingCount: number;
}

/** Everything a rating round's screen shows, in one read (null when the class is gone). */
export async function loadRoundData<T extends DatedRating, I>(
  table: Table<T, Id, I>,
  classId: Id,
  today: IsoDate,
): Promise<RoundData<T> | null> {
  const db = getDb();
  return db.transaction('r', db.classes, db.pupils, table, async () => {
    const cls = await db.classes.get(classId);
    if (!cls || cls.deletedAt) return null;
    const [pupils, ratings] = await Promise.all([
      classRows(db.pupils, classId),
      classRatings(table, classId),
    ]);
    return {
      cls,
      pupils: pupils.filter((p) => !p.removedAt).sort(comparePupils),
      today: latestPerPupil(ratings, (r) => r.date === today),
      previous: latestPerPupil(ratings, (r) => r.date < today),
      current: latestPerPupil(ratings),
      ratingCount: ratings.length,
    };
  });
}
