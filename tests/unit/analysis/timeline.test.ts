/** Measure 7: rates per ISO week or month, and every period measure before/after a chosen date. */
import { describe, expect, it } from 'vitest';
import { analyseClass } from '../../../src/analysis';
import { ClassBuilder } from './support/build';

// Lessons on Mon 27 Jan, Wed 29 Jan, Mon 3 Feb, Wed 5 Feb, Mon 3 Mar.
const build = () => {
  const b = new ClassBuilder().pupils('p1', 'p2');
  b.lesson('a', '2025-01-27').lesson('b', '2025-01-29').lesson('c', '2025-02-03');
  b.lesson('d', '2025-02-05').lesson('e', '2025-03-03');
  b.event('a', 'p1', 'turn', 4).event('b', 'p1', 'turn', 2).event('c', 'p2', 'turn', 3);
  b.event('d', 'p2', 'turn', 3).event('e', 'p1', 'praise', 1);
  b.absent('e', 'p2');
  b.expectation('p1', '2025-01-01', 4).expectation('p2', '2025-01-01', 0);
  b.expectation('p2', '2025-02-01', 4);
  b.banking('p2', '2025-02-04', 10);
  return b;
};
const result = analyseClass(build().build(), {
  today: '2025-03-31',
  splitDate: '2025-02-01',
  minLessons: 1,
  minEvents: 1,
});

describe('time buckets', () => {
  it('groups lessons by ISO week', () => {
    expect(result.timeline.week.map((w) => [w.key, w.from, w.to, w.lessonIds])).toEqual([
      ['2025-W05', '2025-01-27', '2025-02-02', ['a', 'b']],
      ['2025-W06', '2025-02-03', '2025-02-09', ['c', 'd']],
      ['2025-W10', '2025-03-03', '2025-03-09', ['e']],
    ]);
  });

  it('groups lessons by calendar month', () => {
    expect(result.timeline.month.map((m) => [m.key, m.lessonIds])).toEqual([
      ['2025-01', ['a', 'b']],
      ['2025-02', ['c', 'd']],
      ['2025-03', ['e']],
    ]);
  });

  it('each bucket carries its counts and, per metric, the class rate and each band rate', () => {
    const [w5, w6, w10] = result.timeline.week;
    expect(w5?.basis).toEqual({ lessons: 2, events: 6, pupils: 2 });
    expect(w10?.basis).toEqual({ lessons: 1, events: 1, pupils: 1 });
    const rates = (w: typeof w5, metric: string) => w?.rates.find((r) => r.metric === metric);
    // Week 5: p1 6 turns, p2 0, both present twice: 6 / 4 presences. p1 is rated high (6 / 2),
    // p2 low (0 / 2); nobody is middle.
    expect(rates(w5, 'turn')).toEqual({
      metric: 'turn',
      meanRate: 1.5,
      bands: { high: 3, middle: null, low: 0 },
    });
    // Week 10: p2 absent, p1 present once with one praise and no turn.
    expect(rates(w10, 'turn')).toEqual({
      metric: 'turn',
      meanRate: 0,
      bands: { high: 0, middle: null, low: null },
    });
    expect(rates(w10, 'praise')?.meanRate).toBe(1);
    expect(w6?.rates.map((r) => r.metric)).toEqual(result.metrics);
  });

  it('expectation bands per bucket follow the rating in force: p2 moves from low to high', () => {
    const turn = (i: number) => result.timeline.week[i]?.rates.find((r) => r.metric === 'turn');
    expect(turn(0)?.bands).toEqual({ high: 3, middle: null, low: 0 });
    // Week 6: p2 (6 turns) is high from 1 Feb, p1 (none) too: 6 / 4 presences.
    expect(turn(1)?.bands).toEqual({ high: 1.5, middle: null, low: null });
  });
});

describe('before and after a date', () => {
  it('splits the lessons at the date (the date itself belongs to "after")', () => {
    expect(result.beforeAfter?.before.lessonIds).toEqual(['a', 'b']);
    expect(result.beforeAfter?.after.lessonIds).toEqual(['c', 'd', 'e']);
  });

  it('computes the full measures with tests and per-pupil rows on both sides', () => {
    const after = result.beforeAfter?.after.distribution.find((d) => d.metric === 'turn');
    expect(after?.pupils.map((p) => [p.pupilId, p.count, p.presentLessons])).toEqual([
      ['p1', 0, 3],
      ['p2', 6, 2],
    ]);
    expect(after?.pattern.status).toBe('ok');
    if (after?.pattern.status === 'ok') expect(after.pattern.dispersion).not.toBeNull();
    expect(result.beforeAfter?.after.quality.bankingMinutes).toBe(10);
    expect(result.beforeAfter?.before.quality.bankingMinutes).toBe(0);
  });

  it('is absent when no date is chosen', () => {
    expect(analyseClass(build().build(), { today: '2025-03-31' }).beforeAfter).toBeNull();
  });
});
