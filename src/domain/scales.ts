/**
 * Expectation scales and the rhythm of rating rounds (pure: no DOM, no database).
 *
 * A class expresses "what do you expect this pupil to achieve?" either on the 5-step relative
 * scale (well below … well above the class level) or on the school's own ordered levels, lowest
 * first. A rating stores the step's index (0-based), so "higher" always means "expects more".
 * Also here: Pianta's three relationship dimensions, rated 1–5.
 */
import type { ExpectationScale, IsoDate } from '../model/types';
import { daysBetween } from './dates';
import { cleanName, nameKey, nameLength } from './names';

/** The relative scale, lowest first; the index is the stored value (0..4). */
export const RELATIVE_STEPS = ['wellBelow', 'below', 'at', 'above', 'wellAbove'] as const;
export type RelativeStep = (typeof RELATIVE_STEPS)[number];

export const RELATIVE5: ExpectationScale = { kind: 'relative5' };

/** The three expectation groups the analyses and intentions compare, highest first. */
export type Band = 'high' | 'middle' | 'low';
export const BANDS: readonly Band[] = ['high', 'middle', 'low'];

/**
 * Band of a rating on a scale of L steps (relative5: L = 5): the step's centre (v + ½) / L in the
 * top third is high, in the bottom third low, else middle. On relative5: 3–4 high, 2 middle,
 * 0–1 low. Integer arithmetic so no boundary depends on rounding.
 */
export function bandOf(value: number, scale: ExpectationScale): Band | null {
  const L = scaleSize(scale);
  if (!Number.isInteger(value) || value < 0 || value >= L) return null;
  const c3 = 3 * (2 * value + 1); // 6L × centre
  if (c3 >= 4 * L) return 'high';
  if (c3 < 2 * L) return 'low';
  return 'middle';
}

/** Bounds for a school's own list of levels. */
export const LEVELS_MIN = 2;
export const LEVELS_MAX = 12;
export const LEVEL_LABEL_MAX = 30;

/**
 * Ready-made level lists, lowest first. Secondary: the Dutch tracks (a teacher with combined
 * classes adds "vmbo-gt/havo" and the like themselves). Primary: the possible school advices.
 */
export const LEVEL_PRESETS = {
  secondary: ['vmbo-b', 'vmbo-k', 'vmbo-gt', 'havo', 'vwo'],
  primary: ['pro', 'vmbo-b', 'vmbo-k', 'vmbo-gt', 'vmbo-gt/havo', 'havo', 'havo/vwo', 'vwo'],
} as const satisfies Record<string, readonly string[]>;
export type LevelPreset = keyof typeof LEVEL_PRESETS;

/** Which kind of scale a class uses, as offered in the scale picker. */
export type ScaleChoice = 'relative5' | LevelPreset | 'custom';

/** A translation function (i18next's `t`, or a stand-in in tests). */
export type Translate = (key: string) => string;

/** How many steps a scale has (the relative scale: 5). */
export function scaleSize(scale: ExpectationScale): number {
  return scale.kind === 'levels' ? scale.levels.length : RELATIVE_STEPS.length;
}

/** True when `value` is a step of the scale (an integer index in range). */
export function isValidStep(scale: ExpectationScale, value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value < scaleSize(scale);
}

export function sameScale(a: ExpectationScale, b: ExpectationScale): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'relative5' || b.kind === 'relative5') return true;
  return a.levels.length === b.levels.length && a.levels.every((l, i) => l === b.levels[i]);
}

/** The scale a rating was made on: its own record of it, else (older ratings) the class's. */
export function scaleOfRating(
  rating: { scale?: ExpectationScale },
  classScale: ExpectationScale,
): ExpectationScale {
  return rating.scale ?? classScale;
}

/** Whether a rating can be compared with ratings on the class's current scale. */
export function onClassScale(
  rating: { scale?: ExpectationScale; value: number },
  classScale: ExpectationScale,
): boolean {
  return (
    sameScale(scaleOfRating(rating, classScale), classScale) &&
    isValidStep(classScale, rating.value)
  );
}

/** Recognises a preset (exact labels, same order); any other list is "custom". */
export function scaleChoice(scale: ExpectationScale): ScaleChoice {
  if (scale.kind === 'relative5') return 'relative5';
  for (const preset of Object.keys(LEVEL_PRESETS) as LevelPreset[]) {
    if (sameScale(scale, { kind: 'levels', levels: [...LEVEL_PRESETS[preset]] })) return preset;
  }
  return 'custom';
}

export type LevelsErrorCode =
  'levelsTooFew' | 'levelsTooMany' | 'levelEmpty' | 'levelTooLong' | 'levelDuplicate';

export type LevelsCheck =
  | { ok: true; levels: string[] }
  | { ok: false; code: LevelsErrorCode; detail: Record<string, string | number> };

/**
 * Checks a custom ordered list of levels (lowest first): 2–12 labels, each non-empty after
 * tidying white space, at most 30 characters, and no two the same (ignoring case and accents,
 * so "HAVO" and "havo" cannot both be steps).
 */
export function checkLevels(raw: readonly string[]): LevelsCheck {
  const levels = raw.map(cleanName);
  const seen = new Set<string>();
  for (const [i, label] of levels.entries()) {
    if (!label) return { ok: false, code: 'levelEmpty', detail: { number: i + 1 } };
    if (nameLength(label) > LEVEL_LABEL_MAX)
      return { ok: false, code: 'levelTooLong', detail: { label, max: LEVEL_LABEL_MAX } };
    const key = nameKey(label);
    if (seen.has(key)) return { ok: false, code: 'levelDuplicate', detail: { label } };
    seen.add(key);
  }
  if (levels.length < LEVELS_MIN)
    return { ok: false, code: 'levelsTooFew', detail: { min: LEVELS_MIN } };
  if (levels.length > LEVELS_MAX)
    return { ok: false, code: 'levelsTooMany', detail: { max: LEVELS_MAX } };
  return { ok: true, levels };
}

/** A typed or pasted list, one level per line; blank lines are left out. */
export function parseLevelList(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map(cleanName)
    .filter((line) => line !== '');
}

/** The label of every step, lowest first. Level names are the school's own and stay as typed. */
export function scaleLabels(scale: ExpectationScale, t: Translate): string[] {
  if (scale.kind === 'levels') return [...scale.levels];
  return RELATIVE_STEPS.map((step) => t(`expectations:scale.relative.${step}`));
}

/** The label of one stored value, or null when it lies outside the scale (see classScale.ts). */
export function stepLabel(scale: ExpectationScale, value: number, t: Translate): string | null {
  return isValidStep(scale, value) ? (scaleLabels(scale, t)[value] ?? null) : null;
}

/** After this many weeks without a round the app suggests a new one. */
export const ROUND_INTERVAL_WEEKS = 8;

export type RoundDue =
  { due: false } | { due: true; reason: 'first' } | { due: true; reason: 'again'; weeks: number };

/**
 * Whether to suggest a rating round: when there has never been one, or when the last one is
 * older than the interval. Change over time is the point (Rubie-Davies), so one round is not
 * enough; a round every term or so shows how the teacher's picture moves.
 */
export function ratingRoundDue(
  lastRound: IsoDate | null,
  today: IsoDate,
  intervalWeeks = ROUND_INTERVAL_WEEKS,
): RoundDue {
  if (lastRound === null) return { due: true, reason: 'first' };
  const days = daysBetween(lastRound, today);
  if (days <= intervalWeeks * 7) return { due: false };
  return { due: true, reason: 'again', weeks: Math.floor(days / 7) };
}

/** Pianta's three dimensions of the teacher–pupil relationship (STRS), each rated 1–5. */
export const RELATIONSHIP_DIMENSIONS = ['closeness', 'conflict', 'dependency'] as const;
export type RelationshipDimension = (typeof RELATIONSHIP_DIMENSIONS)[number];
/**
 * Two optional questions beside Pianta's three (issue 14): how the teacher thinks the pupil
 * experiences the relationship, and how able the teacher feels to handle the pupil (seed 002).
 */
export const RELATIONSHIP_EXTRAS = ['pupilView', 'capability'] as const;
export type RelationshipExtra = (typeof RELATIONSHIP_EXTRAS)[number];
export const RELATIONSHIP_MIN = 1;
export const RELATIONSHIP_MAX = 5;

export function isRelationshipRating(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= RELATIONSHIP_MIN &&
    value <= RELATIONSHIP_MAX
  );
}
