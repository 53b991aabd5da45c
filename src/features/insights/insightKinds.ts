/**
 * The presentation of every kind of insight: its words, the figure a card opens, and the title
 * the coach's remarks hang under. One entry per kind of the analysis' registry
 * (src/analysis/insightKinds.ts): a kind without one does not compile. Recipe:
 * docs/architecture.md, "Add an insight".
 */
import type { Insight, InsightKind, Metric } from '../../analysis';
import { t } from '../../i18n';
import type { Drill } from './drill';
import {
  concentrationWords,
  expectationWords,
  insufficientDataWords,
  lensEquityWords,
  lensGapWords,
  notAddressedWords,
  placementWords,
  praiseCorrectionWords,
  relationshipWords,
  type InsightContext,
  type InsightParts,
} from './insightWords';
import type { InsightsView } from './view';

export interface InsightPresentation<K extends InsightKind> {
  /** Observation, question and counts (chance, basis and research are added for every kind). */
  words: (insight: Insight<K>, ctx: InsightContext) => InsightParts;
  /** The figure the card's "show what is behind it" opens; null for none. */
  drill: (insight: Insight<K>, view: InsightsView) => Drill | null;
  /** The coach's heading for the kind (the remarks on it hang under it). */
  coachTitle: () => string;
}

type PresentationMap = { [K in InsightKind]: InsightPresentation<K> };

const inScope = (view: InsightsView, metrics: Metric[]) =>
  metrics.filter((m) => view.result.metrics.includes(m));

const onePupil = (insight: Insight) =>
  insight.pupils?.length === 1 ? insight.pupils[0] : undefined;

/** Both expectation kinds open the high and low bands on the card's metric. */
function expectationDrill(
  insight: Insight<'expectationGap' | 'higherOrder'>,
  view: InsightsView,
): Drill {
  const groups = view.result.expectation.current.groups;
  const members = (g: string) => groups.find((x) => x.group === g)?.pupilIds ?? [];
  return {
    type: 'group',
    title: t('insights:cards.highAndLow'),
    pupilIds: [...members('high'), ...members('low')],
    metric: insight.params.metric,
  };
}

const none = () => null;

export const INSIGHT_PRESENTATION: PresentationMap = {
  insufficientData: {
    words: insufficientDataWords,
    drill: none,
    coachTitle: () => t('coach:insight.insufficientData.title'),
  },
  notAddressed: {
    words: notAddressedWords,
    drill: (insight, view) => {
      const one = onePupil(insight);
      return one ? { type: 'pupil', pupilId: one, metrics: inScope(view, ['turn']) } : null;
    },
    coachTitle: () => t('coach:insight.notAddressed.title'),
  },
  expectationGap: {
    words: expectationWords,
    drill: expectationDrill,
    coachTitle: () => t('coach:insight.expectationGap.title'),
  },
  higherOrder: {
    words: expectationWords,
    drill: expectationDrill,
    coachTitle: () => t('coach:insight.higherOrder.title'),
  },
  lensEquity: {
    words: lensEquityWords,
    drill: (insight) =>
      insight.pupils && insight.pupils.length > 0
        ? {
            type: 'group',
            title: `${insight.params.lensName}: ${insight.params.valueLabel}`,
            pupilIds: insight.pupils,
            metric: insight.params.metric,
          }
        : null,
    coachTitle: () => t('coach:insight.lensEquity.title'),
  },
  expectationVsAchievement: {
    words: placementWords,
    drill: none,
    coachTitle: () => t('coach:insight.expectationVsAchievement.title'),
  },
  lensExpectationGap: {
    words: lensGapWords,
    drill: none,
    coachTitle: () => t('coach:insight.lensExpectationGap.title'),
  },
  praiseCorrection: {
    words: praiseCorrectionWords,
    drill: (insight, view) => {
      const one = onePupil(insight);
      return one
        ? {
            type: 'pupil',
            pupilId: one,
            metrics: inScope(view, ['praise', 'correctionWork', 'correctionBehaviour']),
          }
        : null;
    },
    coachTitle: () => t('coach:insight.praiseCorrection.title'),
  },
  concentration: {
    words: concentrationWords,
    drill: (insight) =>
      insight.pupils && insight.pupils.length > 0
        ? {
            type: 'group',
            title: t('insights:cards.topFifth'),
            pupilIds: insight.pupils,
            metric: insight.params.metric,
          }
        : null,
    coachTitle: () => t('coach:insight.concentration.title'),
  },
  relationshipCorrection: {
    words: relationshipWords,
    drill: none,
    coachTitle: () => t('coach:insight.relationshipCorrection.title'),
  },
  relationshipRegard: {
    words: relationshipWords,
    drill: none,
    coachTitle: () => t('coach:insight.relationshipRegard.title'),
  },
};

// Generic over the kind, so the insight and its entry stay paired for the compiler.
function partsOf<K extends InsightKind>(kind: K, insight: Insight<K>, ctx: InsightContext) {
  return INSIGHT_PRESENTATION[kind].words(insight, ctx);
}

function drillOf<K extends InsightKind>(kind: K, insight: Insight<K>, view: InsightsView) {
  return INSIGHT_PRESENTATION[kind].drill(insight, view);
}

/** One insight's observation, question and counts. */
export function insightParts(insight: Insight, ctx: InsightContext): InsightParts {
  return partsOf(insight.kind, insight, ctx);
}

/** Which figure an insight rests on, to open from the card. */
export function drillFor(insight: Insight, view: InsightsView): Drill | null {
  return drillOf(insight.kind, insight, view);
}
