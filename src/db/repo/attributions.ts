/**
 * Attributions (issue 14): one optional tap saying where the teacher sees the cause when something
 * goes wrong with a pupil. With a prompt or an intention there is one record per pupil and source
 * (tapping again changes it); each note on the pupil page is a record of its own.
 */
import { toIsoDate } from '../../domain/dates';
import { ValidationError } from '../../model/errors';
import {
  ATTRIBUTION_CAUSES,
  ATTRIBUTION_SOURCES,
  type AttributionCause,
  type AttributionRecord,
  type AttributionSource,
  type Id,
} from '../../model/types';
import { getDb } from '../db';
import { classRows } from '../classRows';
import { newId, nowIso } from '../ids';

export interface AttributionInput {
  pupilId: Id;
  cause: AttributionCause;
  source: AttributionSource;
  /** The prompt key or intention id; null for a note on the pupil page. */
  sourceKey: string | null;
}

/**
 * Records where the teacher places the cause. For a prompt or an intention an earlier tap for the
 * same pupil and key is changed instead of added. Throws ValidationError('pupilMissing') when the
 * pupil is gone.
 */
export async function recordAttribution(
  input: AttributionInput,
  now: Date = new Date(),
): Promise<AttributionRecord> {
  if (!ATTRIBUTION_CAUSES.includes(input.cause) || !ATTRIBUTION_SOURCES.includes(input.source)) {
    throw new ValidationError('attributionInvalid');
  }
  const db = getDb();
  return db.transaction('rw', [db.pupils, db.attributions], async () => {
    const pupil = await db.pupils.get(input.pupilId);
    if (!pupil) throw new ValidationError('pupilMissing');
    const stamp = nowIso(now);
    const keyed = input.source !== 'difficulty' && input.sourceKey !== null;
    const earlier = keyed
      ? await db.attributions
          .where('pupilId')
          .equals(input.pupilId)
          .filter((a) => a.source === input.source && a.sourceKey === input.sourceKey)
          .first()
      : undefined;
    if (earlier) {
      const changed = { ...earlier, cause: input.cause, updatedAt: stamp };
      await db.attributions.put(changed);
      return changed;
    }
    const record: AttributionRecord = {
      id: newId(),
      classId: pupil.classId,
      pupilId: input.pupilId,
      date: toIsoDate(now),
      cause: input.cause,
      source: input.source,
      sourceKey: input.source === 'difficulty' ? null : input.sourceKey,
      createdAt: stamp,
      updatedAt: stamp,
    };
    await db.attributions.add(record);
    return record;
  });
}

/** Removes one tap (the teacher changed their mind). */
export async function deleteAttribution(id: Id): Promise<void> {
  await getDb().attributions.delete(id);
}

/** Every attribution of a class, oldest first. */
export async function listAttributions(classId: Id): Promise<AttributionRecord[]> {
  const rows = await classRows(getDb().attributions, classId);
  return rows.sort(
    (a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt),
  );
}

/** One pupil's attributions, oldest first. */
export async function listPupilAttributions(pupilId: Id): Promise<AttributionRecord[]> {
  const rows = await getDb().attributions.where('pupilId').equals(pupilId).toArray();
  return rows.sort(
    (a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt),
  );
}

/** The tap recorded with a prompt or intention for this pupil, if any (to show it as chosen). */
export async function getAttributionFor(
  pupilId: Id,
  source: AttributionSource,
  sourceKey: string,
): Promise<AttributionRecord | null> {
  const found = await getDb()
    .attributions.where('pupilId')
    .equals(pupilId)
    .filter((a) => a.source === source && a.sourceKey === sourceKey)
    .first();
  return found ?? null;
}
