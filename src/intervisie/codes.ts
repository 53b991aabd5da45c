/**
 * Pseudonyms for pupils: stable codes (L01, L02, …, handed out in a random order and remembered
 * per class so a pupil keeps their code in every later package) or initials. Also scrubs
 * pupils' names out of free text the teacher chose to share.
 */
import type { Id } from '../model/types';
import { buildNameMatcher, type MatchablePupil, type NameMatcher } from '../domain/nameFinder';
import type { Pseudonymisation } from './format';
import { NAME_PARTICLES } from '../domain/names';

/** What the pseudonyms need of a pupil (a full record works too). */
export interface PseudonymPupil {
  id: Id;
  name: string;
}

const CODE = /^L(\d{2,4})$/;

export function formatCode(n: number): string {
  return `L${String(n).padStart(2, '0')}`;
}

/**
 * Keeps every code already given and gives the pupils without one the next free numbers, in the
 * order they are passed. Pass them in an order that reveals nothing (`inRandomOrder`): numbers
 * in seating order would tell a coach who sits at the front. Returns the complete map (old
 * entries for pupils no longer listed stay, so a pupil who returns keeps their code).
 */
export function assignCodes(
  pupils: readonly PseudonymPupil[],
  existing: Readonly<Record<Id, string>> = {},
): Record<Id, string> {
  const out: Record<Id, string> = { ...existing };
  const used = new Set(Object.values(out));
  let max = 0;
  for (const code of used) {
    const m = CODE.exec(code);
    if (m) max = Math.max(max, Number(m[1]));
  }
  for (const p of pupils) {
    if (out[p.id]) continue;
    let code = formatCode(++max);
    while (used.has(code)) code = formatCode(++max);
    out[p.id] = code;
    used.add(code);
  }
  return out;
}

function initialOf(word: string): string {
  const letter = word.normalize('NFKD').match(/\p{L}/u)?.[0] ?? '';
  return letter.toUpperCase();
}

/** "Sem de Vries" → "SV", "Zoë" → "Z"; never more than two letters. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = initialOf(words[0] ?? '');
  const rest = words.slice(1).filter((w) => !NAME_PARTICLES.has(w.toLowerCase()));
  const last = rest.length > 0 ? initialOf(rest[rest.length - 1] ?? '') : '';
  return `${first}${last}` || '?';
}

/**
 * Initials for every pupil, made unique with a number ("SV", "SV2"). The number follows the
 * order the pupils are given in: pass them in an order that reveals nothing (the build passes
 * them in the random order of their package ids, never the seating plan).
 */
export function assignInitials(pupils: readonly PseudonymPupil[]): Record<Id, string> {
  const out: Record<Id, string> = {};
  const seen = new Map<string, number>();
  for (const p of pupils) {
    const base = initialsOf(p.name);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out[p.id] = n === 1 ? base : `${base}${n}`;
  }
  return out;
}

/**
 * The pseudonym of every pupil; `codeMap` is the class's remembered codes (after assignCodes).
 * For initials, `pupils` must come in an order that reveals nothing (see assignInitials).
 */
export function pseudonymsFor(
  pupils: readonly PseudonymPupil[],
  mode: Pseudonymisation,
  codeMap: Readonly<Record<Id, string>>,
): Record<Id, string> {
  if (mode === 'initials') return assignInitials(pupils);
  const out: Record<Id, string> = {};
  for (const p of pupils) out[p.id] = codeMap[p.id] ?? '?';
  return out;
}

/** A piece of shared text: as written, or a name replaced by a pseudonym (the preview marks it). */
export type ScrubSegment = string | { original: string; replacement: string };

/** Stands in for a name part several pupils share, when the text does not say which one. */
export const AMBIGUOUS_NAME = '[?]';

/**
 * Replaces every part of every pupil's name and every nickname in free text by the pupil's
 * pseudonym (see src/domain/nameMatch.ts for what counts as a name part). Returns the pieces,
 * so the preview can show each replacement.
 */
export function scrubSegments(
  text: string,
  matcher: NameMatcher,
  pseudonyms: Readonly<Record<Id, string>>,
): ScrubSegment[] {
  return matcher.scan(text).map((s) => {
    if (typeof s === 'string') return s;
    const only = s.pupilIds.length === 1 ? pseudonyms[s.pupilIds[0]!] : undefined;
    return { original: s.original, replacement: only ?? AMBIGUOUS_NAME };
  });
}

export function joinSegments(segments: readonly ScrubSegment[]): string {
  return segments.map((s) => (typeof s === 'string' ? s : s.replacement)).join('');
}

/** scrubSegments as one string (the intervisie sheet, tests). */
export function scrubNames(
  text: string,
  pupils: readonly MatchablePupil[],
  pseudonyms: Readonly<Record<Id, string>>,
): string {
  return joinSegments(scrubSegments(text, buildNameMatcher(pupils), pseudonyms));
}
