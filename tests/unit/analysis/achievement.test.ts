/** Measure 5: expectation against achievement on the same footing; mean gaps per lens value. */
import { describe, expect, it } from 'vitest';
import { analyseClass, type AnalysisOptions } from '../../../src/analysis';
import { ClassBuilder } from './support/build';

const TODAY = '2025-03-31';
// Five pupils: below the app's minimum for a rank correlation (8), lowered to work it by hand.
const run = (b: ClassBuilder, o: Partial<AnalysisOptions> = {}) =>
  analyseClass(b.build(), { today: TODAY, minCorrelationPupils: 2, ...o }).achievement;
const LEVELS = { kind: 'levels' as const, levels: ['b', 'k', 'gt', 'havo', 'vwo'] };

describe('level against level', () => {
  // index / (L − 1) on both sides; threshold 0.25 = one level on five.
  const table: { pupil: string; exp: number; ach: number; gap: number; placed: string }[] = [
    { pupil: 'p1', exp: 4, ach: 2, gap: 0.5, placed: 'higher' },
    { pupil: 'p2', exp: 1, ach: 3, gap: -0.5, placed: 'lower' },
    { pupil: 'p3', exp: 2, ach: 2, gap: 0, placed: 'inLine' },
    { pupil: 'p4', exp: 3, ach: 2, gap: 0.25, placed: 'higher' }, // exactly the threshold
    { pupil: 'p5', exp: 0, ach: 0, gap: 0, placed: 'inLine' },
  ];
  const b = new ClassBuilder(LEVELS).lessons(1);
  for (const r of table) {
    b.pupil(r.pupil).expectation(r.pupil, '2025-01-10', r.exp);
    b.achievement(r.pupil, 'cito', '2025-01-20', 'level', r.ach);
  }
  const a = run(b);
  it('uses the levels footing when the class has levels and every result is a level', () => {
    expect(a.footing).toBe('levels');
  });
  it.each(table)(
    '$pupil: expected level $exp, result $ach → gap $gap, placed $placed',
    ({ pupil, exp, ach, gap, placed }) => {
      const row = a.pupils.find((p) => p.pupilId === pupil);
      expect(row).toMatchObject({
        expectationPosition: exp / 4,
        achievementPosition: ach / 4,
        placed,
      });
      expect(row?.gap).toBeCloseTo(gap, 12);
    },
  );
});

describe('position within the class', () => {
  // Expectations 4..0 → positions .9 .7 .5 .3 .1.
  // A (percentage, all five): 90..50 → .9 .7 .5 .3 .1.
  // B (percentile, p5 missing): 10, 20, 30, 40 among four → .125 .375 .625 .875.
  const build = () => {
    const b = new ClassBuilder().pupils('p1', 'p2', 'p3', 'p4', 'p5').lessons(1);
    [4, 3, 2, 1, 0].forEach((v, i) => b.expectation(`p${i + 1}`, '2025-01-10', v));
    [90, 80, 70, 60, 50].forEach((s, i) =>
      b.achievement(`p${i + 1}`, 'A', '2025-01-20', 'percentage', s),
    );
    [10, 20, 30, 40].forEach((s, i) =>
      b.achievement(`p${i + 1}`, 'B', '2025-02-20', 'percentile', s),
    );
    return b;
  };
  const table: { pupil: string; exp: number; ach: number; placed: string }[] = [
    { pupil: 'p1', exp: 0.9, ach: (0.9 + 0.125) / 2, placed: 'higher' }, // gap .3875
    { pupil: 'p2', exp: 0.7, ach: (0.7 + 0.375) / 2, placed: 'inLine' }, // gap .1625
    { pupil: 'p3', exp: 0.5, ach: (0.5 + 0.625) / 2, placed: 'inLine' }, // gap −.0625
    { pupil: 'p4', exp: 0.3, ach: (0.3 + 0.875) / 2, placed: 'lower' }, // gap −.2875
    { pupil: 'p5', exp: 0.1, ach: 0.1, placed: 'inLine' }, // only A
  ];
  it.each(table)(
    '$pupil: expectation at $exp, results at $ach → $placed',
    ({ pupil, exp, ach, placed }) => {
      const a = run(build());
      expect(a.footing).toBe('classPosition');
      const row = a.pupils.find((p) => p.pupilId === pupil);
      expect(row?.expectationPosition).toBeCloseTo(exp, 12);
      expect(row?.achievementPosition).toBeCloseTo(ach, 12);
      expect(row?.gap).toBeCloseTo(exp - ach, 12);
      expect(row?.placed).toBe(placed);
    },
  );

  it('lists the assessments used with how many pupils each', () => {
    expect(run(build()).assessments).toEqual([
      { label: 'A', scoreType: 'percentage', date: '2025-01-20', pupils: 5 },
      { label: 'B', scoreType: 'percentile', date: '2025-02-20', pupils: 4 },
    ]);
  });

  it('within a period only its results count; a result dated after `to` never does', () => {
    const b = build();
    b.achievement('p1', 'C', '2025-05-01', 'grade', 9);
    const a = run(b, { from: '2025-02-01' });
    expect(a.assessments.map((x) => x.label)).toEqual(['B']);
    // Four pupils with B only → fewer than five: no pattern, no placements.
    expect(a.pattern).toMatchObject({ status: 'insufficient', reasons: ['fewPupils'] });
    expect(a.pupils.every((p) => p.placed === null)).toBe(true);
  });

  it('a period without results falls back to the latest assessment before it', () => {
    expect(run(build(), { from: '2025-03-01' }).assessments.map((x) => x.label)).toEqual(['B']);
  });

  it('a retake replaces the earlier result of the same assessment', () => {
    const b = build();
    b.achievement('p5', 'A', '2025-01-25', 'percentage', 95); // now the best on A
    const row = run(b).pupils.find((p) => p.pupilId === 'p5');
    expect(row?.achievementPosition).toBeCloseTo(0.9, 12);
  });

  it('pupils without an expectation are not ranked', () => {
    const b = build().pupil('p6').achievement('p6', 'A', '2025-01-20', 'percentage', 100);
    const a = run(b);
    expect(a.pupils.find((p) => p.pupilId === 'p6')).toMatchObject({
      achievementPosition: null,
      gap: null,
    });
    expect(a.pupils.find((p) => p.pupilId === 'p1')?.achievementPosition).toBeCloseTo(
      (0.9 + 0.125) / 2,
      12,
    );
  });

  it('reports the rank correlation of expectation and results', () => {
    const a = run(build());
    if (a.pattern.status !== 'ok') throw new Error('expected a pattern');
    // Ranks of expectations 5..1 against achievement positions .5125 .5375 .5625 .5875 .1:
    // ranks 2,3,4,5,1 → Σdxdy = 2·(−1) + 1·0 + 0·1 + (−1)·2 + (−2)·(−2) = 0.
    expect(a.pattern.spearman).toBeCloseTo(0, 12);
    expect(a.pattern.higher).toEqual(['p1']);
    expect(a.pattern.lower).toEqual(['p4']);
  });
});

describe('mean gap per lens value', () => {
  it('averages the gaps per value and tests them with a permutation test', () => {
    // Levels footing. a: gaps .25, .25, 0 → 1/6; b: −.25, −.25, 0 → −1/6.
    // Exact p: 4 of the 20 ways to split six pupils three-three are as extreme → 0.2.
    const b = new ClassBuilder(LEVELS).lessons(1).lens('L', 'Lens', ['a', 'b']);
    const rows: [string, string, number, number][] = [
      ['p1', 'a', 4, 3],
      ['p2', 'a', 3, 2],
      ['p3', 'a', 2, 2],
      ['p4', 'b', 1, 2],
      ['p5', 'b', 0, 1],
      ['p6', 'b', 2, 2],
    ];
    for (const [id, g, exp, ach] of rows) {
      b.pupil(id).lensValue(id, 'L', g).expectation(id, '2025-01-10', exp);
      b.achievement(id, 'cito', '2025-01-20', 'level', ach);
    }
    const lens = run(b).lenses[0];
    expect(lens?.rows.map((r) => [r.group, r.pupils])).toEqual([
      ['a', 3],
      ['b', 3],
    ]);
    expect(lens?.rows[0]?.meanGap).toBeCloseTo(1 / 6, 12);
    expect(lens?.rows[1]?.meanGap).toBeCloseTo(-1 / 6, 12);
    expect(lens?.rows[0]?.meanExpectationPosition).toBeCloseTo(0.75, 12);
    expect(lens?.rows[0]?.meanAchievementPosition).toBeCloseTo(7 / 12, 12);
    if (lens?.test.status !== 'ok') throw new Error('expected a test');
    // Sequential estimate (stops after 20 hits): near 0.2, not exact.
    expect(lens.test.significance.p).toBeGreaterThan(0.1);
    expect(lens.test.significance.p).toBeLessThan(0.4);
    expect(lens.test.significance.couldBeChance).toBe(true);
  });
});
