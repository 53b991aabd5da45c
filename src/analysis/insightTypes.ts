/** Types, thresholds and citations shared by the insight rules. */
import type { Id } from '../model/types';
import type { Metric } from './metrics';
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

/** Effect sizes an observation must reach before it is shown (documented in docs/analysis.md). */
export const INSIGHT_THRESHOLDS = {
  /** Most-addressed fifth gets at least twice its even share of the rates… */
  topFifthShare: 0.4,
  /** …or the Gini coefficient of the rates is at least this. */
  gini: 0.3,
  /** Group rate ratio (high/low expectation, lens value vs class) at least this, or 1/this. */
  groupRatio: 1.5,
  /** Groups compared need at least this many pupils. */
  minGroupPupils: 2,
  /** A pupil's praise share at most this fraction of the rest of the class's… */
  praiseShareFactor: 0.5,
  /** …with at least this many corrections. */
  minCorrections: 5,
  /** A lens value's mean expectation–achievement gap differs from the other values' by this. */
  lensGap: 0.15,
  /** |Spearman rho| at least this (relationship links)… */
  rho: 0.3,
  /** …or pupils rated 3–5 and 1–2 differ at least this many times in their mean rate. */
  bandRatio: 2,
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

export const RESEARCH = {
  floor: ['Brophy & Good 1970', 'Kerman 1979'],
  expectation: ['Rosenthal & Jacobson 1968', 'Brophy & Good 1970', 'Rubie-Davies 2007'],
  higherOrder: ['Rubie-Davies 2007', 'Kerman 1979'],
  equity: ['Reinholz & Shah 2018', 'Van den Bergh, Denessen & Volman 2021'],
  placement: ['Rubie-Davies 2015', 'Rosenthal & Jacobson 1968'],
  lensGap: ['Denessen 2022', 'Van den Bergh, Denessen & Volman 2021'],
  feedback: ['Brophy & Good 1970', 'Kerman 1979'],
  concentration: ['Kerman 1979', 'Reinholz & Shah 2018'],
  relationship: ['Pianta 2001'],
} as const;

export const sig = (s: Significance | null): Insight['significance'] =>
  s ? { p: s.p, adjustedP: s.adjustedP ?? null, couldBeChance: s.couldBeChance } : null;

export const farFromOne = (r: number, t: number) => r >= t || r <= 1 / t;
