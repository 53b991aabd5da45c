/**
 * The insight layer: turns an AnalysisResult into a short list of observations as DATA. The screens
 * render each `kind` as an observation plus a reflective question (nl/en) from i18n keys. Never a
 * label for a pupil, never a score for the teacher; every insight carries its counts and, where a
 * difference is claimed, whether it could be chance. Rules and thresholds: docs/analysis.md; the
 * kinds and their order: the registry, insightKinds.ts.
 */
import { INSIGHT_KINDS, INSIGHTS } from './insightKinds';
import {
  INSIGHT_THRESHOLDS,
  type Insight,
  type InsightKind,
  type InsightThresholds,
} from './insightTypes';
import type { AnalysisResult } from './types';

/** One kind's insights: its findings with the kind's research. */
function insightsOf<K extends InsightKind>(
  kind: K,
  result: AnalysisResult,
  t: InsightThresholds,
): Insight<K>[] {
  const descriptor = INSIGHTS[kind];
  return descriptor.derive(result, t).map((f) => ({ ...f, research: [...descriptor.research] }));
}

export function deriveInsights(
  result: AnalysisResult,
  thresholds: InsightThresholds = INSIGHT_THRESHOLDS,
): Insight[] {
  // By kind in the registry's order; within a kind, what is unlikely to be chance first.
  const rank = (i: Insight) => (i.significance?.couldBeChance ? 1 : 0);
  return INSIGHT_KINDS.flatMap((kind) =>
    insightsOf(kind, result, thresholds)
      .map((insight, k) => ({ insight, k }))
      .sort((a, b) => rank(a.insight) - rank(b.insight) || a.k - b.k)
      .map((x) => x.insight),
  );
}
