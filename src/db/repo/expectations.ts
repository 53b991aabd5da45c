/**
 * Expectation ratings: "what do you expect this pupil to achieve?", dated. One rating per pupil
 * per date — rating again on the same day corrects it — and every earlier date is kept, because
 * how the picture moves over time is what the teacher looks at (Rubie-Davies 2014).
 * `value` is the step's index on the class's scale (see classScale.ts for scale changes).
 */
import { toIsoDate } from '../../domain/dates';
import { isValidStep } from '../../domain/scales';
import { getDb } from '../db';
import { ValidationError } from '../errors';
import { newId, nowIso } from '../ids';
import type { SpiegelDB } from '../schema';
import type {
  ClassRecord,
  Confidence,
  ExpectationRecord,
  Id,
  IsoDate,
  PupilRecord,
} from '../types';
import { isValidIsoDate } from './afterLesson';
import { comparePupils } from './pupils';

export const CONFIDENCES: readonly Confidence[] = ['unsure', 'fairly', 'very'];

export interface ExpectationInput {
  classId: Id;
  pupilId: Id;
  /** Index of the step on the class's scale. */
  value: number;
  /** "How sure am I"; null or absent when the teacher did not say. */
  confidence?: Confidence | null;
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

/**
 * Records what the teacher expects of one pupil on `date`. A second rating on the same date
 * replaces the first (a correction, not a new data point). Codes: classNotFound, pupilNotFound,
 * valueOutOfScale, confidenceInvalid, dateInvalid, dateFuture.
 */
export async function rateExpectation(
  input: ExpectationInput,
  date: IsoDate,
  now: Date = new Date(),
): Promise<ExpectationRecord> {
  checkRatingDate(date, now);
  const confidence = input.confidence ?? null;
  if (confidence !== null && !CONFIDENCES.includes(confidence))
    throw new ValidationError('confidenceInvalid');
  const db = getDb();
  return db.transaction('rw', db.classes, db.pupils, db.expectations, async () => {
    const { cls } = await classAndPupil(db, input.classId, input.pupilId);
    if (!isValidStep(cls.expectationScale, input.value))
      throw new ValidationError('valueOutOfScale');
    const stamp = nowIso(now);
    const sameDay = await db.expectations
      .where('[pupilId+date]')
      .equals([input.pupilId, date])
      .toArray();
    const existing = sameDay.sort(newestFirst)[0];
    // The scale is kept with the rating: a later change of the class's scale cannot misread it.
    const scale = cls.expectationScale;
    const record: ExpectationRecord = existing
      ? { ...existing, value: input.value, confidence, scale, updatedAt: stamp }
      : {
          id: newId(),
          classId: input.classId,
          pupilId: input.pupilId,
          date,
          value: input.value,
          confidence,
          scale,
          createdAt: stamp,
          updatedAt: stamp,
        };
    await db.expectations.put(record);
    return record;
  });
}

/** Takes back the rating of one pupil on one date (a mis-tap); earlier dates stay. */
export async function clearExpectation(pupilId: Id, date: IsoDate): Promise<number> {
  return getDb().expectations.where('[pupilId+date]').equals([pupilId, date]).delete();
}

async function classRatings(classId: Id): Promise<ExpectationRecord[]> {
  const rows = await getDb().expectations.where('classId').equals(classId).toArray();
  return rows.sort(newestFirst);
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

/** Each pupil's latest rating (pupils never rated are absent), removed pupils included. */
export async function currentExpectations(classId: Id): Promise<Map<Id, ExpectationRecord>> {
  return latestPerPupil(await classRatings(classId));
}

/** One pupil's ratings, oldest first (one per date). */
export async function expectationHistory(pupilId: Id): Promise<ExpectationRecord[]> {
  const rows = await getDb().expectations.where('pupilId').equals(pupilId).toArray();
  return [...latestPerDate(rows.sort(newestFirst)).values()].reverse();
}

/** Keeps the newest record of each date (duplicates only arise from merged backups). */
function latestPerDate(
  newestFirstRows: readonly ExpectationRecord[],
): Map<IsoDate, ExpectationRecord> {
  const out = new Map<IsoDate, ExpectationRecord>();
  for (const row of newestFirstRows) if (!out.has(row.date)) out.set(row.date, row);
  return out;
}

/** The date of the class's latest rating round (the latest date anyone was rated), or null. */
export async function lastRatingRound(classId: Id): Promise<IsoDate | null> {
  const [latest] = await classRatings(classId);
  return latest?.date ?? null;
}

export interface ExpectationsView {
  cls: ClassRecord;
  /** Pupils in the class now, in seating order. */
  pupils: PupilRecord[];
  /** Ratings made on `today`, by pupil. */
  today: Map<Id, ExpectationRecord>;
  /** Each pupil's latest rating before `today` ("last time"). */
  previous: Map<Id, ExpectationRecord>;
  /** Each pupil's latest rating of all (today's when there is one). */
  current: Map<Id, ExpectationRecord>;
  /** How many ratings the class has in all (for the warning before a scale change). */
  ratingCount: number;
}

/** Everything the expectations screen shows, in one read (null when the class is gone). */
export async function expectationsView(
  classId: Id,
  today: IsoDate,
): Promise<ExpectationsView | null> {
  const db = getDb();
  return db.transaction('r', db.classes, db.pupils, db.expectations, async () => {
    const cls = await db.classes.get(classId);
    if (!cls || cls.deletedAt) return null;
    const [pupils, ratings] = await Promise.all([
      db.pupils.where('classId').equals(classId).toArray(),
      classRatings(classId),
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

export interface NudgeInfo {
  /** Pupils in the class now. */
  pupilCount: number;
  lastRound: IsoDate | null;
}

/** What the rating nudge on the class screen needs. */
export async function expectationNudgeInfo(classId: Id): Promise<NudgeInfo> {
  const db = getDb();
  return db.transaction('r', db.pupils, db.expectations, async () => {
    const pupilCount = await db.pupils
      .where('classId')
      .equals(classId)
      .filter((p) => !p.removedAt)
      .count();
    return { pupilCount, lastRound: await lastRatingRound(classId) };
  });
}
