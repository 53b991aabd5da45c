/** Measure 1: the spread of each kind over the pupils, and who hardly gets the floor. */
import { describe, expect, it } from 'vitest';
import { analyseClass, type AnalysisOptions, type Distribution } from '../../../src/analysis';
import { ClassBuilder } from './support/build';

const TODAY = '2025-03-31';
const run = (b: ClassBuilder, o: Partial<AnalysisOptions> = {}) =>
  analyseClass(b.build(), { today: TODAY, ...o });
const turns = (b: ClassBuilder, o: Partial<AnalysisOptions> = {}): Distribution => {
  const d = run(b, o).distribution.find((x) => x.metric === 'turn');
  if (!d) throw new Error('no turn distribution');
  return d;
};

describe('shares, rates and the equal share', () => {
  it('shares sum to 1 and an absent pupil’s equal share is smaller', () => {
    // 3 pupils, 4 lessons, p3 absent once: presences 4, 4, 3 (11). Turns 6, 3, 3 (12).
    const b = new ClassBuilder().pupils('p1', 'p2', 'p3').lessons(4).absent('l4', 'p3');
    b.event('l1', 'p1', 'turn', 6).event('l2', 'p2', 'turn', 3).event('l3', 'p3', 'turn', 3);
    const d = turns(b, { minEvents: 0 });
    expect(d.pupils.map((p) => p.share)).toEqual([0.5, 0.25, 0.25]);
    expect(d.pupils.map((p) => p.expectedShare)).toEqual([4 / 11, 4 / 11, 3 / 11]);
    // p3: (3/12)/(3/11) = 11/12; p1: (6/12)/(4/11) = 11/8.
    expect(d.pupils[2]?.shareRatio).toBeCloseTo(11 / 12, 12);
    expect(d.pupils[0]?.shareRatio).toBeCloseTo(11 / 8, 12);
    expect(d.pupils.map((p) => p.rate)).toEqual([1.5, 0.75, 1]);
  });

  it('a kind nobody got has no shares (not zeros) and no pattern', () => {
    const b = new ClassBuilder().pupils('p1', 'p2').lessons(3).event('l1', 'p1', 'praise');
    const d = turns(b);
    expect(d.pupils.map((p) => [p.count, p.share, p.rate])).toEqual([
      [0, null, 0],
      [0, null, 0],
    ]);
    expect(d.pattern).toMatchObject({ status: 'insufficient', reasons: ['fewEvents'] });
  });
});

describe('the pattern needs enough data', () => {
  const cases: { name: string; lessons: number; perLesson: number; expected: string[] }[] = [
    { name: '2 lessons are too few', lessons: 2, perLesson: 20, expected: ['fewLessons'] },
    { name: '19 events are too few', lessons: 3, perLesson: 19 / 3, expected: ['fewEvents'] },
    { name: 'exactly 3 lessons and 21 events are enough', lessons: 3, perLesson: 7, expected: [] },
  ];
  it.each(cases)('$name', ({ lessons, perLesson, expected }) => {
    const b = new ClassBuilder().pupils('p1', 'p2').lessons(lessons);
    // Spread the events over the two pupils and the lessons.
    const total = Math.round(perLesson * lessons);
    for (let e = 0; e < total; e++) b.event(`l${(e % lessons) + 1}`, e % 2 ? 'p1' : 'p2', 'turn');
    const d = turns(b);
    if (expected.length === 0) expect(d.pattern.status).toBe('ok');
    else expect(d.pattern).toMatchObject({ status: 'insufficient', reasons: expected });
  });
});

describe('concentration', () => {
  it('top fifth of six pupils is two; a tie at the edge goes to the pupil with more events, then by id', () => {
    // Rates: p1 3 (3/1), p2 2 (8/4), p3 2 (6/3), p4 2 (8/4), p5 1, p6 0.
    // The second place is a tie at rate 2: p2 and p4 have 8 events, p3 6 → p2 (id before p4).
    const b = new ClassBuilder().pupils('p1', 'p2', 'p3', 'p4', 'p5', 'p6').lessons(4);
    for (const l of ['l2', 'l3', 'l4']) b.absent(l, 'p1');
    b.absent('l4', 'p3');
    b.event('l1', 'p1', 'turn', 3);
    b.everyLesson('p2', 'turn', 2).everyLesson('p4', 'turn', 2).everyLesson('p5', 'turn', 1);
    b.event('l1', 'p3', 'turn', 2).event('l2', 'p3', 'turn', 2).event('l3', 'p3', 'turn', 2);
    const d = turns(b);
    if (d.pattern.status !== 'ok') throw new Error('expected a pattern');
    expect(d.pattern.topFifth.size).toBe(2);
    expect(d.pattern.topFifth.pupilIds).toEqual(['p1', 'p2']);
    // Rates sum 3+2+2+2+1+0 = 10; the top two have 5 → 0.5 against an even 2/6.
    expect(d.pattern.topFifth.rateShare).toBeCloseTo(0.5, 12);
    expect(d.pattern.topFifth.evenShare).toBeCloseTo(1 / 3, 12);
    // Counts: 3 + 8 of 29; presences 1 + 4 of 1+4+3+4+4+4 = 20.
    expect(d.pattern.topFifth.countShare).toBeCloseTo(11 / 29, 12);
    expect(d.pattern.topFifth.presenceShare).toBeCloseTo(5 / 20, 12);
    // Gini of 0,1,2,2,2,3: Σ(2i−7)x = −5·0 −3·1 −1·2 +1·2 +3·2 +5·3 = 18; nΣx = 60.
    expect(d.pattern.gini).toBeCloseTo(0.3, 12);
  });

  it('an equal spread has Gini 0, even share for the top fifth and a dispersion p of 1', () => {
    const b = new ClassBuilder().pupils('p1', 'p2', 'p3', 'p4', 'p5').lessons(4);
    for (const p of ['p1', 'p2', 'p3', 'p4', 'p5']) b.everyLesson(p, 'turn', 2);
    const d = turns(b);
    if (d.pattern.status !== 'ok') throw new Error('expected a pattern');
    expect(d.pattern.gini).toBe(0);
    expect(d.pattern.topFifth.rateShare).toBeCloseTo(0.2, 12);
    expect(d.pattern.dispersion).toMatchObject({ statistic: 0, p: 1, couldBeChance: true });
  });

  it('with few events per pupil the dispersion p comes from a seeded simulation', () => {
    // 20 turns all to one of five pupils (expected 4 each, below 5): the simulation never comes
    // close, so p = (0 + 1)/(2000 + 1).
    const b = new ClassBuilder().pupils('p1', 'p2', 'p3', 'p4', 'p5').lessons(4);
    b.everyLesson('p1', 'turn', 5);
    const d = turns(b);
    if (d.pattern.status !== 'ok') throw new Error('expected a pattern');
    expect(d.pattern.dispersion).toMatchObject({
      iterations: 2000,
      p: 1 / 2001,
      couldBeChance: false,
    });
    // D = (20−4)²/4 + 4·(0−4)²/4 = 64 + 16 = 80.
    expect(d.pattern.dispersion?.statistic).toBeCloseTo(80, 12);
  });
});

describe('no or very few turns over the last N lessons attended', () => {
  // p1: 2 a lesson; p2: 1 a lesson; p3: 3 in l1 and l2 only; p4: absent l5–l7, 1 turn in l1.
  // Windows (last 5 attended): p1 l3–l7 rate 2; p2 rate 1; p3 rate 0; p4 l1–l4 rate 1/4.
  // Class mean 3.25/4 = 0.8125; "very few" ≤ 0.8125/3 ≈ 0.27.
  const build = () => {
    const b = new ClassBuilder().pupils('p1', 'p2', 'p3', 'p4').lessons(7);
    for (const l of ['l5', 'l6', 'l7']) b.absent(l, 'p4');
    b.everyLesson('p1', 'turn', 2).everyLesson('p2', 'turn', 1);
    b.event('l1', 'p3', 'turn', 3).event('l2', 'p3', 'turn', 3).event('l1', 'p4', 'turn', 1);
    return b;
  };
  const table: {
    pupil: string;
    attended: number;
    turns: number;
    status: string;
    window: string[];
  }[] = [
    {
      pupil: 'p1',
      attended: 5,
      turns: 10,
      status: 'typical',
      window: ['l3', 'l4', 'l5', 'l6', 'l7'],
    },
    {
      pupil: 'p2',
      attended: 5,
      turns: 5,
      status: 'typical',
      window: ['l3', 'l4', 'l5', 'l6', 'l7'],
    },
    { pupil: 'p3', attended: 5, turns: 0, status: 'none', window: ['l3', 'l4', 'l5', 'l6', 'l7'] },
    { pupil: 'p4', attended: 4, turns: 1, status: 'few', window: ['l1', 'l2', 'l3', 'l4'] },
  ];
  it.each(table)(
    '$pupil: $turns turns in $attended lessons → $status',
    ({ pupil, attended, turns: t, status, window }) => {
      const q = run(build()).quiet;
      expect(q.classMeanRate).toBeCloseTo(0.8125, 12);
      const row = q.pupils.find((p) => p.pupilId === pupil);
      expect(row).toMatchObject({ attended, turns: t, status, windowLessonIds: window });
      expect(row?.expectedTurns).toBeCloseTo(0.8125 * attended, 12);
    },
  );

  it('the earlier turns of p3 do not hide that the last five lessons had none', () => {
    const q = run(build()).quiet;
    expect(q.pattern).toMatchObject({ status: 'ok', flagged: ['p3', 'p4'] });
  });

  it('a shorter window (lastN = 2) looks only at the last two lessons attended', () => {
    const q = run(build(), { lastN: 2, minLessons: 2 }).quiet;
    expect(q.pupils.find((p) => p.pupilId === 'p4')).toMatchObject({
      windowLessonIds: ['l3', 'l4'],
      turns: 0,
      status: 'none',
    });
  });

  it('a pupil who attended fewer than minLessons lessons is not judged', () => {
    const b = build();
    for (const l of ['l2', 'l3']) b.absent(l, 'p4');
    const q = run(b).quiet;
    expect(q.pupils.find((p) => p.pupilId === 'p4')).toMatchObject({
      attended: 2,
      status: 'insufficient',
    });
  });

  it('over the whole period too: rates per lesson attended, against a third of the class mean', () => {
    // Period rates: p1 2, p2 1, p3 6/7, p4 1/4 → mean (2 + 1 + 6/7 + 1/4)/4 = 115/112.
    const q = run(build()).quiet;
    expect(q.period.classMeanRate).toBeCloseTo(115 / 112, 12);
    const p4 = q.pupils.find((p) => p.pupilId === 'p4')?.period;
    // p4: 1 turn in 4 lessons = 0.25 ≤ 115/336 ≈ 0.34 → few; expected 4 · 115/112 ≈ 4.1.
    expect(p4).toMatchObject({ attended: 4, turns: 1, status: 'few' });
    expect(p4?.expectedTurns).toBeCloseTo(460 / 112, 12);
    // Poisson P(X ≤ 1 | λ = 460/112) = e^(−λ)(1 + λ).
    const lambda = 460 / 112;
    expect(p4?.p).toBeCloseTo(Math.exp(-lambda) * (1 + lambda), 12);
    expect(q.pupils.find((p) => p.pupilId === 'p3')?.period.status).toBe('typical');
    expect(q.pattern).toMatchObject({ flaggedInPeriod: ['p4'] });
  });

  it('a short window shows little when turns are rare; the period view still sees the overlooked pupil', () => {
    // Ten pupils, 20 lessons: three turns a lesson go round p0–p8 (60 turns, 1/3 a lesson each);
    // p9 gets one turn, in the last lesson.
    const ids = Array.from({ length: 10 }, (_, i) => `p${i}`);
    const b = new ClassBuilder().pupils(...ids).lessons(20);
    for (let l = 1; l <= 20; l++) {
      for (let k = 0; k < 3; k++) b.event(`l${l}`, `p${((l - 1) * 3 + k) % 9}`, 'turn');
    }
    b.event('l20', 'p9', 'turn');
    const q = run(b).quiet;
    const p9 = q.pupils.find((p) => p.pupilId === 'p9');
    // Last five lessons: 1 turn (rate 0.2) against a class mean of (9 · 1/3 + 0.2)/10 = 0.32:
    // above a third of it → typical, and Poisson says 1 where 1.6 were expected is no surprise.
    expect(p9).toMatchObject({ turns: 1, attended: 5, status: 'typical' });
    expect(p9?.p).toBeGreaterThan(0.4);
    // Whole period: 1 in 20 (0.05) against (9 · 1/3 + 0.05)/10 = 0.305 → few, and unlikely chance.
    expect(p9?.period).toMatchObject({ turns: 1, attended: 20, status: 'few' });
    expect(p9?.period.expectedTurns).toBeCloseTo(6.1, 12);
    expect(p9?.period.p).toBeCloseTo(Math.exp(-6.1) * 7.1, 12);
  });

  it('without turns logged at all nobody is flagged', () => {
    const b = new ClassBuilder().pupils('p1', 'p2').lessons(5);
    b.everyLesson('p1', 'praise', 5);
    const q = run(b).quiet;
    expect(q.pattern.status).toBe('insufficient');
    expect(q.pupils.every((p) => p.status === 'insufficient')).toBe(true);
  });
});
