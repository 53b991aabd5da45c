/**
 * Small numbers stay small (issue 10 §2): below a period's data threshold the analysis gives raw
 * counts only — no rates, shares, ratios or correlations — and a rank correlation needs
 * `DATA.minCorrelationPupils` pupils with both values.
 */
import { describe, expect, it } from 'vitest';
import { analyseClass, DATA, deriveInsights } from '../../../src/analysis';
import { rawCountsOnly as stripRates } from '../../../src/analysis/honesty';
import { ClassBuilder } from './support/build';

/** Ten pupils, `lessons` lessons, every pupil turns, praise and corrections each lesson. */
function classWith(lessons: number) {
  const b = new ClassBuilder().lessons(lessons);
  for (let i = 1; i <= 10; i++) {
    const id = `p${i}`;
    b.pupil(id).lensValue(id, 'home', i % 2 ? 'nl' : 'other');
    b.expectation(id, '2025-01-15', i % 5).relationship(id, '2025-01-15', 1 + (i % 5), 1 + (i % 4));
    b.everyLesson(id, 'turn', i % 3 === 0 ? 3 : 1)
      .everyLesson(id, 'praise')
      .everyLesson(id, 'correctionWork', 1 + (i % 3));
  }
  b.lens('home', 'Thuistaal', ['nl', 'other']);
  return analyseClass(b.build(), { today: '2025-03-31' });
}

describe('small numbers', () => {
  const table = [
    { lessons: 2, rawCountsOnly: true },
    { lessons: 3, rawCountsOnly: false },
  ];
  it.each(table)(
    '$lessons lessons: raw counts only = $rawCountsOnly',
    ({ lessons, rawCountsOnly }) => {
      const r = classWith(lessons);
      expect(r.rawCountsOnly).toBe(rawCountsOnly);
      // The flag tells the screens; rawCountsOnly() strips the figures for them.
      if (r.rawCountsOnly) stripRates(r);
      const turns = r.distribution.find((d) => d.metric === 'turn');
      // Counts always stay.
      expect(turns?.total).toBeGreaterThan(0);
      expect(turns?.pupils.every((p) => p.count > 0)).toBe(true);
      const rates = [
        turns?.meanRate,
        ...(turns?.pupils.map((p) => p.rate) ?? []),
        ...r.equity.flatMap((l) => l.metrics.flatMap((m) => m.rows.map((x) => x.ratio))),
        ...r.expectation.current.metrics.flatMap((m) => m.rows.map((x) => x.rate)),
        ...r.quality.pupils.map((p) => p.rates.turn),
        r.quality.class.positiveShare,
      ];
      if (rawCountsOnly) expect(rates.every((x) => x === null)).toBe(true);
      else expect(rates.some((x) => x !== null)).toBe(true);
    },
  );

  it('2 lessons: no rank correlation, no test, no insight but "too little data"', () => {
    const r = classWith(2);
    expect(r.relationship.correlations.length).toBeGreaterThan(0);
    for (const c of r.relationship.correlations) {
      expect(c.rho).toBeNull();
      expect(c.test.status).toBe('insufficient');
    }
    expect(deriveInsights(r).map((i) => i.kind)).toEqual(['insufficientData']);
  });

  it(`a rank correlation needs ${DATA.minCorrelationPupils} pupils with both values`, () => {
    expect(DATA.minCorrelationPupils).toBe(8);
    const ten = classWith(4);
    expect(ten.relationship.correlations.some((c) => c.rho !== null)).toBe(true);
    const b = new ClassBuilder().lessons(4);
    for (let i = 1; i <= 7; i++) {
      const id = `p${i}`;
      b.pupil(id).relationship(id, '2025-01-15', 1 + (i % 5), 1 + (i % 4));
      b.everyLesson(id, 'correctionWork', i);
    }
    const seven = analyseClass(b.build(), { today: '2025-03-31' });
    for (const c of seven.relationship.correlations) {
      expect(c.n).toBe(7);
      expect(c.rho).toBeNull();
    }
  });
});
