/**
 * The insight layer: turns an AnalysisResult into a short list of observations as DATA. The screens
 * render each `kind` as an observation plus a reflective question (nl/en) from i18n keys. Never a
 * label for a pupil, never a score for the teacher; every insight carries its counts and, where a
 * difference is claimed, whether it could be chance. Rules and thresholds: docs/analysis.md.
 */
import { praiseCorrectionInsights, relationshipInsights } from './insightLinks';
import {
  concentrationInsights,
  expectationInsights,
  lensEquityInsights,
  notAddressedInsights,
  placementInsights,
} from './insightRules';
import {
  INSIGHT_THRESHOLDS,
  type Insight,
  type InsightKind,
  type InsightThresholds,
} from './insightTypes';
import type { AnalysisResult } from './types';

export { INSIGHT_THRESHOLDS } from './insightTypes';
export type { Insight, InsightKind, InsightThresholds } from './insightTypes';

/** Every kind of insight, in the order the cards show them. */
export const INSIGHT_KINDS: readonly InsightKind[] = [
  'insufficientData',
  'notAddressed',
  'expectationGap',
  'higherOrder',
  'lensEquity',
  'expectationVsAchievement',
  'lensExpectationGap',
  'praiseCorrection',
  'concentration',
  'relationshipCorrection',
  'relationshipRegard',
];

export function deriveInsights(
  result: AnalysisResult,
  thresholds: InsightThresholds = INSIGHT_THRESHOLDS,
): Insight[] {
  const t = thresholds;
  const o = result.options;
  const out: Insight[] = [];
  if (result.basis.lessons < o.minLessons || result.basis.events < o.minEvents) {
    out.push({
      id: 'insufficientData',
      kind: 'insufficientData',
      params: {
        lessons: result.basis.lessons,
        events: result.basis.events,
        minLessons: o.minLessons,
        minEvents: o.minEvents,
      },
      basis: result.basis,
      significance: null,
      research: [],
    });
  }
  out.push(
    ...notAddressedInsights(result),
    ...expectationInsights(result, t),
    ...lensEquityInsights(result, t),
    ...placementInsights(result, t),
    ...praiseCorrectionInsights(result, t),
    ...concentrationInsights(result, t),
    ...relationshipInsights(result, t),
  );
  // By kind; within a kind, what is unlikely to be chance first.
  const rank = (i: Insight) => (i.significance?.couldBeChance ? 1 : 0);
  return out
    .map((insight, k) => ({ insight, k }))
    .sort(
      (a, b) =>
        INSIGHT_KINDS.indexOf(a.insight.kind) - INSIGHT_KINDS.indexOf(b.insight.kind) ||
        rank(a.insight) - rank(b.insight) ||
        a.k - b.k,
    )
    .map((x) => x.insight);
}
