/**
 * Rules about groups: what pupils expected much of get against those expected little of (the
 * differential-treatment signature), and lens groups (equity ratio; expectation at equal results).
 * Every one needs the analysis' permutation test to call the difference unlikely to be chance.
 */
import type { Basis, GroupRow, Metric } from '../../analysis';
import { farFromOne, isSignificant, removedPupils } from '../helpers';
import { R } from '../research';
import type { Prompt, PromptRule, RuleFn } from '../types';

/** The high-expectation group gets at least `groupRatio` times the low group's rate. */
function byExpectation(rule: PromptRule, metric: Metric, research: readonly string[]): RuleFn {
  return ({ result }, t) => {
    const current = result.expectation.current;
    const c = current.metrics.find((m) => m.metric === metric);
    if (!c || c.test.status !== 'ok' || !isSignificant(c.test.significance)) return [];
    const high = c.rows.find((r) => r.group === 'high');
    const low = c.rows.find((r) => r.group === 'low');
    if (!high || !low || high.rate === null || low.rate === null) return [];
    if (high.pupils < t.minGroupPupils || low.pupils < t.minGroupPupils) return [];
    if (high.rate <= low.rate) return [];
    const ratio = low.rate > 0 ? high.rate / low.rate : Infinity;
    if (ratio < t.groupRatio) return [];
    const removed = removedPupils(result);
    const lowIds = (current.groups.find((g) => g.group === 'low')?.pupilIds ?? []).filter(
      (id) => !removed.has(id),
    );
    const params: Prompt['params'] = {
      metric,
      highRate: high.rate,
      lowRate: low.rate,
      highPupils: high.pupils,
      lowPupils: low.pupils,
      p: c.test.significance.p,
    };
    if (Number.isFinite(ratio)) params.ratio = ratio;
    return [
      { key: rule, rule, pupilIds: lowIds, params, basis: c.test.basis, research: [...research] },
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

const distance = (ratio: number) => Math.abs(Math.log(Math.max(ratio, 1e-9)));

/**
 * Per lens, one prompt: of the metrics whose spread over the lens values is unlikely to be chance,
 * the value whose equity ratio lies farthest from 1 (at least `groupRatio` or at most its
 * inverse). Other metrics that also qualify are named, not given a prompt of their own.
 */
export const lensEquity: RuleFn = ({ result, data }, t) => {
  const out: Prompt[] = [];
  const removed = removedPupils(result);
  for (const lens of result.equity) {
    const found: {
      metric: Metric;
      row: GroupRow;
      ratio: number;
      total: number;
      p: number;
      basis: Basis;
    }[] = [];
    for (const c of lens.metrics) {
      if (!LENS_METRICS.includes(c.metric)) continue;
      if (c.test.status !== 'ok' || !isSignificant(c.test.significance)) continue;
      let pick: GroupRow | null = null;
      for (const r of c.rows) {
        if (r.group === null || r.ratio === null || r.pupils < t.minGroupPupils) continue;
        // For corrections only the group that gets more of them is the observation.
        if (c.metric === 'corrections' && r.ratio <= 1) continue;
        if (!pick || distance(r.ratio) > distance(pick.ratio ?? 1)) pick = r;
      }
      if (!pick || pick.ratio === null || !farFromOne(pick.ratio, t.groupRatio)) continue;
      found.push({
        metric: c.metric,
        row: pick,
        ratio: pick.ratio,
        total: c.total,
        p: c.test.significance.p,
        basis: c.test.basis,
      });
    }
    if (found.length === 0) continue;
    // Farthest from 1 first; on a tie the metric listed first in LENS_METRICS.
    found.sort(
      (a, b) =>
        distance(b.ratio) - distance(a.ratio) ||
        LENS_METRICS.indexOf(a.metric) - LENS_METRICS.indexOf(b.metric),
    );
    const top = found[0]!;
    const value = top.row.group;
    const label =
      data.lenses.find((l) => l.id === lens.lensId)?.values.find((v) => v.id === value)?.label ??
      lens.groups.find((g) => g.group === value)?.label ??
      '';
    const members = lens.groups.find((g) => g.group === value)?.pupilIds ?? [];
    const variant =
      top.metric === 'corrections' ? 'corrections' : top.ratio > 1 ? 'more' : undefined;
    out.push({
      ...(variant ? { variant } : {}),
      key: `lensEquity:${lens.lensId}`,
      rule: 'lensEquity',
      pupilIds: members.filter((id) => !removed.has(id)),
      params: {
        metric: top.metric,
        lensId: lens.lensId,
        lensName: lens.lensName,
        valueId: value ?? '',
        valueLabel: label,
        ratio: top.ratio,
        count: top.row.count,
        expectedCount: top.total * (top.row.presenceShare ?? 0),
        p: top.p,
        alsoMetrics: found
          .slice(1)
          .map((f) => f.metric)
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
  for (const lens of result.achievement.lenses) {
    if (lens.test.status !== 'ok' || !isSignificant(lens.test.significance)) continue;
    const set = lens.rows.filter((r) => r.group !== null && r.meanGap !== null && r.pupils > 0);
    let pick: { group: string; gap: number; rest: number; pupils: number } | null = null;
    for (const r of set) {
      if (r.pupils < t.minGroupPupils || r.group === null || r.meanGap === null) continue;
      const others = set.filter((x) => x !== r);
      const n = others.reduce((s, x) => s + x.pupils, 0);
      if (n === 0) continue;
      const rest = others.reduce((s, x) => s + (x.meanGap ?? 0) * x.pupils, 0) / n;
      if (!pick || r.meanGap - rest < pick.gap - pick.rest) {
        pick = { group: r.group, gap: r.meanGap, rest, pupils: r.pupils };
      }
    }
    if (!pick || pick.gap - pick.rest > -t.lensGap) continue;
    const group = pick.group;
    const label =
      data.lenses.find((l) => l.id === lens.lensId)?.values.find((v) => v.id === group)?.label ??
      '';
    const members = data.pupils
      .filter((p) => p.lensValues[lens.lensId] === group && !removed.has(p.id))
      .map((p) => p.id);
    out.push({
      key: `lensExpectationGap:${lens.lensId}`,
      rule: 'lensExpectationGap',
      pupilIds: members.filter((id) => result.pupils.some((p) => p.pupilId === id)),
      params: {
        lensId: lens.lensId,
        lensName: lens.lensName,
        valueId: group,
        valueLabel: label,
        meanGap: pick.gap,
        restMeanGap: pick.rest,
        difference: pick.rest - pick.gap,
        pupils: pick.pupils,
        p: lens.test.significance.p,
      },
      basis: lens.test.basis,
      research: [R.vandenBergh2021, R.denessen2022],
    });
  }
  return out;
};
