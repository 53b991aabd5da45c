/**
 * The insight rules for the measures of the floor, the groups and the placements (issue 4 §1–5).
 * Each returns observations as data; thresholds are in INSIGHT_THRESHOLDS.
 */
import { INTERACTION_KINDS } from '../model/kinds';
import {
  farFromOne,
  type Insight,
  type InsightThresholds,
  RESEARCH as R,
  sig,
  TEACHER_METRICS,
} from './insightTypes';
import { adjustedP, type ChanceFamily, quietKey, survives } from './chance';
import type { AnalysisResult, GroupRow, QuietPupil, QuietWindow } from './types';

export interface NotAddressed {
  window: 'recent' | 'period';
  stretch: QuietWindow;
  /** The Poisson p of the stretch says so few turns are unlikely to be chance. */
  notChance: boolean;
}

/**
 * The one rule for "hardly addressed", shared by the insight card and the prompt: no turns, or a
 * rate at or below `fewFraction` of the class mean (the analysis' quiet status), over the pupil's
 * recent lessons or else the whole period. A stretch that is also unlikely to be chance comes
 * first, so a recent run that could be chance does not hide a clear pattern over the period.
 */
export function notAddressedOf(q: QuietPupil, family: ChanceFamily): NotAddressed | null {
  const low = (w: QuietWindow) => w.status === 'none' || w.status === 'few';
  const stretches: [NotAddressed['window'], QuietWindow][] = [
    ['recent', q],
    ['period', q.period],
  ];
  // Unlikely to be chance only when the stretch's test survives the class's family (chance.ts).
  const notChance = ([window, w]: [NotAddressed['window'], QuietWindow]) =>
    w.p !== null && survives(family, quietKey(family, q.pupilId, window));
  const pick = stretches.find((s) => low(s[1]) && notChance(s)) ?? stretches.find((s) => low(s[1]));
  return pick ? { window: pick[0], stretch: pick[1], notChance: notChance(pick) } : null;
}

/** Pupils with no or very few turns (see notAddressedOf). */
export function notAddressedInsights(result: AnalysisResult): Insight[] {
  const out: Insight[] = [];
  const quiet = result.quiet;
  if (quiet.pattern.status !== 'ok') return out;
  for (const q of quiet.pupils) {
    const found = notAddressedOf(q, result.chance);
    if (!found) continue;
    const w = found.stretch;
    out.push({
      id: `notAddressed:${q.pupilId}`,
      kind: 'notAddressed',
      pupils: [q.pupilId],
      params: {
        window: found.window,
        status: w.status,
        turns: w.turns,
        lessons: w.attended,
        expectedTurns: w.expectedTurns ?? 0,
      },
      basis: quiet.pattern.basis,
      significance:
        w.p === null
          ? null
          : {
              p: w.p,
              couldBeChance: !found.notChance,
              adjustedP: adjustedP(result.chance, quietKey(result.chance, q.pupilId, found.window)),
            },
      research: [...R.floor],
    });
  }
  return out;
}

/** High against low expectation band: expectationGap, and higherOrder for questions. */
export function expectationInsights(result: AnalysisResult, t: InsightThresholds): Insight[] {
  const out: Insight[] = [];
  const rowOf = (rows: GroupRow[], g: string) => rows.find((r) => r.group === g);
  for (const c of result.expectation.current.metrics) {
    if (!TEACHER_METRICS.includes(c.metric) || c.test.status !== 'ok') continue;
    const high = rowOf(c.rows, 'high');
    const low = rowOf(c.rows, 'low');
    if (!high || !low || high.rate === null || low.rate === null) continue;
    if (high.pupils < t.minGroupPupils || low.pupils < t.minGroupPupils) continue;
    if (high.rate === 0 && low.rate === 0) continue;
    const ratio = low.rate > 0 ? high.rate / low.rate : Infinity;
    if (!farFromOne(ratio, t.groupRatio)) continue;
    const params: Record<string, number | string> = {
      metric: c.metric,
      highRate: high.rate,
      lowRate: low.rate,
      highPupils: high.pupils,
      lowPupils: low.pupils,
    };
    if (Number.isFinite(ratio)) params.ratio = ratio;
    const higher = c.metric === 'higherOrder';
    out.push({
      id: `${higher ? 'higherOrder' : 'expectationGap'}:${c.metric}`,
      kind: higher ? 'higherOrder' : 'expectationGap',
      params,
      basis: c.test.basis,
      significance: sig(c.test.significance),
      research: [...(higher ? R.higherOrder : R.expectation)],
    });
  }
  return out;
}

/** Per lens and metric, the value furthest from an equity ratio of 1. */
export function lensEquityInsights(result: AnalysisResult, t: InsightThresholds): Insight[] {
  const out: Insight[] = [];
  for (const lens of result.equity) {
    for (const c of lens.metrics) {
      if (!TEACHER_METRICS.includes(c.metric) || c.test.status !== 'ok') continue;
      let pick: GroupRow | null = null;
      for (const r of c.rows) {
        if (r.group === null || r.ratio === null || r.pupils < t.minGroupPupils) continue;
        const dist = Math.abs(Math.log(Math.max(r.ratio, 1e-9)));
        if (!pick || dist > Math.abs(Math.log(Math.max(pick.ratio ?? 1, 1e-9)))) pick = r;
      }
      if (!pick || pick.ratio === null || !farFromOne(pick.ratio, t.groupRatio)) continue;
      const label = lens.groups.find((g) => g.group === pick.group)?.label ?? '';
      out.push({
        id: `lensEquity:${lens.lensId}:${c.metric}`,
        kind: 'lensEquity',
        pupils: lens.groups.find((g) => g.group === pick.group)?.pupilIds ?? [],
        params: {
          metric: c.metric,
          lensId: lens.lensId,
          lensName: lens.lensName,
          valueId: pick.group ?? '',
          valueLabel: label,
          ratio: pick.ratio,
          count: pick.count,
          expectedCount: c.total * (pick.presenceShare ?? 0),
        },
        basis: c.test.basis,
        significance: sig(c.test.significance),
        research: [...R.equity],
      });
    }
  }
  return out;
}

/** Pupils placed off their results, and lens values expected less of at equal results. */
export function placementInsights(result: AnalysisResult, t: InsightThresholds): Insight[] {
  const out: Insight[] = [];
  const a = result.achievement;
  if (a.pattern.status === 'ok') {
    for (const direction of ['lower', 'higher'] as const) {
      const ids = a.pattern[direction];
      if (ids.length === 0) continue;
      out.push({
        id: `expectationVsAchievement:${direction}`,
        kind: 'expectationVsAchievement',
        pupils: ids,
        params: { direction, count: ids.length, threshold: a.threshold, footing: a.footing },
        basis: a.pattern.basis,
        significance: null,
        research: [...R.placement],
      });
    }
  }
  for (const lens of a.lenses) {
    if (lens.test.status !== 'ok') continue;
    // Each value against the other set values: how much lower (or higher) is it placed?
    const set = lens.rows.filter((r) => r.group !== null && r.meanGap !== null);
    let pick: { row: (typeof set)[number]; contrast: number; rest: number } | null = null;
    for (const r of set) {
      if (r.pupils < t.minGroupPupils) continue;
      const others = set.filter((x) => x !== r);
      const n = others.reduce((sum, x) => sum + x.pupils, 0);
      if (n === 0) continue;
      const rest = others.reduce((sum, x) => sum + (x.meanGap ?? 0) * x.pupils, 0) / n;
      const contrast = (r.meanGap ?? 0) - rest;
      // On a tie (two values mirror each other) the value placed lower is the observation.
      const better =
        !pick ||
        Math.abs(contrast) > Math.abs(pick.contrast) + 1e-9 ||
        (Math.abs(contrast) > Math.abs(pick.contrast) - 1e-9 && contrast < pick.contrast);
      if (better) pick = { row: r, contrast, rest };
    }
    if (!pick || Math.abs(pick.contrast) < t.lensGap) continue;
    const group = pick.row.group;
    const label =
      result.equity.find((e) => e.lensId === lens.lensId)?.groups.find((g) => g.group === group)
        ?.label ?? '';
    out.push({
      id: `lensExpectationGap:${lens.lensId}`,
      kind: 'lensExpectationGap',
      params: {
        lensId: lens.lensId,
        lensName: lens.lensName,
        valueId: group ?? '',
        valueLabel: label,
        meanGap: pick.row.meanGap ?? 0,
        restMeanGap: pick.rest,
        pupils: pick.row.pupils,
      },
      basis: lens.test.basis,
      significance: sig(lens.test.significance),
      research: [...R.lensGap],
    });
  }
  return out;
}

/** Kinds that go to a few pupils, beyond what chance would spread. */
export function concentrationInsights(result: AnalysisResult, t: InsightThresholds): Insight[] {
  const out: Insight[] = [];
  for (const d of result.distribution) {
    if (!(INTERACTION_KINDS as readonly string[]).includes(d.metric) || d.pattern.status !== 'ok') {
      continue;
    }
    const { gini, topFifth, dispersion } = d.pattern;
    if (topFifth.rateShare < t.topFifthShare && gini < t.gini) continue;
    // Few events make any spread look unequal: only a spread beyond chance is reported.
    if (!dispersion || dispersion.couldBeChance) continue;
    out.push({
      id: `concentration:${d.metric}`,
      kind: 'concentration',
      pupils: topFifth.pupilIds,
      params: {
        metric: d.metric,
        gini,
        topFifthShare: topFifth.rateShare,
        topFifthSize: topFifth.size,
        evenShare: topFifth.evenShare,
        // What the words say: their part of the events against their part of the presences
        // (the floor section's figures; the gate above stays on the rates).
        countShare: topFifth.countShare,
        presenceShare: topFifth.presenceShare,
      },
      basis: d.pattern.basis,
      significance: sig(dispersion),
      research: [...R.concentration],
    });
  }
  return out;
}
