/**
 * The expectation scale of a class: the 5-step relative scale or the school's own levels.
 *
 * Changing the scale when ratings exist: old ratings keep their stored values (the index of a
 * step) and are not converted, because no conversion is honest — "above the class level" does
 * not translate into "havo", and a list with a level added in the middle shifts every index
 * above it. Nothing is deleted, so changing back restores the original reading. The screen warns
 * before the change and suggests a fresh round on the new scale. Every rating records the scale
 * it was made on (`ExpectationRecord.scale`), so one made on another scale is shown on its own
 * scale, marked "on an earlier scale", and left out of comparisons (`onClassScale`).
 */
import { checkLevels, sameScale } from '../../domain/scales';
import { getDb } from '../db';
import { ValidationError } from '../../model/errors';
import { nowIso } from '../ids';
import type { ClassRecord, ExpectationScale, Id } from '../../model/types';

/** A clean copy of the scale, or a ValidationError (`levels…` codes from checkLevels). */
export function validateScale(scale: ExpectationScale): ExpectationScale {
  if (scale.kind === 'relative5') return { kind: 'relative5' };
  if (scale.kind !== 'levels' || !Array.isArray(scale.levels))
    throw new ValidationError('scaleInvalid');
  const check = checkLevels(scale.levels);
  if (!check.ok) throw new ValidationError(check.code, check.detail);
  return { kind: 'levels', levels: check.levels };
}

export interface ScaleChange {
  cls: ClassRecord;
  /** Whether the scale actually changed (saving the same scale again writes nothing). */
  changed: boolean;
  /** Expectation ratings the class already had: they keep their values (see above). */
  existingRatings: number;
}

export async function setExpectationScale(
  classId: Id,
  scale: ExpectationScale,
  now: Date = new Date(),
): Promise<ScaleChange> {
  const clean = validateScale(scale);
  const db = getDb();
  return db.transaction('rw', db.classes, db.expectations, async () => {
    const cls = await db.classes.get(classId);
    if (!cls || cls.deletedAt) throw new ValidationError('classNotFound');
    const existingRatings = await db.expectations.where('classId').equals(classId).count();
    if (sameScale(cls.expectationScale, clean)) return { cls, changed: false, existingRatings };
    const stamp = nowIso(now);
    const updated: ClassRecord = { ...cls, expectationScale: clean, updatedAt: stamp };
    // Ratings from a backup of an older app carry no scale: they were made on the old one.
    const old = cls.expectationScale;
    await db.expectations
      .where('classId')
      .equals(classId)
      .filter((r) => r.scale === undefined)
      .modify({ scale: old, updatedAt: stamp });
    await db.classes.put(updated);
    return { cls: updated, changed: true, existingRatings };
  });
}
