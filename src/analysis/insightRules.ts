/**
 * The insight rules for the measures of the floor, the groups and the placements (issue 4 §1–5).
 * Each returns its kind's findings as data (the registry, insightKinds.ts, adds the research);
 * thresholds are in INSIGHT_THRESHOLDS. The prompts build on the same finders.
 */
import { INTERACTION_KINDS } from '../model/kinds';
import type { Metric } from './metrics';
import {
  type ExpectationParams,
  farFromOne,
  farthestFromOne,
  type InsightFinding,
  type InsightThresholds,
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

/** Too few lessons or events in the period for any pattern. */
export function insufficientDataFindings(
  result: AnalysisResult,
): InsightFinding<'insufficientData'>[] {
  const o = result.options;
  if (result.basis.lessons >= o.minLessons && result.basis.events >= o.minEvents) return [];
  return [
    {
      id: 'insufficientData',
      kind: 'insufficientData',
      params: {
        lessons: result.basis.lessons,
        events: result.basis.events,
        minLessons: o.minLessons,
        minEvents: o.minEvents,
      },
      basis: result.basis,
      significance: null,
    },
  ];
}

/** Pupils with no or very few turns (see notAddressedOf). */
export function notAddressedFindings(result: AnalysisResult): InsightFinding<'notAddressed'>[] {
  const out: InsightFinding<'notAddressed'>[] = [];
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
    });
  }
  return out;
}

/** High against low expectation band: expectationGap, and higherOrder for questions. */
export function expectationFindings<K extends 'expectationGap' | 'higherOrder'>(
  result: AnalysisResult,
  t: InsightThresholds,
  kind: K,
): InsightFinding<K>[] {
  const out: InsightFinding<K>[] = [];
  const rowOf = (rows: GroupRow[], g: string) => rows.find((r) => r.group === g);
  for (const c of result.expectation.current.metrics) {
    if (!TEACHER_METRICS.includes(c.metric) || c.test.status !== 'ok') continue;
    if ((c.metric === 'higherOrder') !== (kind === 'higherOrder')) continue;
    const high = rowOf(c.rows, 'high');
    const low = rowOf(c.rows, 'low');
    if (!high || !low || high.rate === null || low.rate === null) continue;
    if (high.pupils < t.minGroupPupils || low.pupils < t.minGroupPupils) continue;
    if (high.rate === 0 && low.rate === 0) continue;
    const ratio = low.rate > 0 ? high.rate / low.rate : Infinity;
    if (!farFromOne(ratio, t.groupRatio)) continue;
    const params: ExpectationParams = {
      metric: c.metric,
      highRate: high.rate,
      lowRate: low.rate,
      highPupils: high.pupils,
      lowPupils: low.pupils,
    };
    if (Number.isFinite(ratio)) params.ratio = ratio;
    out.push(expectationFinding(kind, c.metric, params, c.test.basis, sig(c.test.significance)));
  }
  return out;
}

/** Builds one expectation finding (the kind decides the id; the params are the same shape). */
function expectationFinding<K extends 'expectationGap' | 'higherOrder'>(
  kind: K,
  metric: Metric,
  params: ExpectationParams,
  basis: InsightFinding['basis'],
  significance: InsightFinding['significance'],
): InsightFinding<K> {
  // One object per kind keeps the literal kind and its params together for the compiler.
  const found: { [P in 'expectationGap' | 'higherOrder']: InsightFinding<P> } = {
    expectationGap: {
      id: `expectationGap:${metric}`,
      kind: 'expectationGap',
      params,
      basis,
      significance,
    },
    higherOrder: { id: `higherOrder:${metric}`, kind: 'higherOrder', params, basis, significance },
  };
  return found[kind];
}

/**
 * Per lens and metric, the value farthest from an equity ratio of 1. `accept` narrows the values
 * considered (the prompt takes only the value that gets more corrections, never fewer).
 */
export function lensEquityFindings(
  result: AnalysisResult,
  t: InsightThresholds,
  accept: (metric: Metric, row: GroupRow) => boolean = () => true,
): InsightFinding<'lensEquity'>[] {
  const out: InsightFinding<'lensEquity'>[] = [];
  for (const lens of result.equity) {
    for (const c of lens.metrics) {
      if (!TEACHER_METRICS.includes(c.metric) || c.test.status !== 'ok') continue;
      const found = farthestFromOne(c.rows, t.minGroupPupils, (r) => accept(c.metric, r));
      if (!found || !farFromOne(found.ratio, t.groupRatio)) continue;
      const pick = found.row;
      const group = lens.groups.find((g) => g.group === pick.group);
      out.push({
        id: `lensEquity:${lens.lensId}:${c.metric}`,
        kind: 'lensEquity',
        pupils: group?.pupilIds ?? [],
        params: {
          metric: c.metric,
          lensId: lens.lensId,
          lensName: lens.lensName,
          valueId: pick.group ?? '',
          valueLabel: group?.label ?? '',
          ratio: found.ratio,
          count: pick.count,
          expectedCount: c.total * (pick.presenceShare ?? 0),
        },
        basis: c.test.basis,
        significance: sig(c.test.significance),
      });
    }
  }
  return out;
}

/** Pupils placed off their results, lower and higher. */
export function placementFindings(
  result: AnalysisResult,
): InsightFinding<'expectationVsAchievement'>[] {
  const out: InsightFinding<'expectationVsAchievement'>[] = [];
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
      });
    }
  }
  return out;
}

/**
 * Per lens, the value expected less (or more) of at equal results than the other values: the
 * value whose mean expectation–achievement gap lies farthest from the rest's (`side: 'farthest'`,
 * the card), or lowest below it (`side: 'lower'`, the prompt), by at least `lensGap`.
 */
export function lensGapFindings(
  result: AnalysisResult,
  t: InsightThresholds,
  side: 'farthest' | 'lower' = 'farthest',
): InsightFinding<'lensExpectationGap'>[] {
  const out: InsightFinding<'lensExpectationGap'>[] = [];
  for (const lens of result.achievement.lenses) {
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
        (side === 'lower'
          ? contrast < pick.contrast
          : Math.abs(contrast) > Math.abs(pick.contrast) + 1e-9 ||
            (Math.abs(contrast) > Math.abs(pick.contrast) - 1e-9 && contrast < pick.contrast));
      if (better) pick = { row: r, contrast, rest };
    }
    if (!pick) continue;
    if (side === 'lower' ? pick.contrast > -t.lensGap : Math.abs(pick.contrast) < t.lensGap) {
      continue;
    }
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
    });
  }
  return out;
}

/** Kinds that go to a few pupils, beyond what chance would spread. */
export function concentrationFindings(
  result: AnalysisResult,
  t: InsightThresholds,
): InsightFinding<'concentration'>[] {
  const out: InsightFinding<'concentration'>[] = [];
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
    });
  }
  return out;
}
