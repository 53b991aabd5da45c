/**
 * Measures 3 and 4: equity ratio per lens value (counting only pupils present) and the comparison
 * between expectation bands — current and as in force at each lesson.
 */
import { describe, expect, it } from 'vitest';
import {
  analyseClass,
  bandOf,
  type AnalysisOptions,
  type GroupComparison,
  type Metric,
} from '../../../src/analysis';
import type { ExpectationScale } from '../../../src/model/types';
import { ClassBuilder } from './support/build';

const TODAY = '2025-03-31';
const run = (b: ClassBuilder, o: Partial<AnalysisOptions> = {}) =>
  analyseClass(b.build(), { today: TODAY, ...o });
const metricOf = (c: GroupComparison | undefined, m: Metric) => {
  const x = c?.metrics.find((y) => y.metric === m);
  if (!x) throw new Error(`no ${m}`);
  return x;
};

describe('equity ratio per lens value', () => {
  it('divides a group’s share of the kind by its share of the presences, not of the pupils', () => {
    // g1 = p1, p2; g2 = p3, p4. 4 lessons; p4 absent three times → presences g1 8, g2 5 (13).
    // Turns: each present pupil gets 1 a lesson → g1 8, g2 5: exactly proportional.
    const b = new ClassBuilder().pupils('p1', 'p2', 'p3', 'p4').lessons(4);
    for (const l of ['l2', 'l3', 'l4']) b.absent(l, 'p4');
    b.lens('L', 'Lens', ['g1', 'g2']);
    b.lensValue('p1', 'L', 'g1').lensValue('p2', 'L', 'g1');
    b.lensValue('p3', 'L', 'g2').lensValue('p4', 'L', 'g2');
    for (const p of ['p1', 'p2', 'p3']) b.everyLesson(p, 'turn');
    b.event('l1', 'p4', 'turn');
    const rows = metricOf(run(b, { minEvents: 0 }).equity[0], 'turn').rows;
    expect(rows.map((r) => [r.group, r.pupils, r.presences, r.count])).toEqual([
      ['g1', 2, 8, 8],
      ['g2', 2, 5, 5],
    ]);
    expect(rows.map((r) => r.ratio)).toEqual([1, 1]);
    // EQUIP's class share (2/4) would have said g2 gets (5/13)/(1/2) ≈ 0.77.
    expect(rows[1]?.share).toBeCloseTo(5 / 13, 12);
    expect(rows[1]?.presenceShare).toBeCloseTo(5 / 13, 12);
  });

  it('pupils without a value (or with a value since deleted from the lens) form a "not set" row', () => {
    const b = new ClassBuilder().pupils('p1', 'p2', 'p3').lessons(3);
    b.lens('L', 'Lens', ['g1', 'g2']).lensValue('p1', 'L', 'g1').lensValue('p2', 'L', 'gone');
    b.everyLesson('p1', 'turn', 2).everyLesson('p2', 'turn', 1);
    const r = run(b, { minEvents: 0 }).equity[0];
    expect(r?.groups.map((g) => [g.group, g.label, g.pupilIds])).toEqual([
      ['g1', 'G1', ['p1']],
      ['g2', 'G2', []],
      [null, null, ['p2', 'p3']],
    ]);
    // g1: 6 of 9 turns, 3 of 9 presences → 2; not set: 3 of 9, 6 of 9 → 0.5.
    const rows = metricOf(r, 'turn').rows;
    expect(rows.map((x) => x.ratio)).toEqual([2, null, 0.5]);
    expect(rows[1]).toMatchObject({ pupils: 0, presences: 0, count: 0, rate: null, share: 0 });
  });

  it('deleted lenses are skipped and the others keep the teacher’s order', () => {
    const b = new ClassBuilder().pupils('p1').lessons(1);
    b.lens('b', 'Second', ['x']).lens('a', 'First', ['y']).lens('z', 'Deleted', ['q']);
    b.data.lenses[0]!.order = 2;
    b.data.lenses[1]!.order = 1;
    b.data.lenses[2]!.deletedAt = '2025-01-02T00:00:00.000Z';
    expect(run(b).equity.map((l) => l.lensName)).toEqual(['First', 'Second']);
  });

  const extreme = (perGroup: number) => {
    const ids = Array.from({ length: perGroup * 2 }, (_, i) => `p${i + 1}`);
    const b = new ClassBuilder().pupils(...ids).lessons(4);
    b.lens('L', 'Lens', ['a', 'b']);
    ids.forEach((id, i) => {
      b.lensValue(id, 'L', i < perGroup ? 'a' : 'b');
      if (i < perGroup) b.everyLesson(id, 'turn', 5);
    });
    return b;
  };

  it('two against two can never be called a difference: exact p = 2/6, the test says could be chance', () => {
    const t = metricOf(run(extreme(2)).equity[0], 'turn').test;
    if (t.status !== 'ok' || !t.significance) throw new Error('expected a test');
    expect(t.significance.p).toBeGreaterThan(0.3);
    expect(t.significance.p).toBeLessThan(0.37);
    expect(t.significance.couldBeChance).toBe(true);
  });

  it('four against four with all turns to one group is a difference: exact p = 2/70 ≈ 0.029', () => {
    const t = metricOf(run(extreme(4)).equity[0], 'turn').test;
    if (t.status !== 'ok' || !t.significance) throw new Error('expected a test');
    expect(t.significance.p).toBeGreaterThan(0.015);
    expect(t.significance.p).toBeLessThan(0.045);
    expect(t.significance).toMatchObject({ test: 'permutation', couldBeChance: false });
    // About 57 hits expected in 2000 shuffles: it stops at the 20th, after roughly 700.
    expect(t.significance.iterations).toBeGreaterThan(300);
    expect(t.significance.p).toBeCloseTo(20 / (t.significance.iterations ?? 1), 12);
  });

  it('the same seed gives the same p; another seed draws other permutations', () => {
    const p = (seed: number) => {
      const t = metricOf(run(extreme(4), { seed }).equity[0], 'turn').test;
      return t.status === 'ok' ? t.significance?.p : undefined;
    };
    expect(p(7)).toBe(p(7));
    expect(new Set([p(1), p(2), p(3), p(4)]).size).toBeGreaterThan(1);
  });

  it('a lens where only one group is present cannot be tested', () => {
    const b = new ClassBuilder().pupils('p1', 'p2', 'p3').lessons(4);
    b.lens('L', 'Lens', ['a', 'b']).lensValue('p1', 'L', 'a').lensValue('p2', 'L', 'a');
    b.everyLesson('p1', 'turn', 5).everyLesson('p2', 'turn', 2);
    const t = metricOf(run(b).equity[0], 'turn').test;
    expect(t).toMatchObject({ status: 'insufficient', reasons: ['fewGroups'] });
  });
});

describe('expectation bands', () => {
  const rel5: ExpectationScale = { kind: 'relative5' };
  const levels = (n: number): ExpectationScale => ({
    kind: 'levels',
    levels: Array.from({ length: n }, (_, i) => `L${i}`),
  });
  const cases: { scale: ExpectationScale; name: string; expected: (string | null)[] }[] = [
    {
      scale: rel5,
      name: 'relative5: 0–1 low, 2 middle, 3–4 high',
      expected: ['low', 'low', 'middle', 'high', 'high'],
    },
    { scale: levels(2), name: '2 levels: low, high', expected: ['low', 'high'] },
    { scale: levels(3), name: '3 levels: one each', expected: ['low', 'middle', 'high'] },
    // Centres 1/8, 3/8, 5/8, 7/8 against the thirds.
    {
      scale: levels(4),
      name: '4 levels: low, middle, middle, high',
      expected: ['low', 'middle', 'middle', 'high'],
    },
    // Centres 1/12, 3/12 | 5/12, 7/12 | 9/12, 11/12.
    {
      scale: levels(6),
      name: '6 levels: two per band',
      expected: ['low', 'low', 'middle', 'middle', 'high', 'high'],
    },
    { scale: levels(1), name: '1 level: middle', expected: ['middle'] },
  ];
  it.each(cases)('$name', ({ scale, expected }) => {
    expect(expected.map((_, v) => bandOf(v, scale))).toEqual(expected);
  });
  it('values outside the scale or not whole are ignored', () => {
    expect([bandOf(-1, rel5), bandOf(5, rel5), bandOf(2.5, rel5), bandOf(3, levels(3))]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('the current rating is the latest on or before `to`; on the same date the one entered last', () => {
    const b = new ClassBuilder().pupils('p1', 'p2', 'p3').lessons(3);
    b.expectation('p1', '2025-01-01', 0)
      .expectation('p1', '2025-02-01', 4)
      .expectation('p1', '2025-04-01', 2);
    b.expectation('p2', '2025-01-05', 1, '2025-01-05T10:00:00.000Z');
    b.expectation('p2', '2025-01-05', 3, '2025-01-05T09:00:00.000Z');
    b.expectation('p3', '2025-01-05', 7); // off the scale: ignored
    const e = run(b).expectation;
    expect(e.pupils.map((p) => [p.pupilId, p.value, p.band])).toEqual([
      ['p1', 4, 'high'],
      ['p2', 1, 'low'],
      ['p3', null, null],
    ]);
    expect(e.current.groups.map((g) => [g.group, g.pupilIds])).toEqual([
      ['high', ['p1']],
      ['middle', []],
      ['low', ['p2']],
      [null, ['p3']],
    ]);
  });

  it('in force at each lesson: a pupil re-rated mid-period counts in the old band before, the new after', () => {
    // p1 high throughout, 2 turns a lesson. p2 low until 02-05, then high; 1 turn a lesson.
    // In force: high = p1 × 4 + p2 × 2 (l3, l4) → 6 presences, 10 turns; low = p2 × 2 → 2, 2.
    // Current: both high → 8 presences, 12 turns.
    const b = new ClassBuilder().pupils('p1', 'p2').lessons(4, '2025-02-03');
    b.expectation('p1', '2025-01-01', 4)
      .expectation('p2', '2025-01-01', 0)
      .expectation('p2', '2025-02-05', 4);
    b.everyLesson('p1', 'turn', 2).everyLesson('p2', 'turn', 1);
    const e = run(b, { minEvents: 0 }).expectation;
    const inForce = metricOf(e.inForce, 'turn').rows;
    expect(inForce.map((r) => [r.group, r.pupils, r.presences, r.count])).toEqual([
      ['high', 2, 6, 10],
      ['middle', 0, 0, 0],
      ['low', 1, 2, 2],
      [null, 0, 0, 0],
    ]);
    expect(inForce[0]?.rate).toBeCloseTo(10 / 6, 12);
    // Per pupil in the high band: p1 8/4 = 2, p2 2/2 = 1 → mean 1.5.
    expect(inForce[0]?.meanPupilRate).toBeCloseTo(1.5, 12);
    expect(metricOf(e.inForce, 'turn').test).toMatchObject({ status: 'ok', significance: null });
    const current = metricOf(e.current, 'turn').rows;
    expect(current.map((r) => [r.group, r.presences, r.count])).toEqual([
      ['high', 8, 12],
      ['middle', 0, 0],
      ['low', 0, 0],
    ]);
  });

  it('unrated pupils are shown but left out of the test', () => {
    // Only one rated band has pupils → nothing to compare, however big the unrated group is.
    const b = new ClassBuilder().pupils('p1', 'p2', 'p3', 'p4').lessons(4);
    b.expectation('p1', '2025-01-01', 4).expectation('p2', '2025-01-01', 4);
    for (const p of ['p1', 'p2', 'p3', 'p4']) b.everyLesson(p, 'turn', 3);
    const t = metricOf(run(b).expectation.current, 'turn').test;
    expect(t).toMatchObject({ status: 'insufficient', reasons: ['fewGroups'] });
  });

  it('a strong difference between high and low expectations over 10 pupils is not chance', () => {
    // 5 rated high get 4 turns a lesson, 5 rated low get 1.
    const ids = Array.from({ length: 10 }, (_, i) => `p${i}`);
    const b = new ClassBuilder().pupils(...ids).lessons(5);
    ids.forEach((id, i) => {
      b.expectation(id, '2025-01-01', i < 5 ? 4 : 0);
      b.everyLesson(id, 'turn', i < 5 ? 4 : 1);
    });
    const c = metricOf(run(b).expectation.current, 'turn');
    expect(c.rows.find((r) => r.group === 'high')?.rate).toBe(4);
    expect(c.rows.find((r) => r.group === 'low')?.rate).toBe(1);
    // Exact p over the 252 labellings: 2/252 ≈ 0.008.
    if (c.test.status !== 'ok' || !c.test.significance) throw new Error('expected a test');
    expect(c.test.significance.p).toBeLessThan(0.02);
    expect(c.test.significance.couldBeChance).toBe(false);
  });
});
