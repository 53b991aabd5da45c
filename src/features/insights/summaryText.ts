/**
 * One plain sentence with its counts for a finding in the summary ("Noor kreeg in 22 lessen geen
 * beurt; met het klasgemiddelde zouden het er ongeveer 14 zijn"). Kinds without a shorter
 * sentence of their own use the card's observation, which already names its counts.
 */
import type { Insight } from '../../analysis';
import { t } from '../../i18n';
import { describeInsight, type InsightContext } from './insightText';
import { approx, metricCount, metricPlural, per10 } from './words';

export function summarySentence(insight: Insight, ctx: InsightContext): string {
  switch (insight.kind) {
    case 'notAddressed': {
      const p = insight.params;
      const id = insight.pupils?.[0];
      const turns = p.turns;
      return t('insights:summary.notAddressed', {
        name: (id && ctx.names.get(id)) || t('insights:unknownPupil'),
        lessons: t('insights:count.lessons', { count: p.lessons }),
        turns: turns === 0 ? t('insights:card.notAddressed.noTurn') : metricCount('turn', turns),
        expected: approx(p.expectedTurns),
      });
    }
    case 'expectationGap':
    case 'higherOrder': {
      const p = insight.params;
      const metric = p.metric;
      const rows = ctx.result.expectation.current.metrics.find((m) => m.metric === metric)?.rows;
      const count = (band: string) => rows?.find((r) => r.group === band)?.count;
      const high = count('high');
      const low = count('low');
      if (high === undefined || low === undefined) break;
      return t('insights:summary.expectationMore', {
        high: per10(p.highRate),
        low: per10(p.lowRate),
        metric: metricPlural(metric),
        highCount: metricCount(metric, high),
        lowCount: metricCount(metric, low),
      });
    }
    case 'lensEquity': {
      const p = insight.params;
      return t('insights:summary.lensEquity', {
        lens: p.lensName,
        value: p.valueLabel,
        count: metricCount(p.metric, p.count),
        expected: approx(p.expectedCount),
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
      return `ins-lens-${insight.params.lensId}`;
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
