/**
 * The summary at the top of the insights screen: at most five findings the analysis marks as
 * unlikely to be chance, the largest of each kind first.
 */
import { describe, expect, it } from 'vitest';
import { analyseClass, deriveInsights, type Insight, type InsightKind } from '../../src/analysis';
import { generateDemoClass } from '../../src/domain/demo/generate';
import { findingSize, firmestFindings } from '../../src/features/insights/firmest';

const basis = { lessons: 10, events: 100, pupils: 20 };
// Only the params a size reads: a partial insight, on purpose (hence the cast).
const insight = (
  id: string,
  kind: InsightKind,
  params: Record<string, number>,
  couldBeChance: boolean | null = false,
): Insight =>
  ({
    id,
    kind,
    params,
    basis,
    significance: couldBeChance === null ? null : { p: couldBeChance ? 0.3 : 0.001, couldBeChance },
    research: [],
  }) as unknown as Insight;

describe('findingSize', () => {
  it.each([
    [
      'no turns where 14 were expected',
      insight('a', 'notAddressed', { turns: 0, expectedTurns: 14 }),
      1,
    ],
    ['7 of 14', insight('a', 'notAddressed', { turns: 7, expectedTurns: 14 }), 0.5],
    ['a ratio of 3', insight('b', 'lensEquity', { ratio: 3 }), 1],
    ['a ratio of 1', insight('b', 'lensEquity', { ratio: 1 }), 0],
    ['a third', insight('b', 'lensEquity', { ratio: 1 / 3 }), 1],
    ['none for the low band', insight('c', 'expectationGap', { highRate: 0.2, lowRate: 0 }), 1],
    [
      'top fifth 0.6 of an even 0.2',
      insight('d', 'concentration', { topFifthShare: 0.6, evenShare: 0.2 }),
      0.5,
    ],
  ])('%s', (_, i, size) => expect(findingSize(i)).toBeCloseTo(size, 6));
});

describe('firmestFindings', () => {
  it('keeps only what is unlikely to be chance, at most five, one of each kind first', () => {
    const list = [
      insight('g1', 'expectationGap', { highRate: 0.6, lowRate: 0.2 }),
      insight('g2', 'expectationGap', { highRate: 0.5, lowRate: 0.2 }),
      insight('g3', 'expectationGap', { highRate: 0.4, lowRate: 0.2 }),
      insight('chance', 'lensEquity', { ratio: 0.1 }, true),
      insight('untested', 'expectationVsAchievement', { count: 2 }, null),
      insight('n1', 'notAddressed', { turns: 1, expectedTurns: 4 }),
      insight('n2', 'notAddressed', { turns: 0, expectedTurns: 4 }),
      insight('l1', 'lensEquity', { ratio: 1.6 }),
      insight('l2', 'lensEquity', { ratio: 2 }),
    ];
    expect(firmestFindings(list).map((i) => i.id)).toEqual(['g1', 'n2', 'n1', 'l2', 'g2']);
    expect(firmestFindings(list, 2)).toHaveLength(2);
    expect(firmestFindings([])).toEqual([]);
  });

  it('the demo class: Kacper, who hardly gets a turn, is among the five', () => {
    const demo = generateDemoClass({ seed: 20_250_901, today: new Date(2025, 2, 14) });
    const result = analyseClass({ ...demo, cls: demo.class }, { today: '2025-03-14' });
    const insights = deriveInsights(result);
    const firm = firmestFindings(insights);
    expect(firm.length).toBeGreaterThan(0);
    expect(firm.length).toBeLessThanOrEqual(5);
    for (const f of firm) expect(f.significance?.couldBeChance).toBe(false);
    const kacper = demo.pupils.find((p) => p.name === 'Kacper')?.id;
    expect(firm.some((f) => f.kind === 'notAddressed' && f.pupils?.[0] === kacper)).toBe(true);
    // One of each family first: never two expectation findings before every family had a turn.
    const expectation = firm.filter((f) => f.kind === 'expectationGap' || f.kind === 'higherOrder');
    expect(expectation).toHaveLength(1);
  });
});
