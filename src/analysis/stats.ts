/** Small, exact-as-possible statistics on plain arrays. No allocation-heavy helpers. */

/**
 * Gini coefficient of non-negative values:
 *   G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄)  =  Σᵢ (2i − n − 1) x₍ᵢ₎ / (n Σ x)   (x₍ᵢ₎ ascending, i = 1..n)
 * 0 when everyone has the same; at most (n − 1)/n when one has everything. Null when Σ x = 0.
 */
export function gini(values: ArrayLike<number>): number | null {
  return giniOfSorted(Array.from(values).sort((a, b) => a - b));
}

/** Gini of values already sorted ascending. */
export function giniOfSorted(xs: ArrayLike<number>): number | null {
  const n = xs.length;
  if (n === 0) return null;
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i] ?? 0;
    sum += x;
    weighted += (2 * (i + 1) - n - 1) * x;
  }
  if (sum <= 0) return null;
  // Clamp rounding noise (an equal spread can give -1e-17).
  return Math.min(1, Math.max(0, weighted / (n * sum)));
}

/** 1-based ranks, ties get the mean of the ranks they span. */
export function midRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (values[a] ?? 0) - (values[b] ?? 0),
  );
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    const v = values[order[i] ?? 0];
    while (j + 1 < n && values[order[j + 1] ?? 0] === v) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k] ?? 0] = rank;
    i = j + 1;
  }
  return ranks;
}

/**
 * Position of each value within the group, in (0, 1): (number below + half the number equal,
 * itself included) / n — the mid-rank percentile. One value alone sits at 0.5.
 */
export function midRankPositions(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const ranks = midRanks(values);
  return ranks.map((r) => (r - 0.5) / n);
}

/** Pearson correlation; null when either side has no spread or fewer than 2 values. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (n < 2 || y.length !== n) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] ?? 0;
    my += y[i] ?? 0;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - mx;
    const dy = (y[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx <= 1e-12 || syy <= 1e-12) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Spearman rank correlation: Pearson on mid-ranks (handles ties). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  return pearson(midRanks(x), midRanks(y));
}

export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] ?? 0;
  return s / values.length;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0] ?? 0;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] ?? 0) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised upper incomplete gamma Q(a, x) (series below a + 1, continued fraction above). */
function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lnPre = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lnPre));
  }
  // Lentz's continued fraction.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.min(1, Math.exp(lnPre) * h);
}

/** P(χ²_df ≥ x). */
export function chiSquareUpperTail(x: number, df: number): number {
  if (df <= 0) return 1;
  return gammaQ(df / 2, x / 2);
}

/** P(X ≤ k) for X ~ Poisson(lambda). */
export function poissonLowerTail(k: number, lambda: number): number {
  if (lambda <= 0) return 1;
  if (k < 0) return 0;
  let total = 0;
  for (let j = 0; j <= Math.floor(k); j++) {
    total += Math.exp(-lambda + j * Math.log(lambda) - logGamma(j + 1));
  }
  return Math.min(1, total);
}

/**
 * Exact two-sided binomial test: the probability of an outcome no more likely than k successes
 * in n trials with success chance p.
 */
export function binomialTwoSided(k: number, n: number, p: number): number {
  if (n <= 0) return 1;
  if (p <= 0) return k === 0 ? 1 : 0;
  if (p >= 1) return k === n ? 1 : 0;
  const lnChoose = (j: number) => logGamma(n + 1) - logGamma(j + 1) - logGamma(n - j + 1);
  const lnP = (j: number) => lnChoose(j) + j * Math.log(p) + (n - j) * Math.log(1 - p);
  const observed = lnP(k);
  let total = 0;
  for (let j = 0; j <= n; j++) {
    const lj = lnP(j);
    // Relative tolerance so outcomes exactly as likely as the observed one count.
    if (lj <= observed + 1e-7) total += Math.exp(lj);
  }
  return Math.min(1, total);
}
