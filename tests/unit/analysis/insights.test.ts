/** The insight layer: observations as data, only where the data carry them. */
import { describe, expect, it } from 'vitest';
import { analyseClass, deriveInsights, type Insight } from '../../../src/analysis';
import { ClassBuilder } from './support/build';

const TODAY = '2025-03-31';
const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${String(i).padStart(2, '0')}`);
const byId = (xs: Insight[], id: string) => xs.find((x) => x.id === id);

/**
 * Twelve pupils, eight lessons. p00–p05 are expected high and speak Dutch at home; p06–p11 are
 * expected low and speak another language. All score 7 on the same test.
 * High: 3 higher-order turns a lesson; low: 1 recall turn (p11 none). p09 and p10 (conflict rated
 * 5, everyone else 1–2) are corrected three times a lesson and never praised; everyone else is
 * praised once a lesson.
 */
function biased(): ClassBuilder {
  const all = ids(12);
  const b = new ClassBuilder().pupils(...all).lessons(8);
  b.lens('home', 'Thuistaal', ['nl', 'other']);
  all.forEach((id, i) => {
    const high = i < 6;
    b.lensValue(id, 'home', high ? 'nl' : 'other');
    b.expectation(id, '2025-01-10', high ? 4 : 0);
    b.achievement(id, 'toets', '2025-01-20', 'grade', 7);
    if (high) b.everyLesson(id, 'turn', 3, { questionLevel: 'higher', initiative: 'called' });
    else if (id !== 'p11')
      b.everyLesson(id, 'turn', 1, { questionLevel: 'recall', initiative: 'called' });
    const conflict = id === 'p09' || id === 'p10';
    if (conflict) b.everyLesson(id, 'correctionBehaviour', 3);
    else b.everyLesson(id, 'praise', 1);
    b.relationship(id, '2025-01-15', 3, conflict ? 5 : 1 + (i % 2));
  });
  return b;
}

describe('insights from a class with a built-in bias', () => {
  const insights = deriveInsights(analyseClass(biased().build(), { today: TODAY }));

  it('notices the pupil who got no turn in the last five lessons', () => {
    const i = byId(insights, 'notAddressed:p11');
    expect(i).toMatchObject({
      kind: 'notAddressed',
      pupils: ['p11'],
      params: { window: 'recent', status: 'none', turns: 0, lessons: 5 },
      research: ['Brophy & Good 1970', 'Kerman 1979'],
    });
    // Window mean over all twelve: (6·3 + 5·1 + 0)/12 = 23/12 a lesson → 115/12 in 5 lessons.
    expect(i?.params.expectedTurns).toBeCloseTo(115 / 12, 9);
    // None where 9.6 were expected: Poisson P(0) = e^(−115/12) ≈ 0.00007.
    expect(i?.significance?.p).toBeCloseTo(Math.exp(-115 / 12), 12);
    expect(i?.significance?.couldBeChance).toBe(false);
  });

  it('reports that pupils expected high get more turns, and that it is unlikely to be chance', () => {
    const i = byId(insights, 'expectationGap:turn');
    // High: 6 pupils × 8 lessons × 3 = 144 over 48 presences = 3; low: 5 × 8 × 1 = 40 over 48.
    expect(i?.params).toMatchObject({ metric: 'turn', highRate: 3, highPupils: 6, lowPupils: 6 });
    expect(i?.params.lowRate).toBeCloseTo(40 / 48, 12);
    expect(i?.params.ratio).toBeCloseTo(3.6, 12);
    expect(i?.significance?.couldBeChance).toBe(false);
    expect(i?.research).toContain('Brophy & Good 1970');
  });

  it('reports higher-order questions going to the high-expectation group', () => {
    const i = byId(insights, 'higherOrder:higherOrder');
    expect(i?.kind).toBe('higherOrder');
    // Low never gets a higher-order question: no finite ratio, only the two rates.
    expect(i?.params).toMatchObject({ highRate: 3, lowRate: 0 });
    expect(i?.params.ratio).toBeUndefined();
  });

  it('reports the equity ratio of the home-language group that gets less', () => {
    const i = byId(insights, 'lensEquity:home:turn');
    // Other: 40 of 184 turns on half the presences → (40/184)/(1/2) ≈ 0.43.
    expect(i?.params).toMatchObject({
      lensId: 'home',
      valueId: 'other',
      valueLabel: 'OTHER',
      count: 40,
      expectedCount: 92,
    });
    expect(i?.params.ratio).toBeCloseTo(80 / 184, 12);
    expect(i?.pupils).toEqual(ids(12).slice(6));
    expect(i?.significance?.couldBeChance).toBe(false);
  });

  it('notices a pupil who is corrected often and praised far less than classmates', () => {
    const i = byId(insights, 'praiseCorrection:p10');
    expect(i?.params).toMatchObject({
      praise: 0,
      correctionBehaviour: 24,
      correctionWork: 0,
      lessons: 8,
    });
    // The rest of the class: 80 praise against p09's 24 corrections.
    expect(i?.params.restPositiveShare).toBeCloseTo(80 / 104, 12);
    // 0 of 24 where 80/104 was the rest's share: binomial p = (24/104)^24, far below 0.05.
    expect(i?.significance?.p).toBeCloseTo((24 / 104) ** 24, 20);
    expect(i?.significance?.couldBeChance).toBe(false);
  });

  it('at equal results, places the pupils expected high above and those expected low below their results', () => {
    // Everyone's result sits at 0.5; expectations at (6 + 3)/12 = 0.75 and 0.25: gaps ±0.25.
    expect(byId(insights, 'expectationVsAchievement:higher')?.pupils).toEqual(ids(12).slice(0, 6));
    expect(byId(insights, 'expectationVsAchievement:lower')?.pupils).toEqual(ids(12).slice(6));
    const gap = byId(insights, 'lensExpectationGap:home');
    expect(Math.abs(Number(gap?.params.meanGap))).toBeCloseTo(0.25, 12);
    // Exact p: 2 of the 924 ways to split twelve pupils six-six.
    expect(gap?.significance?.couldBeChance).toBe(false);
    expect(gap?.research).toEqual(['Van den Bergh, Denessen & Volman 2021', 'Denessen 2022']);
  });

  it('links conflict ratings with corrections', () => {
    const i = byId(insights, 'relationshipCorrection:conflict');
    // p09 and p10 (conflict 5) are the only pupils corrected: 3 a lesson against 0 for the rest.
    // Band test: 1 of the C(12,2) = 66 ways to pick two pupils is as extreme → p ≈ 0.015.
    expect(i?.params).toMatchObject({
      dimension: 'conflict',
      n: 12,
      rateRated3to5: 3,
      rateRated1to2: 0,
    });
    expect(i?.significance?.couldBeChance).toBe(false);
  });

  it('every insight carries its counts and research, and no insight is about a teacher score', () => {
    for (const i of insights) {
      expect(i.basis.lessons).toBeGreaterThan(0);
      expect(i.research.length).toBeGreaterThan(0);
      expect(Object.keys(i.params)).not.toContain('score');
    }
    expect(new Set(insights.map((i) => i.id)).size).toBe(insights.length);
  });
});

describe('no pattern, no insight', () => {
  it('an even-handed class with consistent expectations yields nothing to report', () => {
    const all = ids(10);
    const b = new ClassBuilder().pupils(...all).lessons(6);
    all.forEach((id, i) => {
      b.everyLesson(id, 'turn', 2).everyLesson(id, 'praise', 1);
      b.expectation(id, '2025-01-10', i % 5);
      b.achievement(id, 'toets', '2025-01-20', 'grade', 4 + (i % 5));
    });
    expect(deriveInsights(analyseClass(b.build(), { today: TODAY }))).toEqual([]);
  });

  it('with two lessons there is only the note that there is not enough yet', () => {
    const b = biased();
    b.data.lessons.splice(2);
    const insights = deriveInsights(analyseClass(b.build(), { today: TODAY }));
    expect(insights.map((i) => i.kind)).toEqual([
      'insufficientData',
      'expectationVsAchievement',
      'expectationVsAchievement',
      'lensExpectationGap',
    ]);
    expect(insights[0]?.params).toMatchObject({ lessons: 2, minLessons: 3, minEvents: 20 });
  });

  it('a difference below the threshold ratio (1.4 < 1.5) is not reported', () => {
    const all = ids(10);
    const b = new ClassBuilder().pupils(...all).lessons(5);
    all.forEach((id, i) => {
      b.expectation(id, '2025-01-10', i < 5 ? 4 : 0);
      b.everyLesson(id, 'turn', i < 5 ? 7 : 5);
    });
    const insights = deriveInsights(analyseClass(b.build(), { today: TODAY }));
    expect(insights.filter((i) => i.kind === 'expectationGap')).toEqual([]);
  });
});

describe('concentration', () => {
  it('reports when the most-addressed fifth gets far more than its share', () => {
    // Ten pupils: p00 and p01 get 5 turns a lesson, the others 1. Rates sum 18; top two 10/18.
    const all = ids(10);
    const b = new ClassBuilder().pupils(...all).lessons(5);
    all.forEach((id, i) => b.everyLesson(id, 'turn', i < 2 ? 5 : 1));
    const i = byId(deriveInsights(analyseClass(b.build(), { today: TODAY })), 'concentration:turn');
    expect(i?.pupils).toEqual(['p00', 'p01']);
    expect(i?.params.topFifthShare).toBeCloseTo(10 / 18, 12);
    expect(i?.params).toMatchObject({ topFifthSize: 2, evenShare: 0.2 });
    expect(i?.significance?.couldBeChance).toBe(false);
  });
});
