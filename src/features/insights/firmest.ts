/**
 * Which findings lead the summary at the top of the insights screen: only what the analysis marks
 * as unlikely to be chance, the largest first. "Largest" puts the kinds on one footing from 0
 * (no difference) to about 1 (as large as it gets), so a pupil with no turns and a twofold group
 * difference can be compared. Pure: no DOM, no i18n.
 */
import type { Insight } from '../../analysis';

/** At most this many findings in the summary: what a teacher reads in a minute. */
export const SUMMARY_MAX = 5;

const clamp = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
/** A ratio as a size: 1 → 0, 3× (or a third) → 1. */
const ratioSize = (r: number): number => (r > 0 ? clamp(Math.abs(Math.log(r)) / Math.log(3)) : 1);

/** How large a finding is, from 0 to 1 (see the file comment). */
export function findingSize(insight: Insight): number {
  switch (insight.kind) {
    case 'notAddressed': {
      const { expectedTurns, turns } = insight.params;
      return expectedTurns > 0 ? clamp(1 - turns / expectedTurns) : 0;
    }
    case 'expectationGap':
    case 'higherOrder': {
      const { highRate: high, lowRate: low } = insight.params;
      if (high === 0 || low === 0) return 1;
      return ratioSize(high / low);
    }
    case 'lensEquity':
      return ratioSize(insight.params.ratio);
    case 'concentration': {
      const even = insight.params.evenShare;
      return even < 1 ? clamp((insight.params.topFifthShare - even) / (1 - even)) : 0;
    }
    case 'praiseCorrection': {
      const p = insight.params;
      const all = p.praise + p.correctionWork + p.correctionBehaviour;
      return p.restPositiveShare > 0 && all > 0
        ? clamp(1 - p.praise / all / p.restPositiveShare)
        : 0;
    }
    case 'lensExpectationGap':
      return clamp(Math.abs(insight.params.meanGap - insight.params.restMeanGap) * 2);
    case 'relationshipCorrection':
    case 'relationshipRegard': {
      const { rho, rateRated3to5: upper, rateRated1to2: lower } = insight.params;
      const bands =
        upper !== undefined && lower !== undefined && upper > 0 && lower > 0
          ? ratioSize(upper / lower)
          : 0;
      return Math.max(rho !== undefined && Number.isFinite(rho) ? clamp(Math.abs(rho)) : 0, bands);
    }
    default:
      return 0;
  }
}

/**
 * The firmest findings: those the analysis marks as unlikely to be chance (after its correction
 * for the many tests it runs), the largest of each kind first; ties keep the analysis's order.
 */
export function firmestFindings(insights: readonly Insight[], max = SUMMARY_MAX): Insight[] {
  const firm = insights
    .map((insight, index) => ({ insight, index, size: findingSize(insight), round: 0 }))
    .filter(({ insight }) => insight.significance !== null && !insight.significance.couldBeChance)
    .sort((a, b) => b.size - a.size || a.index - b.index);
  // The largest of each family first, then the second of each, and so on: five findings that all
  // say "expected much of" would hide a pupil who hardly gets a turn. Every pupil without turns
  // is a family of their own (as on the cards).
  const seen = new Map<string, number>();
  for (const f of firm) {
    const key = familyOf(f.insight);
    f.round = seen.get(key) ?? 0;
    seen.set(key, f.round + 1);
  }
  return firm
    .sort((a, b) => a.round - b.round || b.size - a.size || a.index - b.index)
    .slice(0, max)
    .map(({ insight }) => insight);
}

/** Kinds that tell the same story share a family in the summary. */
function familyOf(insight: Insight): string {
  switch (insight.kind) {
    case 'notAddressed':
      return insight.id;
    case 'expectationGap':
    case 'higherOrder':
      return 'expectation';
    case 'relationshipCorrection':
    case 'relationshipRegard':
      return 'relationship';
    default:
      return insight.kind;
  }
}
