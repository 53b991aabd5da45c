import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classRecentRate,
  suggestNext,
  whoNextWeights,
  type RecentTurns,
  type WhoNextInput,
} from '../../../src/analysis/whoNext';

const input = (
  turnsNow: Record<string, number>,
  recent: Record<string, RecentTurns> = {},
  skip: string[] = [],
): WhoNextInput => ({
  present: Object.keys(turnsNow),
  turnsNow: new Map(Object.entries(turnsNow)),
  recent: new Map(Object.entries(recent)),
  skip: new Set(skip),
});

describe('who next: weights worked by hand', () => {
  it.each([
    {
      what: 'no history: each turn more this lesson quarters the weight',
      data: input({ a: 0, b: 1, c: 2 }),
      weights: { a: 1, b: 0.25, c: 0.0625 },
    },
    {
      what: 'all equal now: fewer recent turns per lesson present weigh more (R = 6/6 = 1)',
      data: input(
        { a: 0, b: 0, c: 0 },
        { a: { turns: 6, lessons: 3 }, b: { turns: 0, lessons: 3 } },
      ),
      // a: (1+1)/(2+1), b: (1+1)/(0+1), c has no history: the class rate, factor 1.
      weights: { a: 2 / 3, b: 2, c: 1 },
    },
    {
      what: 'a skipped pupil is not a candidate; the fewest is taken among the rest',
      data: input({ a: 0, b: 1, c: 1 }, {}, ['a']),
      weights: { b: 1, c: 1 },
    },
  ] as { what: string; data: WhoNextInput; weights: Record<string, number> }[])(
    '$what',
    ({ data, weights }) => {
      const got = Object.fromEntries(whoNextWeights(data));
      expect(Object.keys(got)).toEqual(Object.keys(weights));
      for (const [id, w] of Object.entries(weights)) expect(got[id]).toBeCloseTo(w, 10);
    },
  );

  it('the class rate pools turns over lessons present; null without history', () => {
    const data = input(
      { a: 0, b: 0 },
      { a: { turns: 6, lessons: 3 }, b: { turns: 0, lessons: 3 } },
    );
    expect(classRecentRate(data.present, data.recent)).toBe(1);
    expect(classRecentRate(['a'], new Map())).toBeNull();
  });
});

describe('who next: the draw', () => {
  // Weights 1, 0.25, 0.0625: total 1.3125; a covers u < 0.7619, b up to 0.9524, c above.
  const data = input({ a: 0, b: 1, c: 2 });
  it.each([
    { u: 0, pupil: 'a' },
    { u: 0.76, pupil: 'a' },
    { u: 0.8, pupil: 'b' },
    { u: 0.95, pupil: 'b' },
    { u: 0.99, pupil: 'c' },
    { u: 1, pupil: 'c' },
  ])('u = $u draws $pupil', ({ u, pupil }) => {
    expect(suggestNext(data, u)?.pupilId).toBe(pupil);
  });

  it('says why, with the counts and the pupil’s share of the draw', () => {
    const s = suggestNext(input({ a: 0, b: 0 }, { a: { turns: 2, lessons: 4 } }), 0);
    expect(s).toEqual({
      pupilId: 'a',
      turnsNow: 0,
      recent: { turns: 2, lessons: 4 },
      classRate: 0.5,
      // a: 1.5/1.5 = 1; b (no history) gets the class rate: 1. Even odds.
      chance: 0.5,
    });
  });

  it('suggests nobody when nobody is present or everyone was passed over', () => {
    expect(suggestNext(input({}), 0.3)).toBeNull();
    expect(suggestNext(input({ a: 0, b: 0 }, {}, ['a', 'b']), 0.3)).toBeNull();
  });
});

describe('who next: properties', () => {
  const counts = fc.dictionary(
    fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    fc.record({ now: fc.nat(6), turns: fc.nat(20), lessons: fc.nat(5) }),
    { minKeys: 1 },
  );
  const toInput = (c: Record<string, { now: number; turns: number; lessons: number }>) =>
    input(
      Object.fromEntries(Object.entries(c).map(([id, v]) => [id, v.now])),
      Object.fromEntries(
        Object.entries(c).map(([id, v]) => [id, { turns: v.turns, lessons: v.lessons }]),
      ),
    );

  it('every candidate can come up, and the chances add up to 1', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const weights = [...whoNextWeights(toInput(c)).values()];
        expect(weights.every((w) => w > 0)).toBe(true);
        const total = weights.reduce((a, b) => a + b, 0);
        expect(weights.reduce((a, w) => a + w / total, 0)).toBeCloseTo(1, 10);
      }),
    );
  });

  it('fewer turns now and no more turns per recent lesson never weigh less', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const data = toInput(c);
        const w = whoNextWeights(data);
        for (const [i, ci] of Object.entries(c))
          for (const [j, cj] of Object.entries(c)) {
            const rate = (v: typeof ci) => (v.lessons > 0 ? v.turns / v.lessons : null);
            const ri = rate(ci);
            const rj = rate(cj);
            if (ri === null || rj === null) continue;
            if (ci.now <= cj.now && ri <= rj) expect(w.get(i)!).toBeGreaterThanOrEqual(w.get(j)!);
          }
      }),
    );
  });
});
