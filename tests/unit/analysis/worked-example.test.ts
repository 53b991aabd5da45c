/**
 * Every number of the worked example in docs/analysis.md, recomputed. If a formula changes, this
 * test and the document change together.
 */
import { describe, expect, it } from 'vitest';
import {
  analyseClass,
  deriveInsights,
  type AnalysisResult,
  type Metric,
} from '../../../src/analysis';
import { WORKED_OPTIONS, workedExample } from './support/workedExample';

const result = analyseClass(workedExample().build(), WORKED_OPTIONS);
const dist = (m: Metric) => {
  const d = result.distribution.find((x) => x.metric === m);
  if (!d) throw new Error(`no distribution for ${m}`);
  return d;
};
const okPattern = <T extends { status: string }>(p: T) => {
  if (p.status !== 'ok') throw new Error('pattern is insufficient');
  return p as Extract<T, { status: 'ok' }>;
};
const row = (r: AnalysisResult['distribution'][number], id: string) =>
  r.pupils.find((p) => p.pupilId === id);

describe('the worked example of docs/analysis.md', () => {
  it('counts 4 lessons, 30 events and 14 presences (dewi absent twice)', () => {
    expect(result.basis).toEqual({ lessons: 4, events: 30, pupils: 4 });
    expect(result.pupils.map((p) => [p.pupilId, p.presentLessons, p.absentLessons])).toEqual([
      ['ada', 4, 0],
      ['bo', 4, 0],
      ['cas', 4, 0],
      ['dewi', 2, 2],
    ]);
  });

  it('§1 turns: rates 3, 1.75, 0.5, 0; shares against the equal share', () => {
    const d = dist('turn');
    expect(d.total).toBe(21);
    expect(d.presences).toBe(14);
    expect(d.meanRate).toBeCloseTo(1.5, 10);
    // ada: 12/4 = 3; share 12/21; equal share 4/14; ratio (12/21)/(4/14) = 2.
    expect(row(d, 'ada')).toMatchObject({ count: 12, presentLessons: 4, rate: 3 });
    expect(row(d, 'ada')?.share).toBeCloseTo(12 / 21, 10);
    expect(row(d, 'ada')?.expectedShare).toBeCloseTo(4 / 14, 10);
    expect(row(d, 'ada')?.shareRatio).toBeCloseTo(2, 10);
    expect(row(d, 'bo')?.rate).toBeCloseTo(1.75, 10);
    expect(row(d, 'cas')?.rate).toBeCloseTo(0.5, 10);
    // dewi was present twice and got nothing: equal share 2/14, ratio 0.
    expect(row(d, 'dewi')).toMatchObject({ count: 0, presentLessons: 2, rate: 0, shareRatio: 0 });
    expect(row(d, 'dewi')?.expectedShare).toBeCloseTo(2 / 14, 10);
  });

  it('§1 Gini of the rates is 10.25/21 and the top fifth is ada with 4/7 of the rates', () => {
    const p = okPattern(dist('turn').pattern);
    // sorted rates 0, 0.5, 1.75, 3: Σ(2i−n−1)x = −0.5 + 1.75 + 9 = 10.25; n·Σx = 4 · 5.25 = 21.
    expect(p.gini).toBeCloseTo(10.25 / 21, 10);
    expect(p.topFifth).toMatchObject({ size: 1, pupilIds: ['ada'], evenShare: 0.25 });
    expect(p.topFifth.rateShare).toBeCloseTo(3 / 5.25, 10);
    expect(p.topFifth.countShare).toBeCloseTo(12 / 21, 10);
    expect(p.topFifth.presenceShare).toBeCloseTo(4 / 14, 10);
  });

  it('§1 dispersion: D = 6 + 1/6 + 8/3 + 3 = 11.83 on 3 df, p ≈ 0.008', () => {
    const p = okPattern(dist('turn').pattern);
    expect(p.dispersion?.test).toBe('dispersion');
    expect(p.dispersion?.statistic).toBeCloseTo(71 / 6, 10);
    expect(p.dispersion?.p).toBeCloseTo(0.0079765, 6);
    expect(p.dispersion?.couldBeChance).toBe(false);
  });

  it('§1 quiet: the class mean window rate is 1.75; cas (2 turns where 7 were expected) has few', () => {
    const q = result.quiet;
    expect(q.classMeanRate).toBeCloseTo(1.75, 10);
    expect(q.fewRate).toBeCloseTo(1.75 / 3, 10);
    const cas = q.pupils.find((p) => p.pupilId === 'cas');
    expect(cas).toMatchObject({ attended: 4, turns: 2, status: 'few' });
    expect(cas?.expectedTurns).toBeCloseTo(7, 10);
    expect(q.pupils.find((p) => p.pupilId === 'dewi')?.status).toBe('insufficient');
    expect(q.pupils.find((p) => p.pupilId === 'bo')?.status).toBe('typical');
    expect(okPattern(q.pattern).flagged).toEqual(['cas']);
  });

  it('§2 quality: praise 4 against 1 work and 2 behaviour corrections; 10 of 21 levelled questions are higher-order', () => {
    const c = result.quality.class;
    expect(c).toMatchObject({
      praise: 4,
      praiseSpecific: 2,
      correctionWork: 1,
      correctionBehaviour: 2,
    });
    expect(c.positiveShare).toBeCloseTo(4 / 7, 10);
    expect(c.positiveShareWork).toBeCloseTo(4 / 5, 10);
    expect(c.positiveShareBehaviour).toBeCloseTo(4 / 6, 10);
    expect(c).toMatchObject({ higherOrder: 10, recall: 11, levelUnknown: 2, followUps: 2 });
    expect(c.higherShare).toBeCloseTo(10 / 21, 10);
    expect(c).toMatchObject({ volunteered: 8, called: 13, bankingSessions: 2, bankingMinutes: 25 });
    expect(c.calledShare).toBeCloseTo(13 / 21, 10);
    const ada = result.quality.pupils.find((p) => p.pupilId === 'ada');
    expect(ada).toMatchObject({ turns: 12, higherOrder: 10, recall: 4, levelUnknown: 0 });
    expect(ada?.higherShare).toBeCloseTo(10 / 14, 10);
    expect(ada?.followUpsPerTurn).toBeCloseTo(2 / 12, 10);
    const cas = result.quality.pupils.find((p) => p.pupilId === 'cas');
    expect(cas).toMatchObject({ positiveShare: 0, higherShare: null, calledShare: 1 });
  });

  it('§3 equity ratio by home language counts presences: 7/6 for nl, 7/9 for other', () => {
    const turn = result.equity[0]?.metrics.find((m) => m.metric === 'turn');
    const nl = turn?.rows.find((r) => r.group === 'nl');
    const other = turn?.rows.find((r) => r.group === 'other');
    expect(nl).toMatchObject({ pupils: 2, presences: 8, count: 14 });
    expect(nl?.ratio).toBeCloseTo(14 / 21 / (8 / 14), 10);
    expect(nl?.ratio).toBeCloseTo(7 / 6, 10);
    expect(other).toMatchObject({ pupils: 2, presences: 6, count: 7 });
    expect(other?.ratio).toBeCloseTo(7 / 9, 10);
  });

  it('§4 expectation bands: high gets 2.375 turns per lesson, middle 0.5, low 0', () => {
    const turn = result.expectation.current.metrics.find((m) => m.metric === 'turn');
    const band = (g: string) => turn?.rows.find((r) => r.group === g);
    expect(band('high')).toMatchObject({ pupils: 2, presences: 8, count: 19 });
    expect(band('high')?.rate).toBeCloseTo(2.375, 10);
    expect(band('high')?.ratio).toBeCloseTo(19 / 21 / (8 / 14), 10);
    expect(band('middle')?.rate).toBeCloseTo(0.5, 10);
    expect(band('low')).toMatchObject({ count: 0, presences: 2, rate: 0, ratio: 0 });
    // Four pupils allow 12 labellings; the observed one is unique, so p ≥ 1/12: could be chance.
    const test = okPattern(turn?.test ?? { status: 'insufficient' });
    expect(test.significance?.couldBeChance).toBe(true);
  });

  it('§5 expectation against achievement: bo placed higher, dewi lower than their results', () => {
    const a = result.achievement;
    expect(a.footing).toBe('classPosition');
    expect(a.assessments).toEqual([
      { label: 'rekentoets', scoreType: 'grade', date: '2025-01-25', pupils: 4 },
    ]);
    const at = (id: string) => a.pupils.find((p) => p.pupilId === id);
    expect(at('ada')).toMatchObject({
      expectationPosition: 0.875,
      achievementPosition: 0.875,
      gap: 0,
    });
    expect(at('bo')).toMatchObject({ expectationPosition: 0.625, achievementPosition: 0.125 });
    expect(at('bo')?.gap).toBeCloseTo(0.5, 10);
    expect(at('cas')).toMatchObject({ expectationPosition: 0.375, achievementPosition: 0.5 });
    expect(at('dewi')).toMatchObject({ expectationPosition: 0.125, achievementPosition: 0.5 });
    expect(at('dewi')?.gap).toBeCloseTo(-0.375, 10);
    const p = okPattern(a.pattern);
    expect(p.higher).toEqual(['bo']);
    expect(p.lower).toEqual(['dewi']);
    expect(p.spearman).toBeCloseTo(1.5 / Math.sqrt(22.5), 10);
    const home = a.lenses[0]?.rows;
    expect(home?.find((r) => r.group === 'nl')?.meanGap).toBeCloseTo(-0.0625, 10);
    expect(home?.find((r) => r.group === 'other')?.meanGap).toBeCloseTo(0.0625, 10);
  });

  it('§6 conflict against corrections: rho = 3/√22.5 ≈ 0.63, but 3 corrections are too few to call it a pattern', () => {
    const c = result.relationship.correlations.find(
      (x) => x.dimension === 'conflict' && x.metric === 'corrections',
    );
    expect(c?.n).toBe(4);
    expect(c?.rho).toBeCloseTo(3 / Math.sqrt(22.5), 10);
    expect(c?.bands).toEqual([
      { band: 'low', pupils: 2, meanRate: 0.125 },
      { band: 'middle', pupils: 1, meanRate: 0 },
      { band: 'high', pupils: 1, meanRate: 0.5 },
    ]);
    expect(c?.test).toMatchObject({ status: 'insufficient', reasons: ['fewEvents'] });
  });

  it('insights: cas has few turns, bo and dewi are placed off their results, turns are concentrated', () => {
    const insights = deriveInsights(result);
    expect(insights.map((i) => i.id)).toEqual([
      'notAddressed:cas',
      'expectationVsAchievement:lower',
      'expectationVsAchievement:higher',
      'concentration:turn',
    ]);
    // 2 turns where 7 were expected: Poisson P(X ≤ 2) = e^−7 (1 + 7 + 49/2) ≈ 0.030.
    expect(insights[0]?.significance?.p).toBeCloseTo(32.5 * Math.exp(-7), 12);
    expect(insights[1]?.pupils).toEqual(['dewi']);
    expect(insights[2]?.pupils).toEqual(['bo']);
    // The home-language ratio 7/9 stays inside 1/1.5 … 1.5, and the low band (dewi alone) is too
    // small to compare: neither becomes an insight.
  });
});
