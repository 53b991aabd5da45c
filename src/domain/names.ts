/**
 * Names of pupils and classes (pure): cleaning what a teacher types or pastes, comparing names
 * the way a person would ("Anouk" and " anouk" are the same pupil), and reading a pasted list.
 */

import { stripBidi } from './bidi';

/** Limits shared by the repositories and the screens. */
export const CLASS_NAME_MAX = 80;
export const PUPIL_NAME_MAX = 60;
export const YEAR_LABEL_MAX = 40;
/** How many names one paste may add. */
export const PASTE_MAX = 200;

/**
 * Trims and collapses inner runs of white space (tabs, no-break spaces) to one space; strips
 * bidi control characters (see bidi.ts).
 */
export function cleanName(raw: string): string {
  return stripBidi(raw)
    .replace(/\uFEFF/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Length as a person counts it: an emoji is one character, not two UTF-16 units. */
export function nameLength(name: string): number {
  return [...name].length;
}

/**
 * A comparison key that ignores case and accents ("Zoë" = "zoe"), so a pupil is not added twice
 * because one list was typed on a phone and the other copied from the school system.
 */
export function nameKey(name: string): string {
  return cleanName(name).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface PastedNames {
  /** Clean, unique names that are not yet in the class, in the order pasted. */
  names: string[];
  /** Names that occur more than once in the paste (each listed once; the first one is added). */
  duplicatesInPaste: string[];
  /** Names the class already has (each listed once; not added again). */
  alreadyInClass: string[];
  /** Names longer than PUPIL_NAME_MAX (not added). */
  tooLong: string[];
  /** More than PASTE_MAX names would be added: nothing should be added until the list is split. */
  tooMany: boolean;
}

/** The first cell of a pasted line: spreadsheets separate columns by tabs, CSV by semicolons. */
function firstCell(line: string): string {
  // Indentation is not an empty column: trim the line before splitting it.
  const cell = line.trim().split(/[\t;]/)[0] ?? '';
  const cleaned = cleanName(cell);
  // A CSV export may quote its cells.
  const quoted = /^"(.*)"$/.exec(cleaned);
  return quoted ? cleanName((quoted[1] ?? '').replace(/""/g, '"')) : cleaned;
}

/**
 * Reads a pasted list: one name per line (or the first column of spreadsheet rows), white space
 * cleaned, empty lines ignored, duplicates and names already in the class reported in words.
 */
export function parsePastedNames(text: string, existingNames: readonly string[]): PastedNames {
  const existing = new Set(existingNames.map(nameKey));
  const seen = new Set<string>();
  const reported = new Set<string>();
  const result: PastedNames = {
    names: [],
    duplicatesInPaste: [],
    alreadyInClass: [],
    tooLong: [],
    tooMany: false,
  };
  // Each problem is reported once per name, however often it was pasted.
  const report = (list: string[], key: string, name: string) => {
    if (!reported.has(key)) list.push(name);
    reported.add(key);
  };
  for (const line of text.split(/\r\n|\r|\n/)) {
    const name = firstCell(line);
    if (!name) continue;
    const key = nameKey(name);
    if (existing.has(key)) report(result.alreadyInClass, key, name);
    else if (nameLength(name) > PUPIL_NAME_MAX) report(result.tooLong, key, name);
    else if (seen.has(key)) report(result.duplicatesInPaste, key, name);
    else {
      seen.add(key);
      result.names.push(name);
    }
  }
  result.tooMany = result.names.length > PASTE_MAX;
  return result;
}

/**
 * Dutch (and a few neighbouring) surname particles, "tussenvoegsels": one list for shortening,
 * initials, matching and finding names. Not "ben"/"bin": Ben is a common first name.
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
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
  'aan',
  'uit',
  'von',
  'el',
  'al',
  'la',
  'le',
  'du',
  'da',
  'di',
  'dos',
  "'s",
  't',
  'bij',
  'vd',
  'v/d',
  'des',
  's',
  'ibn',
  'y',
]);

/** A name read as given name + surname; "Berg, Daan van den" is read as "Daan van den Berg". */
function splitName(name: string): { given: string; surname: string } {
  const clean = cleanName(name);
  const comma = clean.indexOf(',');
  if (comma > 0) {
    const [given = '', ...particles] = cleanName(clean.slice(comma + 1)).split(' ');
    const last = cleanName(clean.slice(0, comma));
    return { given: given || last, surname: given ? [...particles, last].join(' ') : '' };
  }
  const [given = '', ...rest] = clean.split(' ');
  return { given, surname: rest.join(' ') };
}

/** The surname without its leading particles ("van der Berg" → "Berg"). */
function surnameCore(surname: string): string {
  const words = surname.split(' ').filter(Boolean);
  const i = words.findIndex((w) => !NAME_PARTICLES.has(w.toLowerCase()));
  return i < 0 ? words.join(' ') : words.slice(i).join(' ');
}

/**
 * Short display names for one class: the given name where it is unique in the class, otherwise
 * the given name plus as many letters of the surname as it takes to tell pupils apart ("Daan K."
 * and "Daan V.", "Daan Ko." and "Daan Kr."), or the full name when nothing shorter does. Keys
 * are the ids; a screen shows the short name and keeps the full one as the accessible name.
 */
export function shortNames(pupils: readonly { id: string; name: string }[]): Map<string, string> {
  const parts = pupils.map((p) => ({ id: p.id, full: cleanName(p.name), ...splitName(p.name) }));
  const byGiven = new Map<string, typeof parts>();
  for (const p of parts) {
    const key = nameKey(p.given);
    byGiven.set(key, [...(byGiven.get(key) ?? []), p]);
  }
  const result = new Map<string, string>();
  for (const group of byGiven.values()) {
    if (group.length === 1) {
      const only = group[0]!;
      result.set(only.id, only.given || only.full);
      continue;
    }
    // Each pupil gets the shortest surname prefix no other pupil of the group shares.
    for (const p of group) {
      const core = [...surnameCore(p.surname)];
      let short = p.full;
      for (let n = 1; n <= core.length; n++) {
        const prefix = nameKey(core.slice(0, n).join(''));
        const clash = group.some(
          (o) => o !== p && nameKey([...surnameCore(o.surname)].slice(0, n).join('')) === prefix,
        );
        if (!clash) {
          short =
            n === core.length
              ? `${p.given} ${core.join('')}`
              : `${p.given} ${core.slice(0, n).join('')}.`;
          break;
        }
      }
      result.set(p.id, short);
    }
  }
  return result;
}
