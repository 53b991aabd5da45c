/**
 * Measured results (pure: no DOM, no database): what a valid score is for each score type,
 * reading what a teacher types or pastes (Dutch decimal comma included), and a pupil's position
 * within the class, so expectation and achievement can be put on the same footing
 * (Rubie-Davies 2014) without ever showing a ranking.
 *
 * Ranges:
 * - grade: 1.0–10.0, at most one decimal (the Dutch school grade);
 * - percentage: 0–100, at most one decimal ("87,5%");
 * - percentile: 0–100, whole numbers. Dutch pupil-monitoring tests report 1–99; 0 and 100 are
 *   accepted as well so a value from any source (and any restored backup) can be entered;
 * - level: the 0-based index of a level on the class's own scale (lowest first).
 */
import type { ScoreType } from '../model/types';
import { cleanName, nameKey } from './names';

export const SCORE_TYPES = [
  'grade',
  'percentage',
  'percentile',
  'level',
] as const satisfies readonly ScoreType[];

export const GRADE_MIN = 1;
export const GRADE_MAX = 10;
/** Longest label of an assessment ("rekentoets november"). */
export const ASSESSMENT_LABEL_MAX = 80;

export interface ScoreRule {
  min: number;
  max: number;
  /** How many decimals a score may have (0 = whole numbers). */
  decimals: number;
}

export function isScoreType(value: unknown): value is ScoreType {
  return typeof value === 'string' && (SCORE_TYPES as readonly string[]).includes(value);
}

/** The valid range of a score type; a level's range depends on how many levels the class has. */
export function scoreRule(type: ScoreType, levelCount = 0): ScoreRule {
  switch (type) {
    case 'grade':
      return { min: GRADE_MIN, max: GRADE_MAX, decimals: 1 };
    case 'percentage':
      return { min: 0, max: 100, decimals: 1 };
    case 'percentile':
      return { min: 0, max: 100, decimals: 0 };
    case 'level':
      return { min: 0, max: levelCount - 1, decimals: 0 };
  }
}

export type ScoreErrorCode =
  'notNumber' | 'outOfRange' | 'tooPrecise' | 'notWhole' | 'unknownLevel' | 'noLevels';

/** Why a stored number is not a valid score of `type`, or null when it is. */
export function checkScore(type: ScoreType, value: number, levelCount = 0): ScoreErrorCode | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'notNumber';
  if (type === 'level' && levelCount < 1) return 'noLevels';
  const rule = scoreRule(type, levelCount);
  if (rule.decimals === 0 && !Number.isInteger(value)) {
    // A level is stored as an index: a fraction can only come from a bug or a bad file.
    return type === 'level' ? 'unknownLevel' : 'notWhole';
  }
  if (value < rule.min || value > rule.max) return type === 'level' ? 'unknownLevel' : 'outOfRange';
  if (Number(value.toFixed(rule.decimals)) !== value) return 'tooPrecise';
  return null;
}

export type ScoreParse =
  { kind: 'empty' } | { kind: 'ok'; value: number } | { kind: 'invalid'; code: ScoreErrorCode };

// An optional minus (so "-2" is "out of range", not "not a number"), digits, and an optional
// decimal part after a comma (Dutch) or a point.
const NUMBER = /^(-?)(\d+)(?:[.,](\d+))?$/;

/** Reads a number as typed; trailing zeros after the separator do not count as decimals. */
function readNumber(text: string): { value: number; decimals: number } | null {
  const match = NUMBER.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  const value = Number(`${sign}${whole}.${fraction || '0'}`);
  return Number.isFinite(value) ? { value, decimals: fraction.replace(/0+$/, '').length } : null;
}

/**
 * Reads one typed or pasted score. Blank means "no result". Numbers may use a comma or a point
 * as decimal separator; a percentage may end in "%". A level is given by its name, ignoring case
 * and accents ("HAVO" = "havo").
 */
export function parseScore(
  raw: string,
  type: ScoreType,
  levels: readonly string[] = [],
): ScoreParse {
  const text = cleanName(raw);
  if (text === '') return { kind: 'empty' };
  if (type === 'level') {
    if (levels.length === 0) return { kind: 'invalid', code: 'noLevels' };
    const key = nameKey(text);
    const index = levels.findIndex((level) => nameKey(level) === key);
    return index === -1 ? { kind: 'invalid', code: 'unknownLevel' } : { kind: 'ok', value: index };
  }
  const number = readNumber(type === 'percentage' ? text.replace(/\s*%$/, '') : text);
  if (!number) return { kind: 'invalid', code: 'notNumber' };
  const rule = scoreRule(type);
  if (number.value < rule.min || number.value > rule.max) {
    return { kind: 'invalid', code: 'outOfRange' };
  }
  if (number.decimals > rule.decimals) {
    return { kind: 'invalid', code: rule.decimals === 0 ? 'notWhole' : 'tooPrecise' };
  }
  return { kind: 'ok', value: number.value };
}

export interface ColumnLine {
  /** 1-based line number in the pasted text. */
  line: number;
  /** The line as pasted (trimmed). */
  raw: string;
  result: ScoreParse;
}

export interface ParsedColumn {
  lines: ColumnLine[];
  /** Lines that hold something that is not a valid score. */
  invalid: ColumnLine[];
}

/**
 * Reads a pasted column, one value per line: a blank line is "no result" for that pupil. Blank
 * lines at the very end are dropped, because a spreadsheet copies a column with a final line
 * break; blank lines at the start or in between keep their place.
 */
export function parseScoreColumn(
  text: string,
  type: ScoreType,
  levels: readonly string[] = [],
): ParsedColumn {
  const raws = text.split(/\r\n|\r|\n/).map(cleanName);
  while (raws.length > 0 && raws[raws.length - 1] === '') raws.pop();
  const lines = raws.map((raw, i) => ({ line: i + 1, raw, result: parseScore(raw, type, levels) }));
  return { lines, invalid: lines.filter((l) => l.result.kind === 'invalid') };
}

export interface ColumnMatch<P> {
  /** Every pupil in the given (seating) order with their line, or null past the column's end. */
  rows: Array<{ pupil: P; line: ColumnLine | null }>;
  /** Lines beyond the last pupil that hold something (blank ones are harmless). */
  extra: ColumnLine[];
}

/** Pairs the column's lines with the pupils in seating order: line 1 is the first pupil. */
export function matchColumn<P>(column: ParsedColumn, pupils: readonly P[]): ColumnMatch<P> {
  return {
    rows: pupils.map((pupil, i) => ({ pupil, line: column.lines[i] ?? null })),
    extra: column.lines.slice(pupils.length).filter((l) => l.result.kind !== 'empty'),
  };
}

/**
 * Each value's position within the group, in (0, 1): (number below + half the number equal,
 * itself included) / n — the percentile rank with mid-rank ties. A pupil alone sits at 0.5;
 * equal scores share one position. Used to compare, never shown as a ranking.
 */
export function positionInClass(values: readonly number[]): number[] {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  return values.map((v) => {
    let below = 0;
    let equal = 0;
    for (const w of sorted) {
      if (w < v) below++;
      else if (w === v) equal++;
      else break;
    }
    return (below + equal / 2) / n;
  });
}

/** positionInClass keyed by pupil (one score per pupil expected). */
export function positionsByPupil<K>(
  scores: ReadonlyArray<{ pupilId: K; score: number }>,
): Map<K, number> {
  const positions = positionInClass(scores.map((s) => s.score));
  return new Map(scores.map((s, i) => [s.pupilId, positions[i] ?? 0.5]));
}

/** A level's place on the scale, 0 (lowest) … 1 (highest): level for level, not rank. */
export function levelPosition(index: number, levelCount: number): number {
  return levelCount <= 1 ? 0.5 : index / (levelCount - 1);
}

export interface ScoreSummary {
  count: number;
  /** Null when there are no scores. */
  mean: number | null;
  /** The middle value (the mean of the two middle ones for an even count). */
  median: number | null;
}

export function summarise(values: readonly number[]): ScoreSummary {
  const n = values.length;
  if (n === 0) return { count: 0, mean: null, median: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { count: n, mean: sorted.reduce((s, v) => s + v, 0) / n, median };
}
