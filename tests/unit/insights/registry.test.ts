/**
 * The insight registry: the analysis' descriptors and the screens' presentation entries cover the
 * same kinds in the same order (the types force an entry per kind; this pins the order), every
 * threshold is read by some kind, and every card cites its kind's research.
 */
import { describe, expect, it } from 'vitest';
import {
  analyseClass,
  deriveInsights,
  INSIGHT_KINDS,
  INSIGHT_THRESHOLDS,
  INSIGHTS,
} from '../../../src/analysis';
import { INSIGHT_PRESENTATION } from '../../../src/features/insights/insightKinds';
import { ClassBuilder } from '../analysis/support/build';

describe('insight registry', () => {
  it('the order of the kinds is the registry order, in analysis and presentation alike', () => {
    expect(INSIGHT_KINDS).toEqual(Object.keys(INSIGHTS));
    expect(Object.keys(INSIGHT_PRESENTATION)).toEqual([...INSIGHT_KINDS]);
    expect(new Set(INSIGHT_KINDS).size).toBe(INSIGHT_KINDS.length);
  });

  it('every threshold is read by at least one kind', () => {
    const read = new Set(INSIGHT_KINDS.flatMap((k) => INSIGHTS[k].thresholds));
    expect([...read].sort()).toEqual(Object.keys(INSIGHT_THRESHOLDS).sort());
  });

  it('derived insights come in registry order and cite their kind’s research', () => {
    const ids = Array.from({ length: 8 }, (_, i) => `p${i}`);
    const b = new ClassBuilder().pupils(...ids).lessons(6);
    ids.forEach((id, i) => {
      b.expectation(id, '2025-01-10', i < 4 ? 4 : 0);
      if (i < 4) b.everyLesson(id, 'turn', 3, { questionLevel: 'higher', initiative: 'called' });
      else if (i < 7)
        b.everyLesson(id, 'turn', 1, { questionLevel: 'recall', initiative: 'called' });
    });
    const insights = deriveInsights(analyseClass(b.build(), { today: '2025-03-31' }));
    expect(insights.length).toBeGreaterThan(0);
    const order = insights.map((i) => INSIGHT_KINDS.indexOf(i.kind));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    for (const i of insights) expect(i.research).toEqual([...INSIGHTS[i.kind].research]);
  });
});
