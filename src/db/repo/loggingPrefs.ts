/**
 * Per-class logging preferences. Hiding a kind only removes it from the logging sheet; the
 * catalogue and the analyses keep it. A turn is the one-tap action and cannot be hidden.
 */
import { INTERACTION_KINDS, isInteractionKind, type InteractionKind } from '../../model/kinds';
import { getDb } from '../db';
import { ValidationError } from '../../model/errors';
import { nowIso } from '../ids';
import type { Id } from '../../model/types';

/** Kinds that can be hidden (everything the "more" sheet offers). */
export const HIDEABLE_KINDS: readonly InteractionKind[] = INTERACTION_KINDS.filter(
  (k) => k !== 'turn',
);

export async function setHiddenKinds(
  classId: Id,
  kinds: readonly InteractionKind[],
  now: Date = new Date(),
): Promise<InteractionKind[]> {
  if (!kinds.every(isInteractionKind)) throw new ValidationError('unknownKind');
  // Catalogue order, no duplicates, never the turn.
  const hidden = HIDEABLE_KINDS.filter((k) => kinds.includes(k));
  const db = getDb();
  await db.transaction('rw', db.classes, async () => {
    const cls = await db.classes.get(classId);
    if (!cls || cls.deletedAt) throw new ValidationError('classNotFound');
    await db.classes.put({ ...cls, hiddenKinds: hidden, updatedAt: nowIso(now) });
  });
  return hidden;
}

export async function getHiddenKinds(classId: Id): Promise<InteractionKind[]> {
  const cls = await getDb().classes.get(classId);
  return cls?.hiddenKinds ?? [];
}
