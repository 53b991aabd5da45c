/** Measure 6: relationship ratings against corrections, praise and personal attention. */
import { describe, expect, it } from 'vitest';
import { analyseClass, type AnalysisOptions } from '../../../src/analysis';
import { ClassBuilder } from './support/build';

// Six pupils: below the app's minimum for a correlation (8), lowered here to work the formulas.
const run = (b: ClassBuilder, o: Partial<AnalysisOptions> = {}) =>
  analyseClass(b.build(), { today: '2025-03-31', minCorrelationPupils: 2, ...o }).relationship;

describe('relationship link', () => {
  // Six pupils, 4 lessons. Conflict 1,2,3,4,5,5; corrections per lesson 0, 0.25, 0.5, 1, 1.5, 2.
  const build = () => {
    const b = new ClassBuilder().lessons(4);
    const conflict = [1, 2, 3, 4, 5, 5];
    const corrections = [0, 1, 2, 4, 6, 8];
    conflict.forEach((c, i) => {
      const id = `p${i + 1}`;
      b.pupil(id).relationship(id, '2025-01-15', 6 - c, c);
      for (let k = 0; k < (corrections[i] ?? 0); k++)
        b.event(`l${(k % 4) + 1}`, id, 'correctionBehaviour');
      b.everyLesson(id, 'praise', 1);
    });
    return b;
  };
  const find = (r: ReturnType<typeof run>, d: string, m: string) =>
    r.correlations.find((c) => c.dimension === d && c.metric === m);

  it('uses the latest valid rating on or before `to`', () => {
    const b = build();
    b.relationship('p1', '2025-02-01', 5, 5); // newer
    b.relationship('p1', '2025-05-01', 1, 1); // after `to`
    b.relationship('p2', '2025-02-01', 9, 9); // off the scale
    const r = run(b);
    expect(r.pupils.find((p) => p.pupilId === 'p1')).toMatchObject({
      date: '2025-02-01',
      conflict: 5,
    });
    expect(r.pupils.find((p) => p.pupilId === 'p2')).toMatchObject({
      date: '2025-01-15',
      conflict: 2,
    });
  });

  it('conflict and corrections rise together: rho near 1 with a small permutation p', () => {
    const c = find(run(build()), 'conflict', 'corrections');
    // Ranks 1,2,3,4,5.5,5.5 against 1..6 (mean 3.5): Σdxdy = 6.25+2.25+.25+.25+3+5 = 17,
    // Σdx² = 17, Σdy² = 17.5 → rho = 17 / √(17 · 17.5) ≈ 0.986.
    expect(c?.n).toBe(6);
    expect(c?.rho).toBeCloseTo(17 / Math.sqrt(17 * 17.5), 12);
    if (c?.test.status !== 'ok') throw new Error('expected a test');
    expect(c.test.significance.p).toBeLessThan(0.05);
    expect(c.test.significance.couldBeChance).toBe(false);
  });

  it('reports mean rates per rating band (1–2, 3, 4–5)', () => {
    const c = find(run(build()), 'conflict', 'corrections');
    expect(c?.bands).toEqual([
      { band: 'low', pupils: 2, meanRate: 0.125 },
      { band: 'middle', pupils: 1, meanRate: 0.5 },
      { band: 'high', pupils: 3, meanRate: 1.5 },
    ]);
  });

  it('the band test picks up two pupils rated very differently from the rest', () => {
    // Ten pupils: conflict 1 for eight, 5 for two; only the two are corrected (3 a lesson).
    // 1 of the C(10,2) = 45 ways to place two pupils in the high band is as extreme: p ≈ 0.022.
    const b = new ClassBuilder().lessons(4);
    for (let i = 0; i < 10; i++) {
      const id = `q${i}`;
      b.pupil(id).relationship(id, '2025-01-15', 3, i < 2 ? 5 : 1);
      if (i < 2) b.everyLesson(id, 'correctionBehaviour', 3);
      else b.everyLesson(id, 'praise', 1);
    }
    const c = find(run(b), 'conflict', 'correctionBehaviour');
    expect(c?.bands).toEqual([
      { band: 'low', pupils: 8, meanRate: 0 },
      { band: 'middle', pupils: 0, meanRate: null },
      { band: 'high', pupils: 2, meanRate: 3 },
    ]);
    if (c?.bandTest.status !== 'ok') throw new Error('expected a band test');
    expect(c.bandTest.significance.p).toBeLessThan(0.05);
    expect(c.bandTest.significance.couldBeChance).toBe(false);
  });

  it('with no spread on one side there is no correlation to report', () => {
    const c = find(run(build()), 'conflict', 'praise');
    expect(c?.rho).toBeNull();
    if (c?.test.status !== 'ok') throw new Error('expected a test');
    expect(c.test.significance.p).toBe(1);
  });

  it('fewer pupils than minPupils is not a pattern', () => {
    const c = find(run(build(), { minPupils: 7 }), 'conflict', 'corrections');
    expect(c?.test).toMatchObject({ status: 'insufficient', reasons: ['fewPupils'] });
  });

  it('with the default minimum of 8 pupils, six give no correlation and no test', () => {
    const c = find(run(build(), { minCorrelationPupils: undefined }), 'conflict', 'corrections');
    expect(c?.n).toBe(6);
    expect(c?.rho).toBeNull();
    expect(c?.test).toMatchObject({ status: 'insufficient', reasons: ['fewPupils'] });
    expect(c?.bandTest.status).toBe('insufficient');
  });

  it('only the metrics in scope are linked', () => {
    const r = run(build(), { kinds: ['praise'] });
    expect([...new Set(r.correlations.map((c) => c.metric))]).toEqual(['praise']);
  });
});
