/**
 * Per-class logging preferences. Hiding a kind only removes it from the logging sheet; the
 * catalogue and the analyses keep it. A turn is the one-tap action and cannot be hidden. Opt-in
 * kinds (KIND_INFO optIn) are hidden until shown: the class stores which of them are shown, so a
 * class made before such a kind existed keeps the sheet it had.
 */
import {
  INTERACTION_KINDS,
  isInteractionKind,
  OPT_IN_KINDS,
  type InteractionKind,
} from '../../model/kinds';
import { getDb } from '../db';
import { ValidationError } from '../../model/errors';
import { nowIso } from '../ids';
import type { ClassRecord, Id } from '../../model/types';

/** Kinds that can be hidden (everything the "more" sheet offers). */
export const HIDEABLE_KINDS: readonly InteractionKind[] = INTERACTION_KINDS.filter(
  (k) => k !== 'turn',
);

/** The kinds the logging sheet leaves out for this class, in catalogue order. */
export function hiddenKindsOf(
  cls: Pick<ClassRecord, 'hiddenKinds' | 'shownKinds'>,
): InteractionKind[] {
  const shown = cls.shownKinds ?? [];
  return HIDEABLE_KINDS.filter((k) =>
    OPT_IN_KINDS.includes(k) ? !shown.includes(k) : cls.hiddenKinds.includes(k),
  );
}

/** Stores which kinds the sheet hides (`kinds`, opt-in ones included); returns them as read back. */
export async function setHiddenKinds(
  classId: Id,
  kinds: readonly InteractionKind[],
  now: Date = new Date(),
): Promise<InteractionKind[]> {
  if (!kinds.every(isInteractionKind)) throw new ValidationError('unknownKind');
  // Catalogue order, no duplicates, never the turn.
  const hidden = HIDEABLE_KINDS.filter((k) => kinds.includes(k));
  const hiddenKinds = hidden.filter((k) => !OPT_IN_KINDS.includes(k));
  const shownKinds = OPT_IN_KINDS.filter((k) => !hidden.includes(k));
  const db = getDb();
  await db.transaction('rw', db.classes, async () => {
    const cls = await db.classes.get(classId);
    if (!cls || cls.deletedAt) throw new ValidationError('classNotFound');
    const next: ClassRecord = { ...cls, hiddenKinds, updatedAt: nowIso(now) };
    if (shownKinds.length > 0) next.shownKinds = shownKinds;
    else delete next.shownKinds;
    await db.classes.put(next);
  });
  return hidden;
}

export async function getHiddenKinds(classId: Id): Promise<InteractionKind[]> {
  const cls = await getDb().classes.get(classId);
  return cls ? hiddenKindsOf(cls) : [];
}
