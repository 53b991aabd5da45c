/** The statistics underneath, each against values worked out by hand. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  binomialTwoSided,
  chiSquareUpperTail,
  gini,
  isoMonth,
  isoWeek,
  midRankPositions,
  spearman,
} from '../../../src/analysis';
import { midRanks, poissonLowerTail } from '../../../src/analysis/stats';

describe('gini', () => {
  const cases: { name: string; values: number[]; expected: number | null }[] = [
    { name: 'an equal spread is 0', values: [2, 2, 2, 2], expected: 0 },
    // Σ|xi−xj| over ordered pairs = 2·3·1 = 6 (one 1 against three 0s, both ways); 2n²x̄ = 2·16·0.25 = 8.
    { name: 'one of four gets everything: (n−1)/n = 0.75', values: [0, 0, 0, 1], expected: 0.75 },
    // sorted 1,2,3,4: Σ(2i−5)x = −3 −2 +3 +12 = 10; nΣx = 40.
    { name: '1, 2, 3, 4 gives 10/40 = 0.25', values: [4, 1, 3, 2], expected: 0.25 },
    // sorted 0, 0.5, 1.75, 3 (the worked example).
    { name: 'the worked example: 10.25/21', values: [3, 1.75, 0.5, 0], expected: 10.25 / 21 },
    {
      name: 'ties: 1, 1, 3, 3 gives (−3 −1 +3 +9)/(4·8) = 0.25',
      values: [1, 3, 1, 3],
      expected: 0.25,
    },
    { name: 'a single value is 0', values: [7], expected: 0 },
    { name: 'nothing at all is undefined', values: [0, 0, 0], expected: null },
    { name: 'no values is undefined', values: [], expected: null },
  ];
  it.each(cases)('$name', ({ values, expected }) => {
    const g = gini(values);
    if (expected === null) expect(g).toBeNull();
    else expect(g).toBeCloseTo(expected, 12);
  });

  it('property: always in [0, 1], and at most (n−1)/n', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (xs) => {
          const g = gini(xs);
          if (g === null) return xs.every((x) => x === 0);
          return g >= 0 && g <= 1 && g <= (xs.length - 1) / xs.length + 1e-9;
        },
      ),
    );
  });

  it('property: an equal spread gives 0 whatever the level', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        (x, n) => Math.abs(gini(Array.from({ length: n }, () => x)) ?? 1) < 1e-12,
      ),
    );
  });

  it('property: scaling every value leaves it unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 30 }),
        fc.integer({ min: 2, max: 9 }),
        (xs, k) => {
          const a = gini(xs);
          const b = gini(xs.map((x) => x * k));
          return a === null ? b === null : Math.abs(a - (b ?? -1)) < 1e-12;
        },
      ),
    );
  });
});

describe('ranks and positions', () => {
  it('mid-ranks give ties the mean of the ranks they span', () => {
    expect(Array.from(midRanks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
  });
  const cases: { values: number[]; expected: number[] }[] = [
    // (below + ½·equal)/n with the value itself among the equal ones.
    { values: [4, 3, 2, 1], expected: [0.875, 0.625, 0.375, 0.125] },
    { values: [8, 6, 7, 7], expected: [0.875, 0.125, 0.5, 0.5] },
    { values: [5, 5, 5], expected: [0.5, 0.5, 0.5] },
    { values: [9], expected: [0.5] },
  ];
  it.each(cases)('mid-rank positions of $values are $expected', ({ values, expected }) => {
    expect(Array.from(midRankPositions(values))).toEqual(expected);
  });

  const rho: { name: string; x: number[]; y: number[]; expected: number | null }[] = [
    { name: 'same order is 1', x: [1, 2, 3, 4], y: [10, 20, 30, 40], expected: 1 },
    { name: 'reverse order is −1', x: [1, 2, 3, 4], y: [9, 7, 5, 1], expected: -1 },
    // ranks x 1,2,4,3; y 1.5,3,4,1.5 → Σdxdy = 3, Σdx² = 5, Σdy² = 4.5.
    {
      name: 'with ties (the worked example): 3/√22.5',
      x: [1, 2, 4, 3],
      y: [0, 0.25, 0.5, 0],
      expected: 3 / Math.sqrt(22.5),
    },
    { name: 'no spread on one side is undefined', x: [1, 2, 3], y: [5, 5, 5], expected: null },
  ];
  it.each(rho)('spearman: $name', ({ x, y, expected }) => {
    const r = spearman(x, y);
    if (expected === null) expect(r).toBeNull();
    else expect(r).toBeCloseTo(expected, 12);
  });
});

describe('tail probabilities', () => {
  const chi: { x: number; df: number; expected: number }[] = [
    // df = 2: P = e^(−x/2).
    { x: 2, df: 2, expected: Math.exp(-1) },
    { x: 10, df: 2, expected: Math.exp(-5) },
    // df = 1: P = erfc(√(x/2)); 3.841459 is the 5% point.
    { x: 3.841459, df: 1, expected: 0.05 },
    // df = 3, the worked example (erfc(√(x/2)) + √(2x/π)·e^(−x/2)).
    { x: 71 / 6, df: 3, expected: 0.0079764527 },
    { x: 0, df: 4, expected: 1 },
  ];
  it.each(chi)('χ² upper tail of $x on $df df is $expected', ({ x, df, expected }) => {
    expect(chiSquareUpperTail(x, df)).toBeCloseTo(expected, 6);
  });

  it.each([
    { k: 0, lambda: 2, expected: Math.exp(-2) },
    { k: 2, lambda: 2, expected: Math.exp(-2) * (1 + 2 + 2) },
    { k: 1, lambda: 9, expected: Math.exp(-9) * 10 },
    { k: 3, lambda: 0, expected: 1 },
  ])('Poisson P(X ≤ $k) with mean $lambda is $expected', ({ k, lambda, expected }) => {
    expect(poissonLowerTail(k, lambda)).toBeCloseTo(expected, 12);
  });

  const binom: { k: number; n: number; p: number; expected: number }[] = [
    // Fair coin, 0 of 10: 2 · (1/2)^10.
    { k: 0, n: 10, p: 0.5, expected: 2 / 1024 },
    // Fair coin, 5 of 10: everything is at most as likely → 1.
    { k: 5, n: 10, p: 0.5, expected: 1 },
    // 1 of 6 with p = 0.5: outcomes 0,1,5,6 → (1 + 6 + 6 + 1)/64.
    { k: 1, n: 6, p: 0.5, expected: 14 / 64 },
    // 0 of 8 with p = 0.6: 0.4^8 plus every outcome no more likely (only j = 0 here… and none above).
    { k: 0, n: 8, p: 0.6, expected: 0.4 ** 8 },
  ];
  it.each(binom)('two-sided binomial: $k of $n at p = $p', ({ k, n, p, expected }) => {
    expect(binomialTwoSided(k, n, p)).toBeCloseTo(expected, 10);
  });
});

describe('calendar buckets', () => {
  const weeks: { date: string; key: string; from: string; to: string }[] = [
    { date: '2025-02-05', key: '2025-W06', from: '2025-02-03', to: '2025-02-09' },
    // 1 January 2021 is a Friday: it belongs to week 53 of 2020.
    { date: '2021-01-01', key: '2020-W53', from: '2020-12-28', to: '2021-01-03' },
    // 29 December 2025 is a Monday in week 1 of 2026.
    { date: '2025-12-29', key: '2026-W01', from: '2025-12-29', to: '2026-01-04' },
    { date: '2025-02-09', key: '2025-W06', from: '2025-02-03', to: '2025-02-09' },
  ];
  it.each(weeks)('$date is in ISO week $key ($from–$to)', ({ date, key, from, to }) => {
    expect(isoWeek(date)).toEqual({ key, from, to });
  });
  it('months run from the first to the last day, leap years included', () => {
    expect(isoMonth('2024-02-14')).toEqual({
      key: '2024-02',
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(isoMonth('2025-12-31')).toEqual({
      key: '2025-12',
      from: '2025-12-01',
      to: '2025-12-31',
    });
  });
});
