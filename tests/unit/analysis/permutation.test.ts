/** The seeded, sequential permutation tests underneath every "could be chance". */
import { describe, expect, it } from 'vitest';
import {
  correlationTests,
  groupMeanTest,
  groupProportionTest,
  STOP_AFTER,
} from '../../../src/analysis/permutation';
import { rngFor } from '../../../src/domain/random';

describe('permutation tests', () => {
  it('stop after 20 shuffles as extreme as the data: nothing to see gives p = 1 after 20', () => {
    const t = groupMeanTest(
      Int32Array.of(0, 0, 1, 1),
      2,
      Float64Array.of(3, 3, 3, 3),
      2000,
      rngFor(1, 'a'),
    );
    expect(STOP_AFTER).toBe(20);
    expect(t).toEqual({ statistic: 0, p: 1, iterations: 20 });
  });

  it('run all shuffles when the data stand out: p = (0 + 1)/(2000 + 1)', () => {
    // Ten pupils with 9 events a lesson against ten with 1, equal presences: C(20,10) labellings,
    // only two as extreme.
    const labels = Int32Array.from({ length: 20 }, (_, i) => (i < 10 ? 0 : 1));
    const pres = new Float64Array(20).fill(5);
    const counts = Float64Array.from({ length: 20 }, (_, i) => (i < 10 ? 45 : 5));
    const t = groupProportionTest(labels, 2, pres, counts, 1, 2000, rngFor(1, 'b'));
    // χ²: E = 250 each; (450 − 250)²/250 · 2 = 320.
    expect(t.statistic[0]).toBeCloseTo(320, 9);
    expect(t.p[0]).toBe(1 / 2001);
    expect(t.iterations[0]).toBe(2000);
  });

  it('test all metrics with the same shuffles; each stops on its own', () => {
    const labels = Int32Array.from({ length: 20 }, (_, i) => (i < 10 ? 0 : 1));
    const pres = new Float64Array(20).fill(5);
    // Metric 0 differs strongly between the groups, metric 1 is the same for everyone.
    const counts = Float64Array.from({ length: 40 }, (_, k) => (k % 2 === 1 ? 7 : k < 20 ? 45 : 5));
    const t = groupProportionTest(labels, 2, pres, counts, 2, 2000, rngFor(1, 'b'));
    expect(Array.from(t.iterations)).toEqual([2000, 20]);
    expect(Array.from(t.p)).toEqual([1 / 2001, 1]);
  });

  it('a perfect rank correlation over eight pupils is not chance; no correlation is', () => {
    const x = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    const t = correlationTests(
      [x],
      [x, Float64Array.of(4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5)],
      2000,
      rngFor(3, 'c'),
    );
    expect(Array.from(t.p)).toEqual([1 / 2001, 1]);
    expect(Array.from(t.iterations)).toEqual([2000, 20]);
  });

  it('the same seed and key give the same p; another key gives another stream', () => {
    const labels = Int32Array.of(0, 0, 0, 1, 1, 1, 2, 2);
    const pres = Float64Array.of(4, 4, 3, 4, 4, 2, 4, 4);
    const counts = Float64Array.of(6, 5, 3, 4, 3, 1, 5, 4);
    const run = (key: string) =>
      groupProportionTest(labels, 3, pres, counts, 1, 2000, rngFor(5, key));
    expect(run('k')).toEqual(run('k'));
    expect(run('k').p[0]).not.toBe(run('other').p[0]);
  });
});
