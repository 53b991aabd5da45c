/** Public surface of the analysis core (see README.md in this folder and docs/analysis.md). */
export { analyseClass } from './analyse';
export { deriveInsights } from './insights';
export { INSIGHT_KINDS, INSIGHTS } from './insightKinds';
export { INSIGHT_THRESHOLDS } from './insightTypes';
export type {
  Insight,
  InsightDescriptor,
  InsightFinding,
  InsightKind,
  InsightParams,
  InsightParamsByKind,
  InsightThresholds,
} from './insightTypes';
export {
  concentrationFindings,
  expectationFindings,
  lensEquityFindings,
  lensGapFindings,
  notAddressedFindings,
  notAddressedOf,
  type NotAddressed,
} from './insightRules';
export { distanceFromOne, farFromOne } from './insightTypes';
export { shortfalls } from './honesty';
export {
  attentionTest,
  bhAdjusted,
  bhSurvivors,
  chanceFamily,
  controlChance,
  familyHypotheses,
  familyKey,
  feedbackTest,
  specificPraiseTest,
  survives,
} from './chance';
export type { ChanceFamily, Hypothesis } from './chance';
export { publicCorrectionTests } from './publicTests';
export type { PublicSubject, PublicTest, PublicTestOf } from './publicTests';
export { PUBLIC_FINDING_THRESHOLDS, publicCorrectionFindings } from './publicFindings';
export type { PublicFinding, PublicFindingThresholds } from './publicFindings';
export { CITATIONS, RESEARCH } from './research';
export type { Citation } from './research';
export {
  CHANCE,
  DATA,
  EFFECTS,
  FEEDBACK,
  MEMORY,
  PUPIL_RATINGS,
  PUPIL_SIDE,
  REFLECTIVE,
} from './thresholds';
export { countsTowards, metricsFor, QUALITY_BASE, QUALITY_METRICS } from './metrics';
export {
  drillRows,
  lessonMetricRows,
  pupilLessonRows,
  type DrillQuery,
  type DrillRows,
  type LessonRow,
  type PupilLessonRow,
} from './drill';
export { MARK_METRICS, metricsWithout, unmarked, type Mark } from './marks';
export { bandOf, BANDS } from './expectation';
export { gini, midRankPositions, spearman, binomialTwoSided, chiSquareUpperTail } from './stats';
export { isoWeek, isoMonth } from '../domain/dates';
export type * from './types';
