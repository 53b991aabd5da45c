/**
 * Relationship ratings: closeness, conflict and dependency, each 1–5, as the teacher experiences
 * them (the three dimensions of Pianta's Student–Teacher Relationship Scale, Pianta 2001), plus
 * a private note. One rating per pupil per date (rating again that day corrects it); earlier
 * dates are kept as history.
 */
import { isRelationshipRating } from '../../domain/scales';
import { getDb } from '../db';
import { ValidationError } from '../../model/errors';
import { newId, nowIso } from '../ids';
import type { Id, IsoDate, RelationshipRecord, Timestamps } from '../../model/types';
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

export const RELATIONSHIP_NOTE_MAX = 2000;

export interface RelationshipInput {
  classId: Id;
  pupilId: Id;
  closeness: number;
  conflict: number;
  dependency: number;
  /** "What this pupil evokes in me" (private; may be empty). */
  note?: string;
  /** Optional 1–5: how the teacher thinks the pupil experiences the relationship. */
  pupilView?: number;
  /** Optional 1–5: how able the teacher feels to handle this pupil. */
  capability?: number;
}

/**
 * Records how the relationship with one pupil feels on `date`; a second rating that day
 * replaces the first. Codes: classNotFound, pupilNotFound, ratingRange, noteTooLong,
 * dateInvalid, dateFuture.
 */
export async function rateRelationship(
  input: RelationshipInput,
  date: IsoDate,
  now: Date = new Date(),
): Promise<RelationshipRecord> {
  checkRatingDate(date, now);
  const { closeness, conflict, dependency } = input;
  if (![closeness, conflict, dependency].every(isRelationshipRating))
    throw new ValidationError('ratingRange', { min: 1, max: 5 });
  const extras = { pupilView: input.pupilView, capability: input.capability };
  if (!Object.values(extras).every((x) => x === undefined || isRelationshipRating(x)))
    throw new ValidationError('ratingRange', { min: 1, max: 5 });
  const note = (input.note ?? '').trim();
  if ([...note].length > RELATIONSHIP_NOTE_MAX)
    throw new ValidationError('noteTooLong', { max: RELATIONSHIP_NOTE_MAX });
  const db = getDb();
  return db.transaction('rw', db.classes, db.pupils, db.relationships, async () => {
    await classAndPupil(db, input.classId, input.pupilId);
    const stamp = nowIso(now);
    const sameDay = await db.relationships
      .where('[pupilId+date]')
      .equals([input.pupilId, date])
      .toArray();
    const existing = sameDay.sort(newestFirst)[0];
    const values: Omit<
      RelationshipRecord,
      'id' | 'classId' | 'pupilId' | 'date' | keyof Timestamps
    > = { closeness, conflict, dependency, note };
    // The two extra questions are optional: a value left open keeps what that day already had.
    if (extras.pupilView !== undefined) values.pupilView = extras.pupilView;
    if (extras.capability !== undefined) values.capability = extras.capability;
    const record: RelationshipRecord = existing
      ? { ...existing, ...values, updatedAt: stamp }
      : {
          id: newId(),
          classId: input.classId,
          pupilId: input.pupilId,
          date,
          ...values,
          createdAt: stamp,
          updatedAt: stamp,
        };
    await db.relationships.put(record);
    return record;
  });
}

/** Each pupil's latest rating (pupils never rated are absent), removed pupils included. */
export async function currentRelationships(classId: Id): Promise<Map<Id, RelationshipRecord>> {
  return latestPerPupil(await classRatings(getDb().relationships, classId));
}

/** One pupil's ratings, oldest first (one per date). */
export async function relationshipHistory(pupilId: Id): Promise<RelationshipRecord[]> {
  return pupilRatingHistory(getDb().relationships, pupilId);
}

/** Everything the relationship screen shows, in one read (null when the class is gone). */
export type RelationshipsData = RoundData<RelationshipRecord>;

export async function loadRelationshipsData(
  classId: Id,
  today: IsoDate,
): Promise<RelationshipsData | null> {
  return loadRoundData(getDb().relationships, classId, today);
}
