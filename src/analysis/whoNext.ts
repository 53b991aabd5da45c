/**
 * A fair "who next?" for the live screen (issue 14, point 6). Name pickers draw at random; this
 * one weighs the draw by the teacher's own record, so the pupils who had fewer turns in this
 * lesson and in recent lessons come up more often — still a draw, never a verdict, and the reason
 * is shown with the counts. Pure: the random number is a parameter.
 *
 * Weight of a present pupil i, with t the turns in this lesson and m the fewest among candidates:
 *   now_i    = NOW_FACTOR^-(t_i − m)          one turn more than the fewest: a quarter of the weight
 *   recent_i = (R + 1) / (r_i + 1)           r_i = turns per lesson present in recent lessons,
 *                                            R = the same for the class; r_i = R without history
 *   weight_i = now_i · recent_i
 */
import type { Id } from '../model/types';

/** How many earlier lessons count as "recent". */
export const WHO_NEXT_RECENT_LESSONS = 5;
/** Each turn more than the fewest in this lesson divides the weight by this. */
export const NOW_FACTOR = 4;

export interface RecentTurns {
  /** Turns in recent lessons the pupil was present for. */
  turns: number;
  /** Recent lessons the pupil was present for. */
  lessons: number;
}

export interface WhoNextInput {
  /** Pupils present in this lesson, in seating order. */
  present: readonly Id[];
  /** Turns per pupil in this lesson so far (missing: 0). */
  turnsNow: ReadonlyMap<Id, number>;
  /** Per pupil, their recent lessons (missing: no recent lesson present). */
  recent: ReadonlyMap<Id, RecentTurns>;
  /** Pupils the teacher passed over in this round of asking. */
  skip?: ReadonlySet<Id>;
}

export interface Suggestion {
  pupilId: Id;
  turnsNow: number;
  recent: RecentTurns;
  /** Turns per lesson present for the class in recent lessons; null without any. */
  classRate: number | null;
  /** The pupil's share of the draw (0–1). */
  chance: number;
}

/** The class's turns per lesson present over recent lessons, or null when nobody has any. */
export function classRecentRate(
  present: readonly Id[],
  recent: WhoNextInput['recent'],
): number | null {
  let turns = 0;
  let lessons = 0;
  for (const id of present) {
    const r = recent.get(id);
    if (!r) continue;
    turns += r.turns;
    lessons += r.lessons;
  }
  return lessons === 0 ? null : turns / lessons;
}

/** Each candidate's weight (present, not skipped), in the order of `present`. */
export function whoNextWeights(input: WhoNextInput): Map<Id, number> {
  const candidates = input.present.filter((id) => !input.skip?.has(id));
  const weights = new Map<Id, number>();
  if (candidates.length === 0) return weights;
  const fewest = Math.min(...candidates.map((id) => input.turnsNow.get(id) ?? 0));
  const R = classRecentRate(input.present, input.recent) ?? 0;
  for (const id of candidates) {
    const t = input.turnsNow.get(id) ?? 0;
    const r = input.recent.get(id);
    const own = r && r.lessons > 0 ? r.turns / r.lessons : R;
    weights.set(id, NOW_FACTOR ** -(t - fewest) * ((R + 1) / (own + 1)));
  }
  return weights;
}

/**
 * Draws one pupil with `u` uniform in [0, 1); null when nobody is left to suggest. The same
 * input and `u` give the same pupil.
 */
export function suggestNext(input: WhoNextInput, u: number): Suggestion | null {
  const weights = whoNextWeights(input);
  let total = 0;
  for (const w of weights.values()) total += w;
  if (total === 0) return null;
  let point = Math.min(Math.max(u, 0), 1 - Number.EPSILON) * total;
  let chosen: Id | null = null;
  for (const [id, w] of weights) {
    chosen = id;
    if (point < w) break;
    point -= w;
  }
  if (chosen === null) return null;
  return {
    pupilId: chosen,
    turnsNow: input.turnsNow.get(chosen) ?? 0,
    recent: input.recent.get(chosen) ?? { turns: 0, lessons: 0 },
    classRate: classRecentRate(input.present, input.recent),
    chance: (weights.get(chosen) ?? 0) / total,
  };
}
