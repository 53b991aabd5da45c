/**
 * Rules about groups: what pupils expected much of get against those expected little of (the
 * differential-treatment signature), and lens groups (equity ratio; expectation at equal results).
 * Every one needs the analysis' permutation test to call the difference unlikely to be chance.
 */
import {
  distanceFromOne,
  expectationFindings,
  lensEquityFindings,
  lensGapFindings,
  type InsightFinding,
  type Metric,
} from '../../analysis';
import { firm, insightThresholds } from '../findings';
import { removedPupils } from '../helpers';
import { R } from '../research';
import type { Prompt, PromptRule, RuleFn } from '../types';

/**
 * The card's expectation finding for the metric (high against low band), prompted when it is
 * unlikely to be chance and the high group gets more: at least `groupRatio` times the low rate.
 */
function byExpectation(rule: PromptRule, metric: Metric, research: readonly string[]): RuleFn {
  return ({ result }, t) => {
    const kind = metric === 'higherOrder' ? 'higherOrder' : 'expectationGap';
    const found = expectationFindings(result, insightThresholds(t), kind).find(
      (f) => f.params.metric === metric,
    );
    if (!found || !firm(found)) return [];
    const { highRate, lowRate, highPupils, lowPupils, ratio } = found.params;
    if (highRate <= lowRate) return [];
    const removed = removedPupils(result);
    const lowIds = (
      result.expectation.current.groups.find((g) => g.group === 'low')?.pupilIds ?? []
    ).filter((id) => !removed.has(id));
    const params: Prompt['params'] = {
      metric,
      highRate,
      lowRate,
      highPupils,
      lowPupils,
      p: found.significance?.p ?? 1,
    };
    if (ratio !== undefined) params.ratio = ratio;
    return [
      { key: rule, rule, pupilIds: lowIds, params, basis: found.basis, research: [...research] },
    ];
  };
}

// Within one class, high against low expectation: Brophy & Good 1970 (not Rubie-Davies 2007,
// who compared high- and low-expectation teachers).
export const higherOrderByExpectation = byExpectation('higherOrderByExpectation', 'higherOrder', [
  R.brophyGood1970,
  R.kerman1979,
]);
export const followUpByExpectation = byExpectation('followUpByExpectation', 'followUp', [
  R.brophyGood1970,
  R.kerman1979,
]);
export const turnsByExpectation = byExpectation('turnsByExpectation', 'turn', [
  R.rosenthalJacobson1968,
  R.brophyGood1970,
]);
export const praiseByExpectation = byExpectation('praiseByExpectation', 'praise', [
  R.brophyGood1970,
  R.kerman1979,
]);

/** Metrics whose spread over lens groups says something about the teacher's choices. */
export const LENS_METRICS: readonly Metric[] = [
  'turn',
  'higherOrder',
  'followUp',
  'praise',
  'corrections',
];

/**
 * Per lens, one prompt: of the card's lens findings (the value whose equity ratio lies farthest
 * from 1, at least `groupRatio` or at most its inverse) on these metrics that are unlikely to be
 * chance, the one farthest from 1. For corrections only the value that gets more of them counts.
 * Other metrics that also qualify are named, not given a prompt of their own.
 */
export const lensEquity: RuleFn = ({ result, data }, t) => {
  const out: Prompt[] = [];
  const removed = removedPupils(result);
  const moreCorrections = (metric: Metric, row: { ratio: number | null }) =>
    metric !== 'corrections' || (row.ratio ?? 0) > 1;
  const findings = lensEquityFindings(result, insightThresholds(t), moreCorrections).filter(
    (f) => LENS_METRICS.includes(f.params.metric) && firm(f),
  );
  const byLens = new Map<string, InsightFinding<'lensEquity'>[]>();
  for (const f of findings)
    byLens.set(f.params.lensId, [...(byLens.get(f.params.lensId) ?? []), f]);
  for (const [lensId, found] of byLens) {
    // Farthest from 1 first; on a tie the metric listed first in LENS_METRICS.
    found.sort(
      (a, b) =>
        distanceFromOne(b.params.ratio) - distanceFromOne(a.params.ratio) ||
        LENS_METRICS.indexOf(a.params.metric) - LENS_METRICS.indexOf(b.params.metric),
    );
    const top = found[0]!;
    const p = top.params;
    const label =
      data.lenses.find((l) => l.id === lensId)?.values.find((v) => v.id === p.valueId)?.label ??
      p.valueLabel;
    const variant = p.metric === 'corrections' ? 'corrections' : p.ratio > 1 ? 'more' : undefined;
    out.push({
      ...(variant ? { variant } : {}),
      key: `lensEquity:${lensId}`,
      rule: 'lensEquity',
      pupilIds: (top.pupils ?? []).filter((id) => !removed.has(id)),
      params: {
        metric: p.metric,
        lensId,
        lensName: p.lensName,
        valueId: p.valueId,
        valueLabel: label,
        ratio: p.ratio,
        count: p.count,
        expectedCount: p.expectedCount,
        p: top.significance?.p ?? 1,
        alsoMetrics: found
          .slice(1)
          .map((f) => f.params.metric)
          .join(','),
      },
      basis: top.basis,
      research: [R.reinholzShah2018, R.vandenBergh2021],
    });
  }
  return out;
};

/**
 * Per lens: the value whose pupils are expected clearly less of than their results suggest,
 * compared with the other values (mean expectation–achievement gap), where the permutation test
 * calls the difference between the values unlikely to be chance.
 */
export const lensExpectationGap: RuleFn = ({ result, data }, t) => {
  const out: Prompt[] = [];
  const removed = removedPupils(result);
  // The card's finder, asked for the value placed lowest below the other values.
  for (const f of lensGapFindings(result, insightThresholds(t), 'lower')) {
    if (!firm(f)) continue;
    const p = f.params;
    const group = p.valueId;
    const label =
      data.lenses.find((l) => l.id === p.lensId)?.values.find((v) => v.id === group)?.label ?? '';
    const members = data.pupils
      .filter((x) => x.lensValues[p.lensId] === group && !removed.has(x.id))
      .map((x) => x.id);
    out.push({
      key: `lensExpectationGap:${p.lensId}`,
      rule: 'lensExpectationGap',
      pupilIds: members.filter((id) => result.pupils.some((x) => x.pupilId === id)),
      params: {
        lensId: p.lensId,
        lensName: p.lensName,
        valueId: group,
        valueLabel: label,
        meanGap: p.meanGap,
        restMeanGap: p.restMeanGap,
        difference: p.restMeanGap - p.meanGap,
        pupils: p.pupils,
        p: f.significance?.p ?? 1,
      },
      basis: f.basis,
      research: [R.vandenBergh2021, R.denessen2022],
    });
  }
  return out;
};
