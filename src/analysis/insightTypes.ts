/** Types, thresholds and citations shared by the insight rules. */
import type { Id } from '../model/types';
import type { Metric } from './metrics';
import { EFFECTS, FEEDBACK } from './thresholds';
import type { Basis, Significance } from './types';

export type InsightKind =
  | 'insufficientData'
  | 'notAddressed'
  | 'expectationGap'
  | 'higherOrder'
  | 'lensEquity'
  | 'expectationVsAchievement'
  | 'lensExpectationGap'
  | 'praiseCorrection'
  | 'concentration'
  | 'relationshipCorrection'
  | 'relationshipRegard';

export interface Insight {
  /** Stable across runs: kind plus what it is about. */
  id: string;
  kind: InsightKind;
  pupils?: Id[];
  params: Record<string, number | string>;
  basis: Basis;
  /**
   * The test behind the claim: raw p, the Benjamini–Hochberg adjusted p within the class-and-period
   * family, and the family's decision (couldBeChance false = it may be called unlikely to be chance).
   */
  significance: { p?: number; adjustedP?: number | null; couldBeChance: boolean } | null;
  research: string[];
}

/** Effect sizes an observation must reach before it is shown: a view of thresholds.ts. */
export const INSIGHT_THRESHOLDS = {
  topFifthShare: EFFECTS.topFifthShare,
  gini: EFFECTS.gini,
  groupRatio: EFFECTS.groupRatio,
  minGroupPupils: EFFECTS.minGroupPupils,
  praiseShareFactor: FEEDBACK.praiseShareFactor,
  minCorrections: FEEDBACK.minCorrections,
  lensGap: EFFECTS.lensGap,
  rho: EFFECTS.rho,
  bandRatio: EFFECTS.bandRatio,
} as const;

export type InsightThresholds = { -readonly [K in keyof typeof INSIGHT_THRESHOLDS]: number };

/** Metrics where a difference reflects the teacher's choices (not e.g. volunteering). */
export const TEACHER_METRICS: readonly Metric[] = [
  'turn',
  'called',
  'followUp',
  'higherOrder',
  'waitTime',
  'praise',
  'praiseSpecific',
  'personal',
  'help',
  'correctionWork',
  'correctionBehaviour',
  'corrections',
];

export { RESEARCH } from './research';

export const sig = (s: Significance | null): Insight['significance'] =>
  s ? { p: s.p, adjustedP: s.adjustedP ?? null, couldBeChance: s.couldBeChance } : null;

export const farFromOne = (r: number, t: number) => r >= t || r <= 1 / t;
