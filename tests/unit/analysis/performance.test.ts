/**
 * The synthetic school year of the analysis benchmark. Its time budget (100 ms per class-year) is
 * measured by scripts/bench/analysis.mjs only: a timed assertion in a unit test flakes on a loaded
 * machine (issue 12 §8). Here: the year has the benchmark's size and its built-in bias is found.
 */
import { describe, expect, it } from 'vitest';
import { analyseClass, deriveInsights } from '../../../src/analysis';
import { syntheticClass } from './support/synthetic';

describe('performance', () => {
  const data = syntheticClass({ seed: 42 });

  it('the synthetic year has the size of the benchmark: 30 pupils, 200 lessons, ~25,000 events', () => {
    expect(data.pupils).toHaveLength(30);
    expect(data.lessons).toHaveLength(200);
    expect(data.events.length).toBeGreaterThan(23_000);
    expect(data.events.length).toBeLessThan(27_000);
  });

  it('finds the built-in bias of the synthetic year (high expectations, twice the turns)', () => {
    const insights = deriveInsights(analyseClass(data, { today: '2025-07-01' }));
    const turn = insights.find((i) => i.id === 'expectationGap:turn');
    expect(turn?.significance?.couldBeChance).toBe(false);
    expect(Number(turn?.params.ratio)).toBeGreaterThan(1.7);
    expect(Number(turn?.params.ratio)).toBeLessThan(2.3);
  });
});
