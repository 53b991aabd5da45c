/**
 * Expectation ratings: "what do you expect this pupil to achieve?", dated. One rating per pupil
 * per date — rating again on the same day corrects it — and every earlier date is kept, because
 * how the picture moves over time is what the teacher looks at (Rubie-Davies 2014).
 * `value` is the step's index on the class's scale (see classScale.ts for scale changes).
 */
import { isValidStep, onClassScale } from '../../domain/scales';
import { getDb } from '../db';
import { ValidationError } from '../../model/errors';
import { newId, nowIso } from '../ids';
import type { Confidence, ExpectationRecord, Id, IsoDate } from '../../model/types';
import {
  checkRatingDate,
  classAndPupil,
  classRatings,
  latestPerPupil,
  newestFirst,
  pupilRatingHistory,
  loadRoundData,
  type RoundData,
} from './ratings';

export const CONFIDENCES: readonly Confidence[] = ['unsure', 'fairly', 'very'];

export interface ExpectationInput {
  classId: Id;
  pupilId: Id;
  /** Index of the step on the class's scale. */
  value: number;
  /** "How sure am I"; null or absent when the teacher did not say. */
  confidence?: Confidence | null;
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

/** Each pupil's latest rating (pupils never rated are absent), removed pupils included. */
export async function currentExpectations(classId: Id): Promise<Map<Id, ExpectationRecord>> {
  return latestPerPupil(await classRatings(getDb().expectations, classId));
}

/** One pupil's ratings, oldest first (one per date). */
export async function expectationHistory(pupilId: Id): Promise<ExpectationRecord[]> {
  return pupilRatingHistory(getDb().expectations, pupilId);
}

/** The date of the class's latest rating round (the latest date anyone was rated), or null. */
export async function lastRatingRound(classId: Id): Promise<IsoDate | null> {
  const [latest] = await classRatings(getDb().expectations, classId);
  return latest?.date ?? null;
}

/** Everything the expectations screen shows; `ratingCount` feeds the warning before a scale change. */
export type ExpectationsData = RoundData<ExpectationRecord>;

export async function loadExpectationsData(
  classId: Id,
  today: IsoDate,
): Promise<ExpectationsData | null> {
  const view = await loadRoundData(getDb().expectations, classId, today);
  if (!view) return null;
  // A rating given today on an earlier scale does not answer the round on this one.
  const scale = view.cls.expectationScale;
  const onScale = [...view.today].filter(([, r]) => onClassScale(r, scale));
  return { ...view, today: new Map(onScale) };
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
