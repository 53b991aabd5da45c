/**
 * Nicknames of a pupil: other names the teacher uses in notes ("Sjon", "de kleine"). They are
 * replaced in shared text like the name itself and found for an access or erasure request.
 */
import { PUPIL_NAME_MAX, cleanName, nameKey, nameLength } from '../../domain/names';
import { ValidationError } from '../../model/errors';
import type { Id, PupilRecord } from '../../model/types';
import { getDb } from '../db';
import { nowIso } from '../ids';

export const NICKNAMES_MAX = 20;

/**
 * Cleans a list (bidi controls and white space out, empty and duplicate entries dropped).
 * Codes: nicknameTooLong, tooManyNicknames.
 */
export function cleanNicknames(raw: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const entry of raw) {
    const clean = cleanName(entry);
    if (!clean) continue;
    if (nameLength(clean) > PUPIL_NAME_MAX)
      throw new ValidationError('nicknameTooLong', { max: PUPIL_NAME_MAX, name: clean });
    const key = nameKey(clean);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(clean);
  }
  if (out.length > NICKNAMES_MAX)
    throw new ValidationError('tooManyNicknames', { max: NICKNAMES_MAX });
  return out;
}

/** "Sjon, de kleine" → ["Sjon", "de kleine"] (commas or new lines separate). */
export function parseNicknames(text: string): string[] {
  return text.split(/[,\n;]/);
}

export async function setPupilNicknames(
  id: Id,
  nicknames: readonly string[],
  now: Date = new Date(),
): Promise<PupilRecord> {
  const clean = cleanNicknames(nicknames);
  const db = getDb();
  return db.transaction('rw', db.pupils, async () => {
    const pupil = await db.pupils.get(id);
    if (!pupil) throw new ValidationError('pupilNotFound');
    const updated: PupilRecord = { ...pupil, updatedAt: nowIso(now) };
    if (clean.length > 0) updated.nicknames = clean;
    else delete updated.nicknames;
    await db.pupils.put(updated);
    return updated;
  });
}
