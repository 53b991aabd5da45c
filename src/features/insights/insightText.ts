/**
 * Turns an Insight (data, from deriveInsights) into words: an observation about the teacher's own
 * pattern, a reflective question, what it rests on and whether it could be chance. Never a label
 * for a pupil, never a score for the teacher. The words of each kind: insightKinds.ts. Pure apart
 * from i18next.
 */
import type { Insight } from '../../analysis';
import { t } from '../../i18n';
import { insightParts } from './insightKinds';
import type { InsightContext } from './insightWords';
import { basisText, researchText, significanceDetail, significanceText } from './words';

export { gapText, type InsightContext } from './insightWords';

export interface InsightWords {
  observation: string;
  question: string;
  /** Could it be chance (with the counts), or is it unlikely to be; null when no test applies. */
  chance: string | null;
  /** Statistics for "more detail" (p-values, rank correlation), each a plain sentence. */
  detail: string[];
  basis: string;
  research: string | null;
}

export function describeInsight(insight: Insight, ctx: InsightContext): InsightWords {
  const { observation, question, counts, detail } = insightParts(insight, ctx);
  const sig = insight.significance;
  return {
    observation,
    question,
    chance: sig ? significanceText(sig, counts) : null,
    detail: [
      ...(detail ?? []),
      ...(sig && sig.p !== undefined
        ? significanceDetail({ p: sig.p, adjustedP: sig.adjustedP }, ctx.result.options.q)
        : []),
    ],
    basis: t('insights:card.basis', { basis: insightBasis(insight) }),
    research: insight.research.length > 0 ? researchText(insight.research) : null,
  };
}

/**
 * What a card rests on, its events named by what they are ("245 beurten", "13 complimenten en
 * correcties", "56 toetsresultaten"): never "interacties" for a count that is not the period's
 * interactions at the top of the screen.
 */
export function insightBasis(insight: Insight): string {
  const b = insight.basis;
  const metric = insight.kind === 'notAddressed' ? 'turn' : insight.params.metric;
  if (metric) return basisText(b, metric);
  const lessons = t('insights:count.lessons', { count: b.lessons });
  const pupils = t('insights:count.pupils', { count: b.pupils });
  if (insight.kind === 'praiseCorrection') {
    return [lessons, t('insights:count.feedback', { count: b.events }), pupils].join(', ');
  }
  if (insight.kind === 'expectationVsAchievement' || insight.kind === 'lensExpectationGap') {
    return [lessons, t('insights:count.results', { count: b.events }), pupils].join(', ');
  }
  return basisText(b);
}
