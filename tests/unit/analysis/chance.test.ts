/**
 * Chance control (issue 10 §3): Benjamini–Hochberg over the family of one class and period, with
 * hand-worked values, and the card and the prompt reading the same adjusted decision.
 */
import { describe, expect, it } from 'vitest';
import {
  bhAdjusted,
  bhSurvivors,
  chanceFamily,
  deriveInsights,
  survives,
} from '../../../src/analysis';
import { PROMPT_THRESHOLDS, RULES } from '../../../src/reflection';
import {
  attendance,
  basis,
  emptyResult,
  input,
  qualityPupil,
  quietPupil,
  counts,
} from '../prompts/support/result';

/** The worked example of docs/analysis.md, "Chance control" (m = 12, q = 0.10). */
const WORKED = [0.003, 0.012, 0.026, 0.041, 0.19, 0.27, 0.33, 0.48, 0.52, 0.66, 0.81, 0.95];

describe('Benjamini–Hochberg, hand-worked', () => {
  const cases: { name: string; p: number[]; adjusted: number[]; q: number; survive: boolean[] }[] =
    [
      {
        // Sorted 0.005, 0.01, 0.03, 0.04; m·p/rank = 0.02, 0.02, 0.04, 0.04; running min from the top.
        name: 'four tests, input order kept',
        p: [0.01, 0.04, 0.03, 0.005],
        adjusted: [0.02, 0.04, 0.04, 0.02],
        q: 0.03,
        survive: [true, false, false, true],
      },
      {
        // Step-up: 0.04 > 0.05/3 on its own, but 0.05 ≤ 3·0.05/3 carries the two below it.
        name: 'step-up carries smaller p-values',
        p: [0.04, 0.045, 0.05],
        adjusted: [0.05, 0.05, 0.05],
        q: 0.05,
        survive: [true, true, true],
      },
      {
        name: 'one test: adjusted = p',
        p: [0.07],
        adjusted: [0.07],
        q: 0.1,
        survive: [true],
      },
      {
        // m·p/rank = 0.06, 0.06, 0.09 → the tie shares 0.06.
        name: 'ties share their adjusted p',
        p: [0.02, 0.02, 0.03, 0.9],
        adjusted: [0.04, 0.04, 0.04, 0.9],
        q: 0.05,
        survive: [true, true, true, false],
      },
      {
        // 12 · p / rank = 0.036, 0.072, 0.104, 0.123, 0.456, 0.54, 0.566, 0.72, 0.693, 0.792,
        // 0.884, 0.95; running minimum from the top turns 0.72 into 0.693.
        name: 'the worked example of docs/analysis.md',
        p: WORKED,
        adjusted: [
          0.036, 0.072, 0.104, 0.123, 0.456, 0.54, 0.565714, 0.693333, 0.693333, 0.792, 0.883636,
          0.95,
        ],
        q: 0.1,
        survive: [true, true, false, false, false, false, false, false, false, false, false, false],
      },
      {
        name: 'nothing below q/m and nothing carried: none survive',
        p: [0.03, 0.2, 0.5],
        adjusted: [0.09, 0.3, 0.5],
        q: 0.05,
        survive: [false, false, false],
      },
      {
        name: 'an invalid p counts as 1 and never survives',
        p: [Number.NaN, 0.001],
        adjusted: [1, 0.002],
        q: 0.1,
        survive: [false, true],
      },
      { name: 'an empty family', p: [], adjusted: [], q: 0.1, survive: [] },
    ];
  it.each(cases)('$name', ({ p, adjusted, q, survive }) => {
    const got = bhAdjusted(p);
    expect(got).toHaveLength(adjusted.length);
    got.forEach((a, i) => expect(a, `test ${i}`).toBeCloseTo(adjusted[i] ?? -1, 5));
    expect(bhSurvivors(p, q)).toEqual(survive);
  });

  it('keys a family and reports its size, survivors and cut-off', () => {
    const family = chanceFamily(
      WORKED.map((p, i) => ({ key: `t${i}`, p })),
      0.1,
    );
    expect(family).toMatchObject({ q: 0.1, size: 12, survivors: 2, cutoff: 0.012 });
    expect(survives(family, 't1')).toBe(true);
    expect(survives(family, 't2')).toBe(false);
    // Not a member of the family: never called unlikely to be chance.
    expect(survives(family, 'unknown')).toBe(false);
  });
});

/**
 * One pupil with no turn in 5 lessons (p = 0.03 < 0.05) and `others` classmates whose quiet test
 * is unremarkable (p = 0.6). Alone (m = 1) the pupil survives; among nine others (m = 10) BH needs
 * p ≤ 0.1/10 and the claim becomes "could well be chance".
 */
function quietClass(others: number) {
  const ids = ['p1', ...Array.from({ length: others }, (_, i) => `q${i}`)];
  const pupils = [
    quietPupil(
      'p1',
      { status: 'none', turns: 0, attended: 5, expectedTurns: 3.5, p: 0.03 },
      {
        status: 'none',
        turns: 0,
        attended: 5,
        expectedTurns: 3.5,
        p: 0.03,
      },
    ),
    ...ids.slice(1).map((id) => quietPupil(id, {}, { attended: 5 })),
  ];
  const result = emptyResult({
    pupils: attendance(ids, 10),
    quiet: {
      ...emptyResult().quiet,
      pupils,
      pattern: {
        status: 'ok',
        basis: basis(10, 120, ids.length),
        flagged: [],
        flaggedInPeriod: [],
      },
    },
  });
  return input({ result });
}

/**
 * One pupil with 1 praise against 9 corrections while the rest of the class gets half praise:
 * P = binomial two-sided(1 | 10, 0.5) = 22/1024 ≈ 0.0215. Conflict rating 4 (for the prompt).
 * `others` classmates with balanced feedback (5 praise, 5 corrections: p = 1) join the family.
 */
function feedbackClass(others: number) {
  const ids = ['p1', ...Array.from({ length: others }, (_, i) => `q${i}`)];
  const pupils = [
    qualityPupil('p1', {
      presentLessons: 10,
      praise: 1,
      correctionWork: 9,
      correctionBehaviour: 0,
    }),
    ...ids.slice(1).map((id) =>
      qualityPupil(id, {
        presentLessons: 10,
        praise: 5,
        correctionWork: 5,
        correctionBehaviour: 0,
      }),
    ),
  ];
  // The rest of the class: 40 praise, 40 corrections → restShare = 0.5 for p1.
  const restPraise = 40 + 5 * others;
  const result = emptyResult({
    pupils: attendance(ids, 10),
    quality: {
      class: counts({
        praise: 1 + restPraise,
        correctionWork: 9 + restPraise,
        correctionBehaviour: 0,
      }),
      pupils,
    },
    relationship: {
      pupils: [{ pupilId: 'p1', date: '2025-02-01', closeness: 3, conflict: 4, dependency: 2 }],
      correlations: [],
    },
  });
  return input({ result });
}

describe('card and prompt read the same adjusted decision', () => {
  const table = [
    { name: 'hardly addressed, alone in its family', build: () => quietClass(0), m: 1, firm: true },
    {
      name: 'hardly addressed, among 9 other tests',
      build: () => quietClass(9),
      m: 10,
      firm: false,
    },
    { name: 'feedback, alone in its family', build: () => feedbackClass(0), m: 1, firm: true },
    { name: 'feedback, among 9 other tests', build: () => feedbackClass(9), m: 10, firm: false },
  ];
  it.each(table)('$name', ({ build, m, firm }) => {
    const i = build();
    const insight = deriveInsights(i.result).find(
      (x) => x.kind === 'notAddressed' || x.kind === 'praiseCorrection',
    );
    expect(insight, 'the card shows the pupil either way').toBeDefined();
    expect(insight?.significance?.p).toBeLessThan(0.05);
    expect(insight?.significance?.couldBeChance).toBe(!firm);
    const rule = insight?.kind === 'notAddressed' ? RULES.notAddressed : RULES.correctionsConflict;
    const prompts = rule(i, PROMPT_THRESHOLDS);
    // A prompt only speaks of a claim that survives the family.
    expect(prompts.length).toBe(firm ? 1 : 0);
    expect(i.result.chance.size).toBe(m);
  });
});
