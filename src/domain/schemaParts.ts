/**
 * valibot pieces shared by the two file formats that come from outside: the backup
 * (src/db/backup/schema.ts) and the coach files (src/intervisie/schema.ts).
 */
import * as v from 'valibot';

/** A real calendar date: the date regex alone would accept 2024-02-30. */
export function isCalendarDate(value: string): boolean {
  // The usual form, YYYY-MM-DD…, read digit by digit: a backup checks 450,000 time stamps, and
  // building a Date (or a substring) for each was most of the check's cost.
  if (value.length >= 10 && value[4] === '-' && value[7] === '-') {
    const y = digits(value, 0, 4);
    const m = digits(value, 5, 2);
    const d = digits(value, 8, 2);
    if (y >= 0 && m >= 0 && d >= 0) {
      // Date.UTC reads years 0–99 as 1900–1999, so the slow path never accepted them either.
      return y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
    }
  }
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The number written by `length` ASCII digits from `at`, or -1 if one is not a digit. */
function digits(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return m === 2 && leap ? 29 : (DAYS[m - 1] ?? 0);
}

export const clockTime = v.pipe(v.string(), v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/));
export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
export const requiredText = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
export const intRange = (min: number, max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
export const numRange = (min: number, max: number) =>
  v.pipe(v.number(), v.minValue(min), v.maxValue(max));

/** The 5-step relative scale or the school's own ordered levels. */
export function expectationScaleSchema(maxLabel: number, maxLevels: number) {
  return v.variant('kind', [
    v.strictObject({ kind: v.literal('relative5') }),
    v.strictObject({
      kind: v.literal('levels'),
      levels: v.pipe(v.array(requiredText(maxLabel)), v.minLength(2), v.maxLength(maxLevels)),
    }),
  ]);
}

/** A result: the score's range depends on its type (grade 1–10, percentages 0–100, a level). */
export function achievementSchema<B extends v.ObjectEntries>(base: B, maxLevels: number) {
  return v.variant('scoreType', [
    v.strictObject({ ...base, scoreType: v.literal('grade'), score: numRange(1, 10) }),
    v.strictObject({ ...base, scoreType: v.literal('percentage'), score: numRange(0, 100) }),
    v.strictObject({ ...base, scoreType: v.literal('percentile'), score: numRange(0, 100) }),
    v.strictObject({ ...base, scoreType: v.literal('level'), score: intRange(0, maxLevels - 1) }),
  ]);
}
