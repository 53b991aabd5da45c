/**
 * Insights in words. The observation, question, chance and counts come from the insights screen's
 * own `describeInsight` (plain data in, words out), so coach and teacher read exactly the same
 * sentences; here only a title per kind is added (the coach's remarks hang under it) and the
 * labels a remark's subject needs.
 */
import { INSIGHT_KINDS, type AnalysisResult, type Insight, type InsightKind } from '../../analysis';
import { scaleSize } from '../../domain/scales';
import type { ExpectationScale, Id } from '../../model/types';
import { t } from '../../i18n';
import { INSIGHT_PRESENTATION } from '../insights/insightKinds';
import { describeInsight as insightWords, type InsightWords } from '../insights/insightText';

const isKind = (kind: string): kind is InsightKind =>
  (INSIGHT_KINDS as readonly string[]).includes(kind);

export interface InsightText extends InsightWords {
  title: string;
}

/** A metric's name in the coach's words (`coach:metric.*`, shorter than the insights screen's). */
export function coachMetricLabel(metric: string): string {
  return t(`coach:metric.${metric}`, { defaultValue: metric });
}

/** The title of an insight kind (`general` and unknown kinds: "the package as a whole"). */
export function kindTitle(kind: string): string {
  return isKind(kind) ? INSIGHT_PRESENTATION[kind].coachTitle() : t('coach:remarks.general');
}

/** Title plus the insights screen's words; `names` maps pupil ids to a name or a code. */
export function describeCoachInsight(
  insight: Insight,
  result: AnalysisResult,
  names: ReadonlyMap<Id, string>,
  scale: ExpectationScale,
): InsightText {
  return {
    title: kindTitle(insight.kind),
    ...insightWords(insight, { result, names, scaleSteps: scaleSize(scale) }),
  };
}
