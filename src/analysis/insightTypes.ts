/**
 * The insight types: one params shape per kind, and the descriptor every kind has in the registry
 * (insightKinds.ts). Adding a kind to `InsightParamsByKind` makes the registry, the presentation
 * map (features/insights/insightKinds.ts) and every switch over kinds a compile error until done.
 */
import type { Id } from '../model/types';
import type { Metric } from './metrics';
import type { Citation } from './research';
import { EFFECTS, FEEDBACK } from './thresholds';
import type {
  AnalysisResult,
  Basis,
  QuietStatus,
  RelationshipDimension,
  Significance,
} from './types';

/** High against low expectation band (expectationGap, and higherOrder for questions). */
export interface ExpectationParams {
  metric: Metric;
  highRate: number;
  lowRate: number;
  highPupils: number;
  lowPupils: number;
  /** Absent when the low band got none (no finite ratio, only the two rates). */
  ratio?: number;
}

/** Relationship ratings against treatment (both relationship kinds). */
export interface RelationshipParams {
  dimension: RelationshipDimension;
  metric: Metric;
  n: number;
  rho?: number;
  /** Mean rate of the pupils rated 3–5 on the dimension. */
  rateRated3to5?: number;
  /** Mean rate of the pupils rated 1–2 on the dimension. */
  rateRated1to2?: number;
}

/** The figures each kind of insight carries; the key order is the order the cards show them. */
export interface InsightParamsByKind {
  insufficientData: { lessons: number; events: number; minLessons: number; minEvents: number };
  notAddressed: {
    window: 'recent' | 'period';
    status: QuietStatus;
    turns: number;
    lessons: number;
    expectedTurns: number;
  };
  expectationGap: ExpectationParams;
  higherOrder: ExpectationParams;
  lensEquity: {
    metric: Metric;
    lensId: Id;
    lensName: string;
    valueId: string;
    valueLabel: string;
    ratio: number;
    count: number;
    expectedCount: number;
  };
  expectationVsAchievement: {
    direction: 'lower' | 'higher';
    count: number;
    threshold: number;
    footing: 'levels' | 'classPosition';
  };
  lensExpectationGap: {
    lensId: Id;
    lensName: string;
    valueId: string;
    valueLabel: string;
    meanGap: number;
    restMeanGap: number;
    pupils: number;
  };
  praiseCorrection: {
    praise: number;
    correctionWork: number;
    correctionBehaviour: number;
    lessons: number;
    restPositiveShare: number;
  };
  concentration: {
    metric: Metric;
    gini: number;
    topFifthShare: number;
    topFifthSize: number;
    evenShare: number;
    countShare: number;
    presenceShare: number;
  };
  relationshipCorrection: RelationshipParams;
  relationshipRegard: RelationshipParams;
}

export type InsightKind = keyof InsightParamsByKind;

type AnyParamKey = { [K in InsightKind]: keyof InsightParamsByKind[K] }[InsightKind];

/**
 * A kind's params. The other kinds' keys are named as absent, so code that holds an insight of any
 * kind may still ask for `params.metric` (and gets `undefined` where the kind has none).
 */
export type InsightParams<K extends InsightKind> = InsightParamsByKind[K] & {
  [X in Exclude<AnyParamKey, keyof InsightParamsByKind[K]>]?: undefined;
};

/** What a rule finds: an insight without its research (the registry adds that per kind). */
export type InsightFinding<K extends InsightKind = InsightKind> = {
  [P in K]: {
    /** Stable across runs: kind plus what it is about. */
    id: string;
    kind: P;
    pupils?: Id[];
    params: InsightParams<P>;
    basis: Basis;
    /**
     * The test behind the claim: raw p, the Benjamini–Hochberg adjusted p within the
     * class-and-period family, and the family's decision (couldBeChance false = it may be called
     * unlikely to be chance).
     */
    significance: { p?: number; adjustedP?: number | null; couldBeChance: boolean } | null;
  };
}[K];

/** One observation as data; narrow on `kind` to read its typed `params`. */
export type Insight<K extends InsightKind = InsightKind> = InsightFinding<K> & {
  research: string[];
};

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

/** Everything one kind of insight is in the analysis: how it is found and what it rests on. */
export interface InsightDescriptor<K extends InsightKind> {
  /** The kind's findings, in the order they are shown within the kind. */
  derive: (result: AnalysisResult, t: InsightThresholds) => InsightFinding<K>[];
  /** The sources every card of the kind cites (from the one citation table). */
  research: readonly Citation[];
  /** The thresholds the rule reads (docs/analysis.md explains each). */
  thresholds: readonly (keyof InsightThresholds)[];
}

/** One descriptor per kind: a kind without one does not compile. */
export type InsightRegistry = { [K in InsightKind]: InsightDescriptor<K> };

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

export const sig = (s: Significance | null): Insight['significance'] =>
  s ? { p: s.p, adjustedP: s.adjustedP ?? null, couldBeChance: s.couldBeChance } : null;

/** Ratio at least t or at most 1/t (t > 1). */
export const farFromOne = (r: number, t: number) => r >= t || r <= 1 / t;

/** How far a ratio lies from 1, on a log scale (2 and 1/2 equally far). */
export const distanceFromOne = (ratio: number) => Math.abs(Math.log(Math.max(ratio, 1e-9)));

/**
 * Of the rows with a ratio and enough pupils (and that `accept` lets through), the one whose ratio
 * lies farthest from 1; the first on a tie. The one "farthest from 1" loop, for card and prompt.
 */
export function farthestFromOne<
  R extends { group: string | null; ratio: number | null; pupils: number },
>(
  rows: readonly R[],
  minPupils: number,
  accept: (row: R) => boolean = () => true,
): { row: R; ratio: number } | null {
  let pick: { row: R; ratio: number } | null = null;
  for (const row of rows) {
    const ratio = row.ratio;
    if (row.group === null || ratio === null || row.pupils < minPupils || !accept(row)) continue;
    if (!pick || distanceFromOne(ratio) > distanceFromOne(pick.ratio)) pick = { row, ratio };
  }
  return pick;
}
