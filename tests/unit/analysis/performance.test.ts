/**
 * The synthetic school year the benchmark analyses. How fast it is analysed (budget: 100 ms of
 * CPU per class-year, issue 4) is measured only by the benchmark (scripts/bench/analysis.mjs,
 * `npm run bench`): a timed assertion here failed on a loaded 2-core machine.
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
