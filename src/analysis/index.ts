/** Public surface of the analysis core (see README.md in this folder and docs/analysis.md). */
export { analyseClass } from './analyse';
export { deriveInsights, INSIGHT_KINDS, INSIGHT_THRESHOLDS } from './insights';
export type { Insight, InsightKind, InsightThresholds } from './insights';
export { notAddressedOf, type NotAddressed } from './insightRules';
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
export { CITATIONS, RESEARCH } from './research';
export type { Citation } from './research';
export { CHANCE, DATA, EFFECTS, FEEDBACK, MEMORY, PUPIL_RATINGS, REFLECTIVE } from './thresholds';
export { metricsFor, QUALITY_BASE, QUALITY_METRICS } from './metrics';
export { bandOf, BANDS } from './expectation';
export { gini, midRankPositions, spearman, binomialTwoSided, chiSquareUpperTail } from './stats';
export { isoWeek, isoMonth } from './isoDates';
export type * from './types';
