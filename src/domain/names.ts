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
