/**
 * The deliberate, documented bias of the demo teacher (docs/demo-data.md), as numbers. The
 * generator draws every interaction with these weights, so the insights have something to show.
 */
import type { InteractionKind } from '../../model/kinds';
import { DEMO_RAISED_AT_WEEK5, type DemoPupilSpec } from './roster';

/** Relative-5 step (0 = well below … 4 = well above the class level) that a grade level earns. */
export function stepForLevel(level: number): number {
  if (level >= 8.0) return 4;
  if (level >= 7.2) return 3;
  if (level >= 6.3) return 2;
  if (level >= 5.5) return 1;
  return 0;
}

/**
 * The teacher's expectation: what the pupil's results would justify, one step lower when the
 * pupil (also) speaks another language at home; at week 5 two pupils are raised.
 */
export function demoExpectation(spec: DemoPupilSpec, moment: 1 | 2): number {
  const biased = Math.max(0, stepForLevel(spec.level) - (spec.homeLanguage === 'other' ? 1 : 0));
  const raised = moment === 2 && (DEMO_RAISED_AT_WEEK5 as readonly string[]).includes(spec.name);
  return Math.min(4, biased + (raised ? 1 : 0));
}

/** "High expectation" in the demo: step 3 or 4 on the relative scale. */
export const isHigh = (step: number): boolean => step >= 3;
export const isLow = (step: number): boolean => step <= 1;

/** How often each kind is logged (a share of all events in a lesson). */
export const KIND_MIX: ReadonlyArray<readonly [InteractionKind, number]> = [
  ['turn', 0.46],
  ['praise', 0.13],
  ['correctionWork', 0.08],
  ['correctionBehaviour', 0.08],
  ['followUp', 0.11],
  ['help', 0.09],
  ['personal', 0.05],
];

export interface PupilState {
  step: number;
  conflict: boolean;
  overlooked: boolean;
  /** The overlooked pupil is still addressed now and then in the first lessons, not later. */
  lateLesson: boolean;
}

/** Relative chance that this pupil gets the next interaction of this kind. */
export function kindWeight(kind: InteractionKind, p: PupilState): number {
  if (p.overlooked) return p.lateLesson ? 0 : 0.1;
  const high = isHigh(p.step);
  switch (kind) {
    case 'turn':
      return high ? 2.1 : 1;
    case 'followUp':
      return high ? 3 : 1;
    case 'praise':
      return p.conflict ? 0.5 : high ? 2.5 : 1;
    case 'correctionBehaviour':
      return p.conflict ? 9 : 0.5;
    case 'correctionWork':
      return isLow(p.step) ? 1.5 : 1;
    case 'help':
      return isLow(p.step) ? 1.6 : high ? 0.8 : 1.2;
    case 'personal':
      return p.conflict ? 0.3 : high ? 1.6 : 1;
    // The opt-in greeting is not in KIND_MIX: the demo class never logs it.
    case 'greeting':
      return 1;
  }
}

/** Probabilities of the optional qualifiers, for the high-expectation group and the others. */
export const QUALIFIER_P = {
  /** A live event carries no qualifiers at all (they are optional while logging). */
  none: 0.2,
  volunteered: { high: 0.65, other: 0.4 },
  higherOrderTurn: { high: 0.55, other: 0.15 },
  higherOrderFollowUp: { high: 0.6, other: 0.25 },
  waitTime: { high: 0.6, other: 0.3 },
  specificPraise: { high: 0.6, other: 0.35 },
} as const;

/** Lesson numbers (0-based, in date order) logged afterwards rather than live. */
export const AFTER_LOGGED_LESSONS: readonly number[] = [3, 10, 15];
export const LESSON_COUNT = 24;
/** The "last N lessons" in which the overlooked pupil gets at most one turn. */
export const LATE_LESSONS = 6;
/** The lesson (0-based) in which the overlooked pupil gets that single turn. */
export const OVERLOOKED_TURN_LESSON = 20;
export const ABSENCE_P = 0.015;
