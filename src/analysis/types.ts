/**
 * Public types of the analysis core (issue 4). Everything here is plain data: the screens render
 * it, the analysis never touches the DOM, the database or the clock.
 */
import type { ClassData } from '../model/classData';
import type { Confidence, Id, IsoDate, ScoreType } from '../model/types';
import type { InteractionKind } from '../model/kinds';
import type { ChanceFamily } from './chance';
import type { Metric } from './metrics';

export type { Metric, QualityMetric } from './metrics';

export type { ClassData };

export interface AnalysisOptions {
  /** The teacher's "today" (the clock is a parameter). `to` defaults to it. */
  today: IsoDate;
  from?: IsoDate;
  to?: IsoDate;
  /** Restrict to these lessons (still inside from..to). */
  lessonIds?: readonly Id[];
  /** Restrict to these interaction kinds (default: all). */
  kinds?: readonly InteractionKind[];
  /** Seed of the permutation and Monte Carlo tests: same seed, same p. Default 1. */
  seed?: number;
  /** Below this many lessons a pattern is `insufficient`. Default 3. */
  minLessons?: number;
  /** Below this many events (of the kind at hand) a pattern is `insufficient`. Default 20. */
  minEvents?: number;
  /** Window for "no or very few turns": the last N lessons each pupil attended. Default 5. */
  lastN?: number;
  /** Permutations per test. Default 2000. */
  permutations?: number;
  /** Level of a single test reported on its own (outside a family). Default 0.05. */
  alpha?: number;
  /** False discovery rate of the family of claims of one class and period. Default 0.10. */
  q?: number;
  /**
   * 'bh' (default): Benjamini–Hochberg over the family. 'none': every test on its own at `alpha`,
   * as before chance control — only for the bench's before/after figure (scripts/bench/chance.mjs).
   */
  correction?: 'bh' | 'none';
  /** "Very few" = at most this fraction of the class's mean rate in the window. Default 1/3. */
  fewFraction?: number;
  /** Expectation vs achievement: |gap| at or above this (on a 0..1 footing) is flagged. Default 0.25. */
  gapThreshold?: number;
  /** Correlations and class positions need at least this many pupils. Default 5. */
  minPupils?: number;
  /** A rank correlation (and its band test) needs this many pupils with both values. Default 8. */
  minCorrelationPupils?: number;
  /** When set, the result also compares lessons before this date with those on or after it. */
  splitDate?: IsoDate;
}

export interface ResolvedOptions {
  today: IsoDate;
  from: IsoDate | null;
  to: IsoDate;
  lessonIds: ReadonlySet<Id> | null;
  kinds: readonly InteractionKind[];
  seed: number;
  minLessons: number;
  minEvents: number;
  lastN: number;
  permutations: number;
  alpha: number;
  q: number;
  correction: 'bh' | 'none';
  fewFraction: number;
  gapThreshold: number;
  minPupils: number;
  minCorrelationPupils: number;
  splitDate: IsoDate | null;
}

/** The counts a figure rests on. `pupils` counts pupils present at least once. */
export interface Basis {
  lessons: number;
  events: number;
  pupils: number;
}

export type InsufficientReason = 'fewLessons' | 'fewEvents' | 'fewPupils' | 'fewGroups';

export interface Insufficient {
  status: 'insufficient';
  basis: Basis;
  reasons: InsufficientReason[];
}

/** A pattern is only a pattern with enough data behind it; otherwise it says why not. */
export type Pattern<T> = Insufficient | ({ status: 'ok'; basis: Basis } & T);

export interface Significance {
  test: 'permutation' | 'dispersion' | 'binomial';
  /** Two-sided p. Permutation p-values are (hits + 1) / (permutations + 1), never 0. */
  p: number;
  /**
   * False unless the test survives Benjamini–Hochberg at `q` within its class-and-period family
   * (chance.ts): only then may it be called unlikely to be chance.
   */
  couldBeChance: boolean;
  /** The Benjamini–Hochberg adjusted p within the family; null/absent outside a family. */
  adjustedP?: number | null;
  statistic: number;
  iterations: number | null;
}

// ---------------------------------------------------------------------------------------------
// 1. Distribution

export interface PupilShare {
  pupilId: Id;
  count: number;
  presentLessons: number;
  /** count / presentLessons; null when never present. */
  rate: number | null;
  /** count / class total; null when the total is 0. */
  share: number | null;
  /** The pupil's share of all presences: the "equal share" once absences are counted. */
  expectedShare: number | null;
  /** share / expectedShare (1 = exactly an equal share). */
  shareRatio: number | null;
}

export interface TopFifth {
  /** ceil(n / 5) pupils with the highest rates (ties broken by count, then id). */
  size: number;
  pupilIds: Id[];
  /** Their part of the summed rates; an even spread gives size / n. */
  rateShare: number;
  evenShare: number;
  /** Their part of the events, against their part of the presences. */
  countShare: number;
  presenceShare: number;
}

export interface Distribution {
  metric: Metric;
  total: number;
  /** Of `total`, the counts logged afterwards, from memory (told apart: issue 10 §6). */
  loggedAfter: number;
  presences: number;
  lessons: number;
  /** total / presences: events per pupil per lesson. */
  meanRate: number | null;
  pupils: PupilShare[];
  pattern: Pattern<{
    /** Gini coefficient of the pupils' rates, in [0, (n-1)/n]. */
    gini: number;
    topFifth: TopFifth;
    /** Is the spread more unequal than chance alone? Null where tests are off (buckets). */
    dispersion: Significance | null;
  }>;
}

export type QuietStatus = 'none' | 'few' | 'typical' | 'insufficient';

/** Turns over a stretch of lessons the pupil attended, against the class's mean rate. */
export interface QuietWindow {
  attended: number;
  turns: number;
  rate: number | null;
  /** What the class's mean rate would give over the same number of lessons. */
  expectedTurns: number | null;
  status: QuietStatus;
  /**
   * Could so few be chance? P(turns or fewer) for a pupil with the class's mean rate (Poisson);
   * null when nothing is expected.
   */
  p: number | null;
}

export interface QuietPupil extends QuietWindow {
  pupilId: Id;
  /** The last `lastN` lessons this pupil attended, oldest first (the fields above). */
  windowLessonIds: Id[];
  /** The same over every lesson of the period the pupil attended. */
  period: QuietWindow;
}

export interface QuietResult {
  metric: 'turn';
  lastN: number;
  /** Mean over pupils with a full enough window of their window rate. */
  classMeanRate: number | null;
  /** The window rate at or below which a pupil has "very few" turns. */
  fewRate: number | null;
  /** The same two for the whole period. */
  period: { classMeanRate: number | null; fewRate: number | null };
  pupils: QuietPupil[];
  /** flagged: none or few in the recent window; flaggedInPeriod: over the whole period. */
  pattern: Pattern<{ flagged: Id[]; flaggedInPeriod: Id[] }>;
}

// ---------------------------------------------------------------------------------------------
// 2. Kind and quality

/** Counts are null when their interaction kind is filtered out; ratios null when undefined. */
export interface QualityCounts {
  /** Lessons present; for the class row, all presences (pupil-lessons). */
  presentLessons: number;
  turns: number | null;
  praise: number | null;
  praiseSpecific: number | null;
  correctionWork: number | null;
  correctionBehaviour: number | null;
  /** praise / (praise + both corrections). */
  positiveShare: number | null;
  positiveShareWork: number | null;
  positiveShareBehaviour: number | null;
  higherOrder: number | null;
  recall: number | null;
  /** Turns and follow-ups without a question level. */
  levelUnknown: number | null;
  /** higherOrder / (higherOrder + recall). */
  higherShare: number | null;
  followUps: number | null;
  followUpsPerTurn: number | null;
  volunteered: number | null;
  called: number | null;
  /** called / (volunteered + called). */
  calledShare: number | null;
  waitTime: number | null;
  help: number | null;
  personal: number | null;
  bankingSessions: number;
  bankingMinutes: number;
}

export interface PupilQuality extends QualityCounts {
  pupilId: Id;
  /** Events per present lesson for every metric in scope. */
  rates: Partial<Record<Metric, number | null>>;
}

export interface QualityResult {
  class: QualityCounts;
  pupils: PupilQuality[];
}

// ---------------------------------------------------------------------------------------------
// 3 and 4. Group comparisons (lens values, expectation bands)

export interface GroupRow {
  /** Lens value id or band; null = not set / not rated. */
  group: string | null;
  pupils: number;
  presences: number;
  count: number;
  /** count / presences. */
  rate: number | null;
  share: number | null;
  presenceShare: number | null;
  /** Equity ratio: share / presenceShare (1.0 = proportional). */
  ratio: number | null;
  /** Mean of the members' own rates (each pupil weighs the same). */
  meanPupilRate: number | null;
}

export interface MetricComparison {
  metric: Metric;
  total: number;
  presences: number;
  rows: GroupRow[];
  /** Over the groups that are set; `significance` is null where no test is run. */
  test: Pattern<{ significance: Significance | null }>;
}

export interface GroupInfo {
  group: string | null;
  label: string | null;
  pupilIds: Id[];
}

export interface GroupComparison {
  groups: GroupInfo[];
  metrics: MetricComparison[];
}

export interface LensComparison extends GroupComparison {
  lensId: Id;
  lensName: string;
}

import type { Band, RelationshipDimension } from '../domain/scales';
export type { Band };

export interface PupilExpectation {
  pupilId: Id;
  value: number | null;
  date: IsoDate | null;
  confidence: Confidence | null;
  band: Band | null;
}

export interface ExpectationLink {
  scale: 'relative5' | 'levels';
  pupils: PupilExpectation[];
  /** Grouped by each pupil's current rating (latest on or before `to`), with tests. */
  current: GroupComparison;
  /** Grouped by the rating in force at each lesson's date; descriptive (no test). */
  inForce: GroupComparison;
}

// ---------------------------------------------------------------------------------------------
// 5. Expectation against achievement

export interface AssessmentUsed {
  label: string;
  scoreType: ScoreType;
  date: IsoDate;
  pupils: number;
}

export type Placement = 'higher' | 'lower' | 'inLine';

export interface PupilPlacement {
  pupilId: Id;
  expectation: number | null;
  /** 0..1: where the expectation places the pupil. */
  expectationPosition: number | null;
  /** 0..1: where the results place the pupil (mean over the assessments used). */
  achievementPosition: number | null;
  assessments: number;
  /** expectationPosition − achievementPosition. */
  gap: number | null;
  placed: Placement | null;
}

export interface LensGap {
  group: string | null;
  pupils: number;
  meanGap: number | null;
  meanExpectationPosition: number | null;
  meanAchievementPosition: number | null;
}

export interface LensGapComparison {
  lensId: Id;
  lensName: string;
  rows: LensGap[];
  test: Pattern<{ significance: Significance }>;
}

export interface AchievementLink {
  /** 'levels': level against level; 'classPosition': mid-rank position within the class. */
  footing: 'levels' | 'classPosition';
  threshold: number;
  assessments: AssessmentUsed[];
  pupils: PupilPlacement[];
  pattern: Pattern<{ spearman: number | null; higher: Id[]; lower: Id[] }>;
  lenses: LensGapComparison[];
}

// ---------------------------------------------------------------------------------------------
// 6. Relationship

/** Pianta's three dimensions, from the scale module (one definition). */
export type { RelationshipDimension };

export interface PupilRelationship {
  pupilId: Id;
  date: IsoDate;
  closeness: number;
  conflict: number;
  dependency: number;
}

export interface RatingBandRow {
  /** 1–2 low, 3 middle, 4–5 high. */
  band: Band;
  pupils: number;
  meanRate: number | null;
}

export interface RelationshipCorrelation {
  dimension: RelationshipDimension;
  metric: Metric;
  n: number;
  /** Spearman rank correlation (mid-ranks for ties). */
  rho: number | null;
  bands: RatingBandRow[];
  /** Permutation test of rho. */
  test: Pattern<{ significance: Significance }>;
  /**
   * Permutation test of the mean rates of the rating bands (between-band sum of squares): picks up
   * one or two pupils rated very differently from the rest, which a rank correlation dilutes.
   */
  bandTest: Pattern<{ significance: Significance }>;
}

export interface RelationshipLink {
  pupils: PupilRelationship[];
  correlations: RelationshipCorrelation[];
}

// ---------------------------------------------------------------------------------------------
// 7. Time

export interface PeriodMeasures {
  lessonIds: Id[];
  basis: Basis;
  distribution: Distribution[];
  quality: QualityCounts;
  equity: LensComparison[];
  /** Expectation bands as in force at each lesson. */
  expectation: GroupComparison;
}

/** One metric in a week or month: the class's rate and each expectation band's. */
export interface BucketRates {
  metric: Metric;
  /** Events per pupil per lesson (total / presences); null when nobody was present. */
  meanRate: number | null;
  /** Per band as in force at each lesson: count / presences; null without presences. */
  bands: Record<Band, number | null>;
}

/**
 * A week or month of "Door de tijd": what its chart and table show, nothing more. A year holds
 * some 50 of them; with full period measures each, they were most of the insights answer the
 * worker copies to the page (one long task at 4x CPU).
 */
export interface TimeBucket {
  /** `2025-W07` or `2025-02`. */
  key: string;
  from: IsoDate;
  to: IsoDate;
  lessonIds: Id[];
  basis: Basis;
  /** One entry per metric of the result, in its order. */
  rates: BucketRates[];
}

export interface BeforeAfter {
  date: IsoDate;
  before: PeriodMeasures;
  after: PeriodMeasures;
}

// ---------------------------------------------------------------------------------------------
// The whole result

export interface PupilAttendance {
  pupilId: Id;
  presentLessons: number;
  absentLessons: number;
  removed: boolean;
}

export interface AnalysisResult {
  classId: Id;
  options: ResolvedOptions;
  metrics: Metric[];
  lessonIds: Id[];
  basis: Basis;
  /** Events that fell outside the scope (other lessons, unknown pupils) — for diagnostics. */
  ignoredEvents: number;
  pupils: PupilAttendance[];
  distribution: Distribution[];
  quiet: QuietResult;
  quality: QualityResult;
  equity: LensComparison[];
  expectation: ExpectationLink;
  achievement: AchievementLink;
  relationship: RelationshipLink;
  timeline: { week: TimeBucket[]; month: TimeBucket[] };
  beforeAfter: BeforeAfter | null;
  /**
   * True below the period's data threshold (fewer than `minLessons` lessons or `minEvents`
   * events): the screens show raw counts only — no rates per 10 lessons, shares, ratios or
   * correlations (rank correlations are null here already). `rawCountsOnly()` in honesty.ts
   * strips them from a result for a screen that wants the figures gone.
   */
  rawCountsOnly: boolean;
  /**
   * Of the period's events (`basis.events`), how many were logged afterwards, from memory
   * (`loggedAfter`) rather than tapped live: recall can follow expectations too (issue 10 §6).
   */
  loggedAfter: number;
  /** The family of tests behind every "unlikely to be chance", after Benjamini–Hochberg. */
  chance: ChanceFamily;
}
