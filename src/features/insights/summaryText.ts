/**
 * One plain sentence with its counts for a finding in the summary ("Noor kreeg in 22 lessen geen
 * beurt; met het klasgemiddelde zouden het er ongeveer 14 zijn"). Kinds without a shorter
 * sentence of their own use the card's observation, which already names its counts.
 */
import type { Insight, Metric } from '../../analysis';
import { t } from '../../i18n';
import { describeInsight, type InsightContext } from './insightText';
import { approx, metricCount, metricPlural, per10 } from './words';

const num = (v: number | string | undefined): number => (typeof v === 'number' ? v : Number(v));

export function summarySentence(insight: Insight, ctx: InsightContext): string {
  const p = insight.params;
  switch (insight.kind) {
    case 'notAddressed': {
      const id = insight.pupils?.[0];
      const turns = num(p.turns);
      return t('insights:summary.notAddressed', {
        name: (id && ctx.names.get(id)) || t('insights:unknownPupil'),
        lessons: t('insights:count.lessons', { count: num(p.lessons) }),
        turns: turns === 0 ? t('insights:card.notAddressed.noTurn') : metricCount('turn', turns),
        expected: approx(num(p.expectedTurns)),
      });
    }
    case 'expectationGap':
    case 'higherOrder': {
      const metric = String(p.metric) as Metric;
      const rows = ctx.result.expectation.current.metrics.find((m) => m.metric === metric)?.rows;
      const count = (band: string) => rows?.find((r) => r.group === band)?.count;
      const high = count('high');
      const low = count('low');
      if (high === undefined || low === undefined) break;
      return t('insights:summary.expectationMore', {
        high: per10(num(p.highRate)),
        low: per10(num(p.lowRate)),
        metric: metricPlural(metric),
        highCount: metricCount(metric, high),
        lowCount: metricCount(metric, low),
      });
    }
    case 'lensEquity': {
      const metric = String(p.metric) as Metric;
      return t('insights:summary.lensEquity', {
        lens: String(p.lensName),
        value: String(p.valueLabel),
        count: metricCount(metric, num(p.count)),
        expected: approx(num(p.expectedCount)),
      });
    }
    default:
      break;
  }
  return describeInsight(insight, ctx).observation;
}

/** The section of the screen that holds the evidence of a finding. */
export function sectionOf(insight: Insight): string {
  switch (insight.kind) {
    case 'notAddressed':
    case 'concentration':
      return 'ins-floor';
    case 'praiseCorrection':
      return 'ins-feedback';
    case 'expectationGap':
    case 'higherOrder':
      return 'ins-expectation';
    case 'lensEquity':
      return `ins-lens-${String(insight.params.lensId)}`;
    case 'expectationVsAchievement':
    case 'lensExpectationGap':
      return 'ins-placement';
    case 'relationshipCorrection':
    case 'relationshipRegard':
      return 'ins-relationship';
    default:
      return 'ins-cards';
  }
}
