/**
 * Measure 1: how each kind is spread over the pupils — counts, rates per lesson present, shares
 * against the equal share, Gini, the most-addressed fifth, and who hardly gets the floor.
 */
import type { Aggregate, ClassIndex } from './indexer';
import { shortfalls, significance } from './honesty';
import { chiSquareUpperTail, giniOfSorted, poissonLowerTail } from './stats';
import { type Rng, rngFor } from '../domain/random';
import type {
  Basis,
  Distribution,
  PupilShare,
  QuietPupil,
  QuietResult,
  QuietStatus,
  ResolvedOptions,
  Significance,
  TopFifth,
} from './types';

/**
 * @param detail false in time buckets: no per-pupil rows (the class figures only), which keeps a
 * year of weekly buckets cheap. Analyse the bucket's lessons for the rows.
 */
export function buildDistribution(
  index: ClassIndex,
  agg: Aggregate,
  m: number,
  withTests: boolean,
  detail = true,
): Distribution {
  const { nP, nM, pupils, options } = index;
  const metric = index.metrics[m] ?? 'turn';
  const total = agg.totals[m] ?? 0;
  const presences = agg.totalPresences;
  const rows: PupilShare[] = [];
  if (detail) {
    for (let i = 0; i < nP; i++) {
      const count = agg.counts[i * nM + m] ?? 0;
      const present = agg.presences[i] ?? 0;
      const share = total > 0 ? count / total : null;
      const expectedShare = presences > 0 ? present / presences : null;
      rows.push({
        pupilId: pupils[i]?.id ?? '',
        count,
        presentLessons: present,
        rate: present > 0 ? count / present : null,
        share,
        expectedShare,
        shareRatio: share !== null && expectedShare ? share / expectedShare : null,
      });
    }
  }
  const basis: Basis = { lessons: agg.lessons, events: total, pupils: agg.pupilsPresent };
  const reasons = shortfalls(basis, options, { pupils: 2 });
  const loggedAfter = agg.afterTotals[m] ?? 0;
  const base = { metric, total, loggedAfter, presences, lessons: agg.lessons, pupils: rows };
  const meanRate = presences > 0 ? total / presences : null;
  if (reasons.length > 0) {
    return { ...base, meanRate, pattern: { status: 'insufficient', basis, reasons } };
  }
  // Pupils present at least once, in id order.
  const present: number[] = [];
  for (let i = 0; i < nP; i++) if ((agg.presences[i] ?? 0) > 0) present.push(i);
  // Plain arrays: small typed arrays cost more to allocate than they save here.
  const pres: number[] = [];
  const counts: number[] = [];
  const rates: number[] = [];
  for (const i of present) {
    const p = agg.presences[i] ?? 0;
    const c = agg.counts[i * nM + m] ?? 0;
    pres.push(p);
    counts.push(c);
    rates.push(c / p);
  }
  const sorted = rates.slice().sort((a, b) => a - b);
  const dispersion = withTests
    ? dispersionTest(pres, counts, rngFor(options.seed, `dispersion:${metric}`), options)
    : null;
  return {
    ...base,
    meanRate,
    pattern: {
      status: 'ok',
      basis,
      gini: giniOfSorted(sorted) ?? 0,
      topFifth: topFifth(present, pres, counts, rates, sorted, index),
      dispersion,
    },
  };
}

function topFifth(
  present: number[],
  pres: readonly number[],
  counts: readonly number[],
  rates: readonly number[],
  sorted: readonly number[],
  index: ClassIndex,
): TopFifth {
  const n = present.length;
  const size = Math.ceil(n / 5);
  // Everyone above the size-th highest rate is in; ties at that rate go by count, then id
  // (pupils are indexed in id order).
  const cut = sorted[n - size] ?? 0;
  const top: number[] = [];
  const tied: number[] = [];
  for (let k = 0; k < n; k++) {
    if ((rates[k] ?? 0) > cut) top.push(k);
    else if (rates[k] === cut) tied.push(k);
  }
  tied.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a - b);
  for (const k of tied) if (top.length < size) top.push(k);
  top.sort(
    (a, b) => (rates[b] ?? 0) - (rates[a] ?? 0) || (counts[b] ?? 0) - (counts[a] ?? 0) || a - b,
  );
  let rateSum = 0;
  let countSum = 0;
  let presSum = 0;
  for (let k = 0; k < n; k++) {
    rateSum += rates[k] ?? 0;
    countSum += counts[k] ?? 0;
    presSum += pres[k] ?? 0;
  }
  let topRate = 0;
  let topCount = 0;
  let topPres = 0;
  for (const k of top) {
    topRate += rates[k] ?? 0;
    topCount += counts[k] ?? 0;
    topPres += pres[k] ?? 0;
  }
  return {
    size,
    pupilIds: top.map((k) => index.pupils[present[k] ?? 0]?.id ?? ''),
    rateShare: rateSum > 0 ? topRate / rateSum : 0,
    evenShare: n > 0 ? size / n : 0,
    countShare: countSum > 0 ? topCount / countSum : 0,
    presenceShare: presSum > 0 ? topPres / presSum : 0,
  };
}

/**
 * Is the spread more unequal than chance would make it if every pupil had the same chance per
 * lesson present? Pearson's dispersion D = Σ (c − E)² / E with E = total · presences / all
 * presences. With at least 5 expected events per pupil on average, p comes from χ² with n − 1
 * degrees of freedom; below that, from a seeded Monte Carlo of the same null.
 */
export function dispersionTest(
  presences: readonly number[],
  counts: readonly number[],
  rng: Rng,
  o: ResolvedOptions,
): Significance {
  const n = presences.length;
  const total = counts.reduce((s, c) => s + c, 0);
  const allP = presences.reduce((s, p) => s + p, 0);
  const expected = presences.map((p) => (total * p) / allP);
  const stat = (cs: ArrayLike<number>) => {
    let d = 0;
    for (let i = 0; i < n; i++) {
      const e = expected[i] ?? 0;
      if (e > 0) d += ((cs[i] ?? 0) - e) ** 2 / e;
    }
    return d;
  };
  const observed = stat(counts);
  if (total >= 5 * n || o.permutations === 0) {
    return significance('dispersion', chiSquareUpperTail(observed, n - 1), observed, null, o);
  }
  const cumulative = new Float64Array(n);
  let acc = 0;
  presences.forEach((p, i) => (cumulative[i] = acc += p / allP));
  const equal = presences.every((p) => p === presences[0]);
  const sim = new Float64Array(n);
  let hits = 0;
  for (let r = 0; r < o.permutations; r++) {
    sim.fill(0);
    for (let e = 0; e < total; e++) {
      const u = rng();
      let i = equal ? Math.floor(u * n) : lowerBound(cumulative, u);
      if (i >= n) i = n - 1;
      sim[i] = (sim[i] ?? 0) + 1;
    }
    if (stat(sim) >= observed - 1e-9 * Math.max(1, observed)) hits++;
  }
  return significance('dispersion', (hits + 1) / (o.permutations + 1), observed, o.permutations, o);
}

function lowerBound(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] ?? 0) > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Pupils with no or very few turns over the last N lessons each of them attended, and over the
 * whole period. "Very few" is a rate at or below `fewFraction` of the class's mean rate over the
 * same kind of stretch (default a third: two turns where classmates average seven). A short window
 * in a class with few turns per pupil cannot show much; the period view and the Poisson p say
 * how unusual the count is.
 */
export function buildQuiet(index: ClassIndex, agg: Aggregate): QuietResult {
  const { nP, nM, pupils, options: o, present, cells } = index;
  const slot = index.slots.turn;
  const lastN = o.lastN;
  const minAttended = Math.max(1, o.minLessons);
  const windows = pupils.map((p, pi) => {
    const ids: number[] = [];
    for (let k = agg.lessonIdxs.length - 1; k >= 0 && ids.length < lastN; k--) {
      const l = agg.lessonIdxs[k] ?? 0;
      if (present[l * nP + pi] === 1) ids.push(l);
    }
    ids.reverse();
    let turns = 0;
    if (slot >= 0) for (const l of ids) turns += cells[(l * nP + pi) * nM + slot] ?? 0;
    const periodTurns = slot >= 0 ? (agg.counts[pi * nM + slot] ?? 0) : 0;
    return { pupilId: p.id, ids, turns, periodAttended: agg.presences[pi] ?? 0, periodTurns };
  });
  const meanRate = (pairs: [number, number][]) => {
    const ok = pairs.filter(([attended]) => attended >= minAttended);
    return ok.length > 0 ? ok.reduce((s, [a, t]) => s + t / a, 0) / ok.length : null;
  };
  const classMeanRate = meanRate(windows.map((w) => [w.ids.length, w.turns]));
  const periodMeanRate = meanRate(windows.map((w) => [w.periodAttended, w.periodTurns]));
  const fewRate = classMeanRate !== null ? classMeanRate * o.fewFraction : null;
  const periodFewRate = periodMeanRate !== null ? periodMeanRate * o.fewFraction : null;
  const total = slot >= 0 ? (agg.totals[slot] ?? 0) : 0;
  const eligible = windows.filter((w) => w.ids.length >= minAttended).length;
  const basis: Basis = { lessons: agg.lessons, events: total, pupils: eligible };
  const reasons = shortfalls(basis, o, { pupils: 2 });
  const judge = (attended: number, turns: number, mean: number | null, few: number | null) => {
    const rate = attended > 0 ? turns / attended : null;
    const expectedTurns = mean !== null ? mean * attended : null;
    let status: QuietStatus = 'insufficient';
    if (reasons.length === 0 && attended >= minAttended && rate !== null) {
      if (!mean || few === null) status = 'typical';
      else if (turns === 0) status = 'none';
      else status = rate <= few + 1e-12 ? 'few' : 'typical';
    }
    const p = expectedTurns ? poissonLowerTail(turns, expectedTurns) : null;
    return { attended, turns, rate, expectedTurns, status, p };
  };
  const rows: QuietPupil[] = windows.map((w) => ({
    pupilId: w.pupilId,
    windowLessonIds: w.ids.map((l) => index.lessons[l]?.id ?? ''),
    ...judge(w.ids.length, w.turns, classMeanRate, fewRate),
    period: judge(w.periodAttended, w.periodTurns, periodMeanRate, periodFewRate),
  }));
  const low = (s: QuietStatus) => s === 'none' || s === 'few';
  return {
    metric: 'turn',
    lastN,
    classMeanRate,
    fewRate,
    period: { classMeanRate: periodMeanRate, fewRate: periodFewRate },
    pupils: rows,
    pattern:
      reasons.length > 0
        ? { status: 'insufficient', basis, reasons }
        : {
            status: 'ok',
            basis,
            flagged: rows.filter((r) => low(r.status)).map((r) => r.pupilId),
            flaggedInPeriod: rows.filter((r) => low(r.period.status)).map((r) => r.pupilId),
          },
  };
}
