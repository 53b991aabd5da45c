/**
 * The table of rule cases, on hand-built analysis results: for every rule a case that makes it
 * fire, cases that keep it quiet (below the effect size, too little data, could be chance), and
 * the figures the prompt must carry. Used by rules.test.ts and texts.test.ts.
 */
import { expect } from 'vitest';
import { binomialTwoSided, type AnalysisResult } from '../../../../src/analysis';
import { type Prompt, type PromptInput, type PromptRule } from '../../../../src/reflection';
import {
  attendance,
  banking,
  basis,
  comparison,
  counts,
  distribution,
  emptyData,
  emptyResult,
  ev,
  input,
  insufficient,
  intention,
  lens,
  lesson,
  pupil,
  qualityPupil,
  quietPupil,
  row,
  share,
  sig,
  TODAY,
} from './result';
import { pupilSideCases } from './pupilSideCases';

export type Kind = 'fires' | 'quiet' | 'tooLittle' | 'chance';
export interface Case {
  rule: PromptRule;
  kind: Kind;
  name: string;
  input: PromptInput;
  /** The keys the rule returns, in order. */
  keys: string[];
  check?: (prompts: Prompt[]) => void;
}
export const cases: Case[] = [];
const add = (
  rule: PromptRule,
  kind: Kind,
  name: string,
  i: PromptInput,
  keys: string[],
  check?: Case['check'],
) => cases.push({ rule, kind, name, input: i, keys, ...(check ? { check } : {}) });
const withResult = (over: Partial<AnalysisResult>, rest: Partial<PromptInput> = {}) =>
  input({ result: emptyResult(over), ...rest });
const rel = (pupilId: string, closeness: number, conflict: number) => ({
  pupilId,
  date: '2025-02-01',
  closeness,
  conflict,
  dependency: 2,
});

// --- notAddressed -------------------------------------------------------------------------------
{
  const quiet = (pupils: ReturnType<typeof quietPupil>[], ok = true, removed: string[] = []) =>
    withResult({
      pupils: attendance(['p1', 'p2'], 10, removed),
      quiet: {
        ...emptyResult().quiet,
        pupils,
        pattern: ok
          ? { status: 'ok', basis: basis(10, 120, 2), flagged: [], flaggedInPeriod: [] }
          : insufficient(basis(2, 12, 2)),
      },
    });
  // No turn in 5 lessons where the class mean gives 6: P(0 | 6) = e^-6 ≈ 0.0025.
  const none = quietPupil('p1', {
    status: 'none',
    turns: 0,
    attended: 5,
    expectedTurns: 6,
    p: Math.exp(-6),
  });
  add(
    'notAddressed',
    'fires',
    'no turn in the last five lessons',
    quiet([none, quietPupil('p2')]),
    ['notAddressed:p1'],
    ([p]) => {
      expect(p?.params).toMatchObject({ window: 'recent', turns: 0, lessons: 5, expectedTurns: 6 });
      expect(p?.pupilIds).toEqual(['p1']);
      expect(p?.research).toEqual(['Brophy & Good 1970', 'Kerman 1979']);
    },
  );
  // Recent window: 1 turn where 1.75 expected (could be chance); period: 2 where 8.86 (p ≈ 0.007).
  const period = quietPupil(
    'p1',
    { status: 'typical', turns: 1, attended: 5, expectedTurns: 1.75, p: 0.48 },
    { status: 'few', turns: 2, attended: 24, expectedTurns: 8.86, p: 0.007 },
  );
  add(
    'notAddressed',
    'fires',
    'over the period when the recent window shows too little',
    quiet([period]),
    ['notAddressed:p1'],
    ([p]) => expect(p?.params).toMatchObject({ window: 'period', turns: 2, lessons: 24 }),
  );
  add(
    'notAddressed',
    'chance',
    'no turn, but only 2 expected (p = e^-2 ≈ 0.135)',
    quiet([
      quietPupil(
        'p1',
        { status: 'none', turns: 0, attended: 5, expectedTurns: 2, p: Math.exp(-2) },
        { status: 'typical', p: 0.3 },
      ),
    ]),
    [],
  );
  add('notAddressed', 'tooLittle', 'the quiet pattern is insufficient', quiet([none], false), []);
  add(
    'notAddressed',
    'tooLittle',
    'only two lessons attended',
    quiet([
      quietPupil(
        'p1',
        // The analysis calls fewer than its minimum of lessons "insufficient".
        { status: 'insufficient', turns: 0, attended: 2, expectedTurns: 5, p: Math.exp(-5) },
        { status: 'insufficient', turns: 0, attended: 2, expectedTurns: 5, p: Math.exp(-5) },
      ),
    ]),
    [],
  );
  // 5 turns where 12 expected: unlikely chance (p ≈ 0.02), but more than a third of the mean,
  // so the analysis calls it typical (as the insight does).
  add(
    'notAddressed',
    'quiet',
    '5 of 12 expected turns is not "very few"',
    quiet([
      quietPupil(
        'p1',
        { status: 'typical', turns: 5, attended: 5, expectedTurns: 12, p: 0.02 },
        { status: 'typical', turns: 5, attended: 5, expectedTurns: 12, p: 0.02 },
      ),
    ]),
    [],
  );
  add('notAddressed', 'quiet', 'a pupil who left the class', quiet([none], true, ['p1']), []);
  add('notAddressed', 'quiet', 'typical turns', quiet([quietPupil('p1'), quietPupil('p2')]), []);
}

// --- correctionsConflict ----------------------------------------------------------------------
{
  // Class: 40 praise, 30 corrections. p1: 1 praise, 10 corrections; the rest: 39 of 59 praise.
  const make = (
    p1: Parameters<typeof qualityPupil>[1],
    conflict = 4,
    cls = { praise: 40, correctionWork: 10, correctionBehaviour: 20 },
  ) =>
    withResult({
      pupils: attendance(['p1', 'p2']),
      quality: {
        class: counts(cls),
        pupils: [
          qualityPupil('p1', { presentLessons: 10, ...p1 }),
          qualityPupil('p2', { presentLessons: 10 }),
        ],
      },
      relationship: { pupils: [rel('p1', 2, conflict)], correlations: [] },
    });
  const heavy = { praise: 1, correctionWork: 2, correctionBehaviour: 8 };
  add(
    'correctionsConflict',
    'fires',
    'conflict 4, 10 corrections against 1 praise',
    make(heavy),
    ['correctionsConflict:p1'],
    ([p]) => {
      expect(p?.params).toMatchObject({
        praise: 1,
        corrections: 10,
        correctionBehaviour: 8,
        conflict: 4,
        lessons: 10,
      });
      expect(p?.params.restPositiveShare).toBeCloseTo(39 / 59, 12);
      expect(p?.params.positiveShare).toBeCloseTo(1 / 11, 12);
      expect(p?.params.p).toBeCloseTo(binomialTwoSided(1, 11, 39 / 59), 12);
      expect(p?.variant).toBeUndefined();
      expect(p?.research).toContain('Driscoll & Pianta 2010');
    },
  );
  add(
    'correctionsConflict',
    'fires',
    'Banking Time already under way: the "banking" variant',
    make({ ...heavy, bankingSessions: 2 }),
    ['correctionsConflict:p1'],
    ([p]) => expect(p?.variant).toBe('banking'),
  );
  add('correctionsConflict', 'quiet', 'conflict rated 2', make(heavy, 2), []);
  add(
    'correctionsConflict',
    'quiet',
    'more praise than corrections',
    make({ praise: 6, correctionWork: 5, correctionBehaviour: 0 }),
    [],
  );
  add(
    'correctionsConflict',
    'tooLittle',
    'only 4 corrections',
    make({ praise: 0, correctionWork: 0, correctionBehaviour: 4 }),
    [],
  );
  add(
    'correctionsConflict',
    'tooLittle',
    'present in only 2 lessons',
    make({ ...heavy, presentLessons: 2 }),
    [],
  );
  // 2 praise against 5 corrections, the rest at 38/63: p well above 0.05.
  expect(binomialTwoSided(2, 7, 38 / 63)).toBeGreaterThan(0.05);
  add(
    'correctionsConflict',
    'chance',
    '2 praise against 5 corrections could be chance',
    make({ praise: 2, correctionWork: 0, correctionBehaviour: 5 }),
    [],
  );
}

// --- bankingNotYet ----------------------------------------------------------------------------
{
  const make = (conflict: number, lessons = 10, present = 10, rest: Partial<PromptInput> = {}) =>
    withResult(
      {
        basis: basis(lessons, 100, 2),
        pupils: attendance(['p1', 'p2'], present),
        relationship: { pupils: [rel('p1', 2, conflict)], correlations: [] },
      },
      rest,
    );
  add(
    'bankingNotYet',
    'fires',
    'conflict 5 and never Banking Time',
    make(5),
    ['bankingNotYet:p1'],
    ([p]) =>
      expect(p?.params).toMatchObject({
        conflict: 5,
        closeness: 2,
        ratedOn: '2025-02-01',
        lessons: 10,
      }),
  );
  add(
    'bankingNotYet',
    'fires',
    'a deleted session does not count',
    make(4, 10, 10, {
      data: emptyData({
        banking: [banking('p1', '2025-03-01', { deletedAt: '2025-03-02T10:00:00.000Z' })],
      }),
    }),
    ['bankingNotYet:p1'],
  );
  add(
    'bankingNotYet',
    'quiet',
    'Banking Time logged in the period',
    make(5, 10, 10, { data: emptyData({ banking: [banking('p1', '2025-03-10')] }) }),
    [],
  );
  add(
    'bankingNotYet',
    'quiet',
    'Banking Time logged before the period (history)',
    make(5, 10, 10, { history: { lessons: [], banking: [banking('p1', '2024-11-01')] } }),
    [],
  );
  add('bankingNotYet', 'quiet', 'conflict 3 is not high', make(3), []);
  add('bankingNotYet', 'tooLittle', 'only 2 lessons logged', make(5, 2, 2), []);
  add('bankingNotYet', 'tooLittle', 'the pupil was present twice', make(5, 10, 2), []);
}

// --- closenessAttention -----------------------------------------------------------------------
{
  const make = (closeness: number, count: number, total: number, ok = true) =>
    withResult({
      pupils: attendance(['p1']),
      relationship: { pupils: [rel('p1', closeness, 1)], correlations: [] },
      distribution: [
        distribution(
          'personal',
          ok
            ? {
                status: 'ok',
                basis: basis(10, total, 10),
                gini: 0.2,
                topFifth: {
                  size: 2,
                  pupilIds: [],
                  rateShare: 0.3,
                  evenShare: 0.2,
                  countShare: 0.3,
                  presenceShare: 0.2,
                },
                dispersion: null,
              }
            : insufficient(basis(10, total, 10)),
          [share('p1', { count, presentLessons: 10, expectedShare: 0.1 })],
          total,
        ),
      ],
    });
  // 0 of 40 where a tenth (4) is the fair share: exact two-sided p ≈ 0.02.
  expect(binomialTwoSided(0, 40, 0.1)).toBeLessThan(0.05);
  add(
    'closenessAttention',
    'fires',
    'closeness 2 and no personal attention in 40 moments',
    make(2, 0, 40),
    ['closenessAttention:p1'],
    ([p]) => {
      expect(p?.params).toMatchObject({ personal: 0, lessons: 10, expected: 4, closeness: 2 });
      expect(p?.research).toContain('Pianta 2001');
    },
  );
  add('closenessAttention', 'quiet', 'closeness 3', make(3, 0, 40), []);
  add(
    'closenessAttention',
    'quiet',
    '2 of 40 is more than a third of the fair share',
    make(2, 2, 40),
    [],
  );
  // 0 of 20 where 2 is fair: P(0) = 0.9^20 ≈ 0.12.
  expect(binomialTwoSided(0, 20, 0.1)).toBeGreaterThan(0.05);
  add('closenessAttention', 'chance', '0 of 20 could be chance', make(2, 0, 20), []);
  add(
    'closenessAttention',
    'tooLittle',
    'personal attention pattern insufficient',
    make(1, 0, 12, false),
    [],
  );
}

// --- expectationBelowResults ------------------------------------------------------------------
{
  const make = (assessments: number, ok = true, removed: string[] = []) =>
    withResult({
      pupils: attendance(['p1', 'p2'], 10, removed),
      achievement: {
        ...emptyResult().achievement,
        pupils: [
          {
            pupilId: 'p1',
            expectation: 1,
            expectationPosition: 0.2,
            achievementPosition: 0.55,
            assessments,
            gap: -0.35,
            placed: 'lower',
          },
        ],
        pattern: ok
          ? { status: 'ok', basis: basis(10, 0, 12), spearman: 0.4, higher: [], lower: ['p1'] }
          : insufficient(),
      },
    });
  add(
    'expectationBelowResults',
    'fires',
    'expected at 20, results at 55 on two tests',
    make(2),
    ['expectationBelowResults:p1'],
    ([p]) => {
      expect(p?.params).toMatchObject({
        expectationPosition: 0.2,
        achievementPosition: 0.55,
        assessments: 2,
        footing: 'classPosition',
      });
      expect(p?.params.gap).toBeCloseTo(0.35, 12);
      expect(p?.research).toContain('Denessen 2022');
    },
  );
  add('expectationBelowResults', 'tooLittle', 'only one test', make(1), []);
  add('expectationBelowResults', 'tooLittle', 'placement pattern insufficient', make(2, false), []);
  add('expectationBelowResults', 'quiet', 'a pupil who left', make(2, true, ['p1']), []);
}

// --- the four expectation-group rules --------------------------------------------------------
{
  const METRIC = {
    higherOrderByExpectation: 'higherOrder',
    followUpByExpectation: 'followUp',
    turnsByExpectation: 'turn',
    praiseByExpectation: 'praise',
  } as const;
  const make = (
    metric: string,
    high: number,
    low: number,
    p: number | null,
    opts: { ok?: boolean; lowPupils?: number } = {},
  ) =>
    withResult({
      pupils: attendance(['h1', 'h2', 'h3', 'l1', 'l2', 'l3'], 10, ['l3']),
      expectation: {
        ...emptyResult().expectation,
        current: {
          groups: [
            { group: 'high', label: null, pupilIds: ['h1', 'h2', 'h3'] },
            { group: 'low', label: null, pupilIds: ['l1', 'l2', 'l3'] },
          ],
          metrics: [
            comparison(
              metric as 'turn',
              [
                row('high', { pupils: 3, presences: 30, count: high * 30, rate: high }),
                row('low', {
                  pupils: opts.lowPupils ?? 3,
                  presences: 30,
                  count: low * 30,
                  rate: low,
                }),
              ],
              opts.ok === false
                ? insufficient(basis(2, 10, 6))
                : {
                    status: 'ok',
                    basis: basis(10, (high + low) * 30, 6),
                    significance: p === null ? null : sig(p),
                  },
            ),
          ],
        },
      },
    });
  for (const rule of [
    'higherOrderByExpectation',
    'followUpByExpectation',
    'turnsByExpectation',
    'praiseByExpectation',
  ] as const) {
    const m = METRIC[rule];
    add(
      rule,
      'fires',
      'high 0.3 a lesson, low 0.1, p = 0.001',
      make(m, 0.3, 0.1, 0.001),
      [rule],
      ([p]) => {
        expect(p?.params).toMatchObject({
          metric: m,
          highRate: 0.3,
          lowRate: 0.1,
          highPupils: 3,
          lowPupils: 3,
        });
        expect(p?.params.ratio).toBeCloseTo(3, 12);
        // The low group, without the pupil who left.
        expect(p?.pupilIds).toEqual(['l1', 'l2']);
      },
    );
    add(rule, 'fires', 'the low group got none', make(m, 0.3, 0, 0.001), [rule], ([p]) =>
      expect(p?.params.ratio).toBeUndefined(),
    );
    add(rule, 'quiet', 'ratio 1.2 is below 1.5', make(m, 0.36, 0.3, 0.001), []);
    add(rule, 'quiet', 'the low group gets more', make(m, 0.1, 0.3, 0.001), []);
    add(rule, 'quiet', 'a low group of one pupil', make(m, 0.3, 0.1, 0.001, { lowPupils: 1 }), []);
    add(rule, 'chance', 'permutation p = 0.2', make(m, 0.3, 0.1, 0.2), []);
    add(rule, 'chance', 'no test was run', make(m, 0.3, 0.1, null), []);
    add(rule, 'tooLittle', 'comparison insufficient', make(m, 0.3, 0.1, 0.001, { ok: false }), []);
  }
}

// --- lensEquity ------------------------------------------------------------------------------
{
  const groups = [
    { group: 'nl', label: 'NL', pupilIds: ['p1', 'p2'] },
    { group: 'other', label: 'OTHER', pupilIds: ['p3', 'p4'] },
  ];
  const pair = (metric: string, nl: number, other: number, p: number | null, ok = true) =>
    comparison(
      metric as 'turn',
      [
        row('nl', { pupils: 2, ratio: nl, count: nl * 50, presenceShare: 0.5 }),
        row('other', { pupils: 2, ratio: other, count: other * 50, presenceShare: 0.5 }),
      ],
      ok
        ? { status: 'ok', basis: basis(10, 100, 4), significance: p === null ? null : sig(p) }
        : insufficient(basis(2, 10, 4)),
    );
  const make = (...metrics: ReturnType<typeof pair>[]) =>
    withResult(
      {
        pupils: attendance(['p1', 'p2', 'p3', 'p4']),
        equity: [{ lensId: 'home', lensName: 'Thuistaal', groups, metrics }],
      },
      { data: emptyData({ lenses: [lens('home', 'Thuistaal', ['nl', 'other'])] }) },
    );
  add(
    'lensEquity',
    'fires',
    'praise 0.5 (farthest from 1) and turns 0.6',
    make(pair('turn', 1.4, 0.6, 0.001), pair('praise', 1.5, 0.5, 0.01)),
    ['lensEquity:home'],
    ([p]) => {
      expect(p?.params).toMatchObject({
        metric: 'praise',
        valueId: 'other',
        valueLabel: 'OTHER',
        ratio: 0.5,
        count: 25,
        expectedCount: 50,
        alsoMetrics: 'turn',
        lensName: 'Thuistaal',
      });
      expect(p?.pupilIds).toEqual(['p3', 'p4']);
      expect(p?.variant).toBeUndefined();
    },
  );
  add(
    'lensEquity',
    'fires',
    'a group that gets more: the "more" variant',
    make(pair('turn', 1.6, 0.7, 0.001)),
    ['lensEquity:home'],
    ([p]) => {
      expect(p?.params).toMatchObject({ valueId: 'nl', ratio: 1.6, alsoMetrics: '' });
      expect(p?.variant).toBe('more');
    },
  );
  add(
    'lensEquity',
    'fires',
    'corrections: only the group that gets more of them',
    make(pair('corrections', 0.4, 1.6, 0.001)),
    ['lensEquity:home'],
    ([p]) => {
      expect(p?.params).toMatchObject({ metric: 'corrections', valueId: 'other', ratio: 1.6 });
      expect(p?.variant).toBe('corrections');
    },
  );
  add('lensEquity', 'quiet', 'ratios 1.2 and 0.8', make(pair('turn', 1.2, 0.8, 0.001)), []);
  add('lensEquity', 'quiet', 'help is not a lens metric', make(pair('help', 1.8, 0.2, 0.001)), []);
  add('lensEquity', 'chance', 'p = 0.2', make(pair('turn', 1.6, 0.4, 0.2)), []);
  add(
    'lensEquity',
    'tooLittle',
    'comparison insufficient',
    make(pair('turn', 1.6, 0.4, 0.001, false)),
    [],
  );
}

// --- lensExpectationGap -----------------------------------------------------------------------
{
  const make = (nl: number, other: number, p: number, ok = true) =>
    withResult(
      {
        pupils: attendance(['p1', 'p2', 'p3', 'p4']),
        achievement: {
          ...emptyResult().achievement,
          lenses: [
            {
              lensId: 'home',
              lensName: 'Thuistaal',
              rows: [
                {
                  group: 'nl',
                  pupils: 2,
                  meanGap: nl,
                  meanExpectationPosition: 0.6,
                  meanAchievementPosition: 0.5,
                },
                {
                  group: 'other',
                  pupils: 2,
                  meanGap: other,
                  meanExpectationPosition: 0.4,
                  meanAchievementPosition: 0.5,
                },
              ],
              test: ok
                ? { status: 'ok', basis: basis(10, 0, 4), significance: sig(p) }
                : insufficient(basis(10, 0, 3)),
            },
          ],
        },
      },
      {
        data: emptyData({
          lenses: [lens('home', 'Thuistaal', ['nl', 'other'])],
          pupils: [
            pupil('p1', { home: 'nl' }),
            pupil('p2', { home: 'nl' }),
            pupil('p3', { home: 'other' }),
            pupil('p4', { home: 'other' }),
          ],
        }),
      },
    );
  add(
    'lensExpectationGap',
    'fires',
    'other placed 0.2 lower at equal results',
    make(0.1, -0.1, 0.01),
    ['lensExpectationGap:home'],
    ([p]) => {
      expect(p?.params).toMatchObject({
        valueId: 'other',
        valueLabel: 'OTHER',
        meanGap: -0.1,
        restMeanGap: 0.1,
        pupils: 2,
      });
      expect(p?.params.difference).toBeCloseTo(0.2, 12);
      expect(p?.pupilIds).toEqual(['p3', 'p4']);
      // Bias at equal results; Elffers 2022 (school advice) is not a source for lens groups.
      expect(p?.research).toEqual(['Van den Bergh, Denessen & Volman 2021', 'Denessen 2022']);
    },
  );
  add(
    'lensExpectationGap',
    'quiet',
    'a difference of 0.1 is below 0.15',
    make(0.05, -0.05, 0.01),
    [],
  );
  add('lensExpectationGap', 'chance', 'p = 0.3', make(0.1, -0.1, 0.3), []);
  add('lensExpectationGap', 'tooLittle', 'test insufficient', make(0.1, -0.1, 0.01, false), []);
}

// --- turnsConcentrated ------------------------------------------------------------------------
{
  const make = (rateShare: number, p: number | null, ok = true) =>
    withResult({
      distribution: [
        distribution(
          'turn',
          ok
            ? {
                status: 'ok',
                basis: basis(10, 200, 10),
                gini: 0.5,
                topFifth: {
                  size: 2,
                  pupilIds: ['p1', 'p2'],
                  rateShare,
                  evenShare: 0.2,
                  countShare: rateShare,
                  presenceShare: 0.2,
                },
                dispersion: p === null ? null : { ...sig(p), test: 'dispersion' },
              }
            : insufficient(basis(2, 15, 10)),
        ),
      ],
    });
  add(
    'turnsConcentrated',
    'fires',
    'the top fifth has 60 % of the turns',
    make(0.6, 0.001),
    ['turnsConcentrated'],
    ([p]) => {
      expect(p?.params).toMatchObject({ share: 0.6, size: 2, evenShare: 0.2, pupils: 10 });
      expect(p?.pupilIds).toEqual(['p1', 'p2']);
    },
  );
  add(
    'turnsConcentrated',
    'quiet',
    '35 % is less than twice the even share',
    make(0.35, 0.001),
    [],
  );
  add('turnsConcentrated', 'chance', 'dispersion p = 0.3', make(0.6, 0.3), []);
  add('turnsConcentrated', 'chance', 'no dispersion test', make(0.6, null), []);
  add('turnsConcentrated', 'tooLittle', 'distribution insufficient', make(0.6, 0.001, false), []);
}

// --- volunteeredDominate ----------------------------------------------------------------------
{
  const make = (volunteered: number | null, called: number, p: number, lessons = 10) =>
    withResult({
      basis: basis(lessons, 200, 10),
      quality: { class: counts({ volunteered, called }), pupils: [] },
      distribution: [
        distribution('volunteered', {
          status: 'ok',
          basis: basis(lessons, volunteered ?? 0, 10),
          gini: 0.5,
          topFifth: {
            size: 2,
            pupilIds: ['p1', 'p2'],
            rateShare: 0.55,
            evenShare: 0.2,
            countShare: 0.55,
            presenceShare: 0.2,
          },
          dispersion: { ...sig(p), test: 'dispersion' },
        }),
      ],
    });
  add(
    'volunteeredDominate',
    'fires',
    '40 of 50 turns volunteered, concentrated',
    make(40, 10, 0.001),
    ['volunteeredDominate'],
    ([p]) => {
      expect(p?.params).toMatchObject({
        volunteered: 40,
        called: 10,
        share: 0.8,
        topShare: 0.55,
        size: 2,
      });
      expect(p?.basis).toEqual(basis(10, 50, 10));
    },
  );
  add('volunteeredDominate', 'quiet', '30 of 50 volunteered', make(30, 20, 0.001), []);
  add('volunteeredDominate', 'chance', 'spread could be chance', make(40, 10, 0.4), []);
  add(
    'volunteeredDominate',
    'tooLittle',
    '15 turns with initiative marked',
    make(12, 3, 0.001),
    [],
  );
  add('volunteeredDominate', 'tooLittle', 'two lessons', make(40, 10, 0.001, 2), []);
  add('volunteeredDominate', 'quiet', 'turns filtered out', make(null, 0, 0.001), []);
}

// --- praiseGeneral ----------------------------------------------------------------------------
{
  const make = (
    specific: number,
    general: number,
    lessons = 5,
    extra: ReturnType<typeof ev>[] = [],
  ) => {
    const events = [
      ...Array.from({ length: specific }, (_, i) =>
        ev(`l${(i % 5) + 1}`, 'p1', 'praise', { praiseType: 'specific' }),
      ),
      ...Array.from({ length: general }, (_, i) =>
        ev(`l${(i % 5) + 1}`, 'p2', 'praise', { praiseType: 'general' }),
      ),
      // Praise without a kind says nothing either way.
      ...Array.from({ length: 10 }, () => ev('l1', 'p1', 'praise')),
      ...extra,
    ];
    return withResult(
      {
        basis: basis(lessons, events.length, 2),
        lessonIds: ['l1', 'l2', 'l3', 'l4', 'l5'],
        pupils: attendance(['p1', 'p2']),
      },
      { data: emptyData({ events }) },
    );
  };
  // 5 of 25 specific: two-sided p ≈ 0.004.
  expect(binomialTwoSided(5, 25, 0.5)).toBeLessThan(0.05);
  add('praiseGeneral', 'fires', '5 of 25 specific', make(5, 20), ['praiseGeneral'], ([p]) => {
    expect(p?.params).toMatchObject({ specific: 5, general: 20, praise: 25, share: 0.2 });
    expect(p?.research).toContain('Brophy 1981');
  });
  add('praiseGeneral', 'quiet', '10 of 25 specific', make(10, 15), []);
  // 7 of 21 is a third, but p ≈ 0.19.
  expect(binomialTwoSided(7, 21, 0.5)).toBeGreaterThan(0.05);
  add('praiseGeneral', 'chance', '7 of 21 could be chance', make(7, 14), []);
  add('praiseGeneral', 'tooLittle', '15 praise with a kind', make(3, 12), []);
  add('praiseGeneral', 'tooLittle', 'two lessons', make(5, 20, 2), []);
  add(
    'praiseGeneral',
    'quiet',
    'praise outside the analysed lessons does not count',
    make(
      2,
      8,
      5,
      Array.from({ length: 20 }, () => ev('old', 'p2', 'praise', { praiseType: 'general' })),
    ),
    [],
  );
}

// --- waitTimeRare -----------------------------------------------------------------------------
{
  const make = (live: number, marked: number, after = 0, lessons = 5) => {
    const events = [
      ...Array.from({ length: live }, (_, i) =>
        ev('l1', 'p1', 'turn', i < marked ? { waitTime: true } : {}),
      ),
      ...Array.from({ length: after }, () =>
        ev('l1', 'p1', 'turn', { loggedAfter: true, at: null }),
      ),
    ];
    return withResult(
      { basis: basis(lessons, events.length, 1), lessonIds: ['l1'], pupils: attendance(['p1']) },
      { data: emptyData({ events }) },
    );
  };
  add(
    'waitTimeRare',
    'fires',
    'thinking time on 4 of 30 live turns',
    make(30, 4),
    ['waitTimeRare'],
    ([p]) => {
      expect(p?.params).toMatchObject({ marked: 4, turns: 30 });
      expect(p?.params.share).toBeCloseTo(4 / 30, 12);
      expect(p?.research).toContain('Rowe 1986');
    },
  );
  add('waitTimeRare', 'quiet', '8 of 30 is more than a fifth', make(30, 8), []);
  add(
    'waitTimeRare',
    'quiet',
    'never marked: cannot tell "not given" from "not marked"',
    make(30, 0),
    [],
  );
  add('waitTimeRare', 'tooLittle', '15 live turns', make(15, 3), []);
  add(
    'waitTimeRare',
    'tooLittle',
    'turns logged afterwards carry no qualifiers',
    make(10, 1, 30),
    [],
  );
  add('waitTimeRare', 'tooLittle', 'two lessons', make(30, 4, 0, 2), []);
}

// --- expectationsNever ------------------------------------------------------------------------
{
  const make = (lessons: number, rated: string[]) =>
    withResult({
      basis: basis(lessons, 80, 4),
      pupils: attendance(['p1', 'p2', 'p3', 'p4']),
      expectation: {
        ...emptyResult().expectation,
        pupils: ['p1', 'p2', 'p3', 'p4'].map((pupilId) => ({
          pupilId,
          value: rated.includes(pupilId) ? 2 : null,
          date: rated.includes(pupilId) ? '2025-02-01' : null,
          confidence: null,
          band: rated.includes(pupilId) ? ('middle' as const) : null,
        })),
      },
    });
  add(
    'expectationsNever',
    'fires',
    '5 lessons, nobody rated',
    make(5, []),
    ['expectationsNever'],
    ([p]) => expect(p?.params).toEqual({ lessons: 5, pupils: 4 }),
  );
  add('expectationsNever', 'quiet', 'one pupil rated', make(5, ['p2']), []);
  add('expectationsNever', 'tooLittle', 'two lessons', make(2, []), []);
}

// --- expectationsStale ------------------------------------------------------------------------
{
  const make = (latest: string, lessonDates: string[]) =>
    withResult(
      {
        pupils: attendance(['p1', 'p2']),
        expectation: {
          ...emptyResult().expectation,
          pupils: [
            { pupilId: 'p1', value: 3, date: latest, confidence: null, band: 'high' },
            { pupilId: 'p2', value: 1, date: '2024-12-01', confidence: null, band: 'low' },
          ],
        },
      },
      { data: emptyData({ lessons: lessonDates.map((d, i) => lesson(`l${i}`, d)) }) },
    );
  const after = ['2025-02-03', '2025-02-10', '2025-03-03', '2025-03-24'];
  // 2025-01-10 → 2025-03-31: 21 + 28 + 31 = 80 days, 11 weeks.
  add(
    'expectationsStale',
    'fires',
    'newest rating 80 days old, 4 lessons since',
    make('2025-01-10', ['2025-01-06', ...after]),
    ['expectationsStale:2025-01-10'],
    ([p]) =>
      expect(p?.params).toEqual({ date: '2025-01-10', days: 80, weeks: 11, lessonsSince: 4 }),
  );
  add('expectationsStale', 'quiet', 'rated 30 days ago', make('2025-03-01', after), []);
  add(
    'expectationsStale',
    'tooLittle',
    'only 2 lessons since',
    make('2025-01-10', ['2025-02-03', '2025-03-24']),
    [],
  );
  add(
    'expectationsStale',
    'quiet',
    'nobody rated (that is expectationsNever)',
    withResult({ expectation: emptyResult().expectation }),
    [],
  );
}

// --- intentionNoClosing -----------------------------------------------------------------------
{
  const make = (...intentions: ReturnType<typeof intention>[]) =>
    input({
      intentions,
      data: emptyData({ lessons: [lesson('l1', '2025-03-05'), lesson('l2', '2025-03-25')] }),
    });
  add(
    'intentionNoClosing',
    'fires',
    'ended 11 days ago without a reflection',
    make(intention('i1', { target: { type: 'pupil', pupilId: 'p1' } })),
    ['intentionNoClosing:i1'],
    ([p]) => {
      expect(p?.params).toMatchObject({
        intentionId: 'i1',
        from: '2025-03-01',
        to: '2025-03-20',
        daysAgo: 11,
        kind: 'followUp',
        perLesson: 2,
      });
      expect(p?.pupilIds).toEqual(['p1']);
      expect(p?.basis.lessons).toBe(1);
    },
  );
  add(
    'intentionNoClosing',
    'quiet',
    'closed with a reflection',
    make(intention('i1', { closedAt: '2025-03-21T10:00:00.000Z' })),
    [],
  );
  add('intentionNoClosing', 'quiet', 'ends today', make(intention('i1', { to: TODAY })), []);
  add(
    'intentionNoClosing',
    'quiet',
    'deleted or of another class',
    make(
      intention('i1', { deletedAt: '2025-03-22T10:00:00.000Z' }),
      intention('i2', { classId: 'c2' }),
    ),
    [],
  );
}

// --- the pupil's side (issue 14): relationship views, public corrections, strengths, advice ------
cases.push(...pupilSideCases);
// --- deliberateHelp -----------------------------------------------------------------------------
{
  // p1 and p2 are deliberately given more help from 2025-03-01 to 2025-03-20; p3 and p4 are not.
  const make = (
    events: ReturnType<typeof ev>[],
    over: Parameters<typeof intention>[1] = {},
    removed: string[] = [],
  ) =>
    input({
      result: emptyResult({
        lessonIds: ['l1', 'l2'],
        pupils: attendance(['p1', 'p2', 'p3', 'p4'], 2, removed),
      }),
      data: emptyData({
        lessons: [lesson('l1', '2025-03-03'), lesson('l2', '2025-03-10')],
        events,
      }),
      intentions: [intention('i1', { moreHelpFor: ['p1', 'p2'], ...over })],
    });
  const helpTimes = (pupilId: string, n: number, date = '2025-03-03') =>
    Array.from({ length: n }, () => ev('l1', pupilId, 'help', { date }));
  const higher = (pupilId: string) =>
    ev('l2', pupilId, 'turn', { date: '2025-03-10', questionLevel: 'higher' });
  // 6 help for p1 + p2, one higher-order question and one follow-up (2 < 6): it asks.
  const mostlyHelp = [
    ...helpTimes('p1', 4),
    ...helpTimes('p2', 2),
    higher('p1'),
    ev('l2', 'p2', 'followUp', { date: '2025-03-10' }),
    higher('p3'),
    higher('p4'),
    ...helpTimes('p3', 1),
  ];
  add(
    'deliberateHelp',
    'fires',
    '6 help against 2 challenges',
    make(mostlyHelp),
    ['deliberateHelp:i1'],
    ([p]) => {
      expect(p?.pupilIds).toEqual(['p1', 'p2']);
      expect(p?.params).toEqual({
        from: '2025-03-01',
        to: '2025-03-20',
        pupils: 2,
        help: 6,
        higherOrder: 1,
        followUp: 1,
        otherPupils: 2,
        otherHelp: 1,
        otherHigherOrder: 2,
        otherFollowUp: 0,
      });
      expect(p?.basis).toEqual({ lessons: 2, events: 11, pupils: 4 });
    },
  );
  add(
    'deliberateHelp',
    'fires',
    'one pupil chosen, the other left the class',
    make([...helpTimes('p1', 5)], {}, ['p2']),
    ['deliberateHelp:i1'],
    ([p]) => {
      expect(p?.pupilIds).toEqual(['p1']);
      expect(p?.params).toMatchObject({ pupils: 1, help: 5, higherOrder: 0, followUp: 0 });
    },
  );
  add(
    'deliberateHelp',
    'quiet',
    'challenge keeps pace with help (3 + 3 against 6)',
    make([
      ...helpTimes('p1', 6),
      higher('p1'),
      higher('p2'),
      higher('p2'),
      ...[1, 2, 3].map(() => ev('l2', 'p1', 'followUp', { date: '2025-03-10' })),
    ]),
    [],
  );
  add('deliberateHelp', 'tooLittle', 'only 4 help', make(helpTimes('p1', 4)), []);
  add(
    'deliberateHelp',
    'quiet',
    'help outside the intention’s period does not count',
    make(helpTimes('p1', 6, '2025-03-25'), { to: '2025-03-20' }),
    [],
  );
  add(
    'deliberateHelp',
    'quiet',
    'no pupils chosen, or the intention deleted',
    input({
      result: emptyResult({ lessonIds: ['l1'], pupils: attendance(['p1', 'p2']) }),
      data: emptyData({ lessons: [lesson('l1', '2025-03-03')], events: helpTimes('p1', 8) }),
      intentions: [
        intention('i1'),
        intention('i2', { moreHelpFor: ['p1'], deletedAt: '2025-03-05T10:00:00.000Z' }),
      ],
    }),
    [],
  );
}
