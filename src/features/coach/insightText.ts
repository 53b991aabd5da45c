/**
 * Insights in words. The observation, question, chance and counts come from the insights screen's
 * own `describeInsight` (plain data in, words out), so coach and teacher read exactly the same
 * sentences; here only a title per kind is added (the coach's remarks hang under it) and the
 * labels a remark's subject needs.
 */
import { INSIGHT_KINDS, type AnalysisResult, type Insight } from '../../analysis';
import type { ExpectationScale, Id } from '../../model/types';
import { t } from '../../i18n';
import { describeInsight as insightWords, type InsightWords } from '../insights/insightText';

const KINDS = new Set<string>(INSIGHT_KINDS);

export interface InsightText extends InsightWords {
  title: string;
}

export function metricLabel(metric: string): string {
  return t(`coach:metric.${metric}`, { defaultValue: metric });
}

/** The title of an insight kind (`general` and unknown kinds: "the package as a whole"). */
export function kindTitle(kind: string): string {
  return KINDS.has(kind) ? t(`coach:insight.${kind}.title`) : t('coach:remarks.general');
}

export function scaleSteps(scale: ExpectationScale): number {
  return scale.kind === 'levels' ? scale.levels.length : 5;
}

/** Title plus the insights screen's words; `names` maps pupil ids to a name or a code. */
export function describeInsight(
  insight: Insight,
  result: AnalysisResult,
  names: ReadonlyMap<Id, string>,
  scale: ExpectationScale,
): InsightText {
  return {
    title: kindTitle(insight.kind),
    ...insightWords(insight, { result, names, scaleSteps: scaleSteps(scale) }),
  };
}
