/**
 * Pseudonyms for pupils: stable codes (L01, L02, … in seating order, remembered per class so a
 * pupil keeps their code in every later package) or initials. Also scrubs pupils' names out of
 * free text the teacher chose to share.
 */
import type { Id, PupilRecord, Seat } from '../model/types';
import type { Pseudonymisation } from './format';

/** What the pseudonyms need of a pupil (a full record works too). */
export interface NamedPupil {
  id: Id;
  name: string;
  seat: Seat | null;
  createdAt: string;
}

/** Front row first, left to right; pupils without a seat last, then by when they were added. */
export function seatingOrder(a: NamedPupil, b: NamedPupil): number {
  if (a.seat && b.seat) {
    const bySeat = a.seat.row - b.seat.row || a.seat.col - b.seat.col;
    if (bySeat) return bySeat;
  } else if (a.seat || b.seat) {
    return a.seat ? -1 : 1;
  }
  return a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const CODE = /^L(\d{2,4})$/;

export function formatCode(n: number): string {
  return `L${String(n).padStart(2, '0')}`;
}

/**
 * Keeps every code already given and gives the pupils without one the next free numbers, in
 * seating order. Returns the complete map (old entries for pupils no longer listed stay, so a
 * pupil who returns keeps their code).
 */
export function assignCodes(
  pupils: readonly NamedPupil[],
  existing: Readonly<Record<Id, string>> = {},
): Record<Id, string> {
  const out: Record<Id, string> = { ...existing };
  const used = new Set(Object.values(out));
  let max = 0;
  for (const code of used) {
    const m = CODE.exec(code);
    if (m) max = Math.max(max, Number(m[1]));
  }
  for (const p of [...pupils].sort(seatingOrder)) {
    if (out[p.id]) continue;
    let code = formatCode(++max);
    while (used.has(code)) code = formatCode(++max);
    out[p.id] = code;
    used.add(code);
  }
  return out;
}

/** Name particles that do not give a surname's initial ("Sem de Vries" → "SV"). */
const PARTICLES = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  "'t",
  'ter',
  'ten',
  'te',
  'in',
  'op',
  "'s",
  'la',
  'le',
  'du',
  'da',
  'von',
  'el',
  'al',
  'bin',
  'ben',
]);

function initialOf(word: string): string {
  const letter = word.normalize('NFKD').match(/\p{L}/u)?.[0] ?? '';
  return letter.toUpperCase();
}

/** "Sem de Vries" → "SV", "Zoë" → "Z"; never more than two letters. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = initialOf(words[0] ?? '');
  const rest = words.slice(1).filter((w) => !PARTICLES.has(w.toLowerCase()));
  const last = rest.length > 0 ? initialOf(rest[rest.length - 1] ?? '') : '';
  return `${first}${last}` || '?';
}

/** Initials for every pupil, made unique with a number ("SV", "SV2") in seating order. */
export function assignInitials(pupils: readonly NamedPupil[]): Record<Id, string> {
  const out: Record<Id, string> = {};
  const seen = new Map<string, number>();
  for (const p of [...pupils].sort(seatingOrder)) {
    const base = initialsOf(p.name);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out[p.id] = n === 1 ? base : `${base}${n}`;
  }
  return out;
}

/** The pseudonym of every pupil; `codeMap` is the class's remembered codes (after assignCodes). */
export function pseudonymsFor(
  pupils: readonly NamedPupil[],
  mode: Pseudonymisation,
  codeMap: Readonly<Record<Id, string>>,
): Record<Id, string> {
  if (mode === 'initials') return assignInitials(pupils);
  const out: Record<Id, string> = {};
  for (const p of pupils) out[p.id] = codeMap[p.id] ?? '?';
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces pupils' full names and first names in free text by their pseudonym, as whole words
 * and ignoring case. Longer names go first, so "Sem de Vries" becomes one code, not "L01 de Vries".
 * It cannot catch nicknames or misspellings: the preview shows the result.
 */
export function scrubNames(
  text: string,
  pupils: readonly Pick<PupilRecord, 'id' | 'name'>[],
  pseudonyms: Readonly<Record<Id, string>>,
): string {
  const pairs: [string, string][] = [];
  for (const p of pupils) {
    const code = pseudonyms[p.id];
    if (!code) continue;
    const full = p.name.trim().replace(/\s+/g, ' ');
    if (full.length >= 2) pairs.push([full, code]);
    const first = full.split(' ')[0] ?? '';
    if (first.length >= 2 && first !== full) pairs.push([first, code]);
  }
  if (pairs.length === 0) return text;
  pairs.sort((a, b) => b[0].length - a[0].length);
  const lookup = new Map<string, string>();
  for (const [name, code] of pairs) {
    const key = name.toLocaleLowerCase('nl');
    if (!lookup.has(key)) lookup.set(key, code);
  }
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...lookup.keys()].map((n) => escapeRegExp(n).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  const exact = [...lookup].map(
    ([name, code]) =>
      [new RegExp(`^${escapeRegExp(name).replace(/ /g, '\\s+')}$`, 'iu'), code] as const,
  );
  return text.replace(
    pattern,
    (match) =>
      lookup.get(match.replace(/\s+/g, ' ').toLocaleLowerCase('nl')) ??
      // Case folding of the regex and toLocaleLowerCase differ for a few letters.
      exact.find(([re]) => re.test(match))?.[1] ??
      '?',
  );
}
