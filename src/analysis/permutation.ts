/**
 * Seeded permutation tests. The null hypothesis is always "the group label of a pupil has nothing
 * to do with the numbers": labels are shuffled over pupils (never over single events, because one
 * pupil's events are not independent of each other), keeping the group sizes.
 *
 * Sequential Monte Carlo (Besag & Clifford 1991): a test stops as soon as STOP_AFTER shuffles were
 * at least as extreme as the data, with p = STOP_AFTER / shuffles used — clearly unremarkable
 * patterns then cost a few dozen shuffles instead of thousands. A test that never gets there runs
 * all `permutations` and p = (hits + 1) / (permutations + 1). Both are valid p-values, and the
 * same seed gives the same p.
 */
import { type Rng, shuffleInPlace } from '../domain/random';

export const STOP_AFTER = 20;

/** Relative tolerance so floating-point noise never turns a tie into a miss. */
function floorOf(observed: number): number {
  return observed - 1e-9 * Math.max(1, Math.abs(observed));
}

/**
 * Pearson's χ²-like distance of the groups' counts from a proportional spread:
 *   S = Σ_g (C_g − E_g)² / E_g,  E_g = C_total · P_g / P_total
 * where P are presences (pupil-lessons). 0 when every group gets exactly its share.
 */
export function proportionalDistance(
  groupPresences: Float64Array,
  groupCounts: Float64Array,
  stride: number,
  metric: number,
  totalPresences: number,
  totalCount: number,
): number {
  if (totalPresences <= 0 || totalCount <= 0) return 0;
  let s = 0;
  for (let g = 0; g < groupPresences.length; g++) {
    const e = (totalCount * (groupPresences[g] ?? 0)) / totalPresences;
    if (e <= 0) continue;
    const d = (groupCounts[g * stride + metric] ?? 0) - e;
    s += (d * d) / e;
  }
  return s;
}

export interface TestOutcome {
  statistic: Float64Array;
  p: Float64Array;
  /** Shuffles actually used per test. */
  iterations: Float64Array;
}

/** Hits per test, and which tests are still running. */
class Tally {
  readonly hits: Float64Array;
  readonly stoppedAt: Float64Array;
  readonly active: Int32Array;
  count: number;

  constructor(tests: number) {
    this.hits = new Float64Array(tests);
    this.stoppedAt = new Float64Array(tests);
    this.active = Int32Array.from({ length: tests }, (_, i) => i);
    this.count = tests;
  }

  /** Records one shuffle (0-based round r) for the k-th active test. */
  record(k: number, hit: boolean, r: number): void {
    if (!hit) return;
    const j = this.active[k] ?? 0;
    const h = (this.hits[j] ?? 0) + 1;
    this.hits[j] = h;
    if (h >= STOP_AFTER) this.stoppedAt[j] = r + 1;
  }

  /** Drops the tests that reached STOP_AFTER. */
  compact(): void {
    let k = 0;
    for (let i = 0; i < this.count; i++) {
      const j = this.active[i] ?? 0;
      if ((this.stoppedAt[j] ?? 0) === 0) this.active[k++] = j;
    }
    this.count = k;
  }

  outcome(statistic: Float64Array, permutations: number): TestOutcome {
    const p = new Float64Array(statistic.length);
    const iterations = new Float64Array(statistic.length);
    for (let j = 0; j < statistic.length; j++) {
      const stop = this.stoppedAt[j] ?? 0;
      const hits = this.hits[j] ?? 0;
      p[j] = stop > 0 ? hits / stop : (hits + 1) / (permutations + 1);
      iterations[j] = stop > 0 ? stop : permutations;
    }
    return { statistic, p, iterations };
  }
}

/**
 * Tests, for every metric at once (the same shuffles serve all metrics), whether counts are spread
 * over the groups in proportion to the groups' presences.
 * @param labels group index per participant (0..groups-1)
 * @param presences presences per participant
 * @param counts participant-major counts: counts[i * metrics + m]
 */
export function groupProportionTest(
  labels: Int32Array,
  groups: number,
  presences: Float64Array,
  counts: Float64Array,
  metrics: number,
  permutations: number,
  rng: Rng,
): TestOutcome {
  const n = labels.length;
  const gp = new Float64Array(groups);
  const gc = new Float64Array(groups * metrics);
  const totals = new Float64Array(metrics);
  let totalP = 0;
  for (let i = 0; i < n; i++) {
    totalP += presences[i] ?? 0;
    for (let m = 0; m < metrics; m++) totals[m] = (totals[m] ?? 0) + (counts[i * metrics + m] ?? 0);
  }
  // The largest group is never summed: it is the total minus the others (halves the work for
  // two groups). Hot loop (active metrics × shuffles): indexed arithmetic, no allocation.
  const sizes = new Int32Array(groups);
  for (let i = 0; i < n; i++) sizes[labels[i] ?? 0] = (sizes[labels[i] ?? 0] ?? 0) + 1;
  let big = 0;
  for (let g = 1; g < groups; g++) if ((sizes[g] ?? 0) > (sizes[big] ?? 0)) big = g;
  const tally = new Tally(metrics);
  const fill = (lab: Int32Array) => {
    const act = tally.active;
    const k = tally.count;
    gp.fill(0);
    gc.fill(0);
    for (let i = 0; i < n; i++) {
      const g = lab[i] ?? 0;
      if (g === big) continue;
      gp[g] = (gp[g] ?? 0) + (presences[i] ?? 0);
      const dst = g * metrics;
      const src = i * metrics;
      for (let j = 0; j < k; j++) {
        const m = act[j] ?? 0;
        gc[dst + m] = (gc[dst + m] ?? 0) + (counts[src + m] ?? 0);
      }
    }
    let restP = totalP;
    for (let g = 0; g < groups; g++) if (g !== big) restP -= gp[g] ?? 0;
    gp[big] = restP;
    for (let j = 0; j < k; j++) {
      const m = act[j] ?? 0;
      let rest = totals[m] ?? 0;
      for (let g = 0; g < groups; g++) if (g !== big) rest -= gc[g * metrics + m] ?? 0;
      gc[big * metrics + m] = rest;
    }
  };
  fill(labels);
  const statistic = new Float64Array(metrics);
  const bar = new Float64Array(metrics);
  for (let m = 0; m < metrics; m++) {
    const s = proportionalDistance(gp, gc, metrics, m, totalP, totals[m] ?? 0);
    statistic[m] = s;
    bar[m] = floorOf(s);
  }
  const shuffled = Int32Array.from(labels);
  for (let r = 0; r < permutations && tally.count > 0; r++) {
    shuffleInPlace(shuffled, rng);
    fill(shuffled);
    for (let k = 0; k < tally.count; k++) {
      const m = tally.active[k] ?? 0;
      const s = proportionalDistance(gp, gc, metrics, m, totalP, totals[m] ?? 0);
      tally.record(k, s >= (bar[m] ?? 0), r);
    }
    tally.compact();
  }
  return tally.outcome(statistic, permutations);
}

/**
 * Tests whether a per-pupil value (e.g. the expectation–achievement gap) differs between groups.
 * Statistic: the between-group sum of squares Σ_g n_g (mean_g − grand mean)².
 */
export function groupMeanTest(
  labels: Int32Array,
  groups: number,
  values: Float64Array,
  permutations: number,
  rng: Rng,
): { statistic: number; p: number; iterations: number } {
  const n = labels.length;
  let grand = 0;
  for (let i = 0; i < n; i++) grand += values[i] ?? 0;
  grand = n > 0 ? grand / n : 0;
  const sums = new Float64Array(groups);
  const sizes = new Float64Array(groups);
  const between = (lab: Int32Array) => {
    sums.fill(0);
    sizes.fill(0);
    for (let i = 0; i < n; i++) {
      const g = lab[i] ?? 0;
      sums[g] = (sums[g] ?? 0) + (values[i] ?? 0);
      sizes[g] = (sizes[g] ?? 0) + 1;
    }
    let s = 0;
    for (let g = 0; g < groups; g++) {
      const size = sizes[g] ?? 0;
      if (size > 0) s += size * ((sums[g] ?? 0) / size - grand) ** 2;
    }
    return s;
  };
  const statistic = between(labels);
  const bar = floorOf(statistic);
  const shuffled = Int32Array.from(labels);
  const tally = new Tally(1);
  for (let r = 0; r < permutations && tally.count > 0; r++) {
    shuffleInPlace(shuffled, rng);
    tally.record(0, between(shuffled) >= bar, r);
    tally.compact();
  }
  const out = tally.outcome(Float64Array.of(statistic), permutations);
  return { statistic, p: out.p[0] ?? 1, iterations: out.iterations[0] ?? permutations };
}

/**
 * Two-sided tests of rank correlations between several x variables and several y variables over
 * the same pupils, sharing one stream of shuffles. Per pair the statistic is
 * |Σ (rx − mean)(ry − mean)|, which orders permutations exactly as |Spearman's rho| does.
 * @returns statistic and p per pair, pair index = xi * ys.length + yi
 */
export function correlationTests(
  xRanks: readonly Float64Array[],
  yRanks: readonly Float64Array[],
  permutations: number,
  rng: Rng,
): TestOutcome {
  const n = xRanks[0]?.length ?? 0;
  const mid = (n + 1) / 2;
  const dx = xRanks.map((xs) => xs.map((r) => r - mid));
  const dy = yRanks.map((ys) => ys.map((r) => r - mid));
  const pairs = dx.length * dy.length;
  const statistic = new Float64Array(pairs);
  const bar = new Float64Array(pairs);
  dx.forEach((x, a) =>
    dy.forEach((y, b) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += (x[i] ?? 0) * (y[i] ?? 0);
      statistic[a * dy.length + b] = Math.abs(s);
      bar[a * dy.length + b] = floorOf(Math.abs(s));
    }),
  );
  const tally = new Tally(pairs);
  const ny = dy.length;
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  for (let r = 0; r < permutations && tally.count > 0; r++) {
    shuffleInPlace(perm, rng);
    for (let k = 0; k < tally.count; k++) {
      const pair = tally.active[k] ?? 0;
      const x = dx[Math.floor(pair / ny)] ?? dx[0];
      const y = dy[pair % ny] ?? dy[0];
      let s = 0;
      if (x && y) for (let i = 0; i < n; i++) s += (x[perm[i] ?? 0] ?? 0) * (y[i] ?? 0);
      tally.record(k, Math.abs(s) >= (bar[pair] ?? 0), r);
    }
    tally.compact();
  }
  return tally.outcome(statistic, permutations);
}
