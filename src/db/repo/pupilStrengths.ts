/**
 * What a pupil is good at and what they want later or dream of (issue 14: work from strengths;
 * the aspiration model of Quaglia & Corso 2017). Free text, private like every note: secret under
 * the app lock, encrypted by sync, in the pupil's access export, erased with the pupil, and never
 * in a coach package.
 */
import { stripBidi } from '../../domain/bidi';
import { ValidationError } from '../../model/errors';
import type { Id, PupilRecord } from '../../model/types';
import { getDb } from '../db';
import { nowIso } from '../ids';

export const STRENGTHS_MAX = 1000;

export interface PupilStrengthsInput {
  strengths: string;
  aspirations: string;
}

/** Stores both texts (an empty one is removed). Codes: textTooLong, pupilNotFound. */
export async function setPupilStrengths(
  id: Id,
  input: PupilStrengthsInput,
  now: Date = new Date(),
): Promise<PupilRecord> {
  const strengths = stripBidi(input.strengths).trim();
  const aspirations = stripBidi(input.aspirations).trim();
  for (const text of [strengths, aspirations]) {
    if ([...text].length > STRENGTHS_MAX)
      throw new ValidationError('textTooLong', { max: STRENGTHS_MAX });
  }
  const db = getDb();
  return db.transaction('rw', db.pupils, async () => {
    const pupil = await db.pupils.get(id);
    if (!pupil) throw new ValidationError('pupilNotFound');
    const updated: PupilRecord = { ...pupil, updatedAt: nowIso(now) };
    if (strengths) updated.strengths = strengths;
    else delete updated.strengths;
    if (aspirations) updated.aspirations = aspirations;
    else delete updated.aspirations;
    await db.pupils.put(updated);
    return updated;
  });
}
