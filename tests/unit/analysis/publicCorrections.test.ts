/**
 * Corrections in front of the class (issue 14) under the class's one chance family: the test is
 * the analysis' (publicTests.ts), its p joins the insights' Benjamini–Hochberg family at the same
 * q, and the prompts read the family's decision. Hand-worked values throughout.
 */
import { describe, expect, it } from 'vitest';
import {
  chanceFamily,
  familyKey,
  publicCorrectionFindings,
  publicCorrectionTests,
  type Metric,
} from '../../../src/analysis';
import type { InteractionEvent } from '../../../src/model/types';
import { PROMPT_THRESHOLDS, RULES } from '../../../src/reflection';
import {
  attendance,
  basis,
  comparison,
  emptyData,
  emptyResult,
  ev,
  input,
  row,
  sig,
} from '../prompts/support/result';

/** `marked` corrections of one pupil, the first `publicCount` of them in front of the class. */
const corrections = (pupilId: string, marked: number, publicCount: number): InteractionEvent[] =>
  Array.from({ length: marked }, (_, i) =>
    ev('l1', pupilId, i % 2 ? 'correctionWork' : 'correctionBehaviour', {
      audience: i < publicCount ? 'class' : 'private',
    }),
  );

const METRICS: Metric[] = ['turn', 'praise', 'help', 'followUp'];

/**
 * A class whose insight family holds one expectation test per p in `insightPs` (each a firm or
 * loose permutation test of the turn, praise, … comparison), with these corrections marked.
 * `removed`: pupils who left the class (their corrections count for the rest, no test of their own).
 */
function make(events: InteractionEvent[], insightPs: number[] = [], removed: string[] = []) {
  const metrics = insightPs.map((p, i) =>
    comparison(METRICS[i] ?? 'turn', [row('high'), row('low')], {
      status: 'ok',
      basis: basis(10, 80, 8),
      significance: sig(p),
    }),
  );
  const ids = [...new Set(events.map((e) => e.pupilId))];
  return input({
    result: emptyResult({
      lessonIds: ['l1'],
      pupils: attendance(ids, 10, removed),
      expectation: { ...emptyResult().expectation, current: { groups: [], metrics } },
    }),
    data: emptyData({ events }),
  });
}

const pupilKey = (pupilId: string) =>
  familyKey.publicCorrections({ kind: 'pupil', pupilId, pupilIds: [pupilId] });

describe('the public-correction test of the analysis', () => {
  // p1: 9 of 10 in front of the class. p2: 2 of 4 (below 5 marked: no test of its own), so the
  // rest's share is 2/4 = 0.5 and P = 2 · (C(10,9) + C(10,10)) / 2^10 = 22/1024 ≈ 0.0215.
  const firing = [...corrections('p1', 10, 9), ...corrections('p2', 4, 2)];
  // p1: 7 of 10 against 0.5: P = 2 · (120 + 45 + 10 + 1) / 1024 = 352/1024 = 0.34375.
  const belowShare = [...corrections('p1', 10, 7), ...corrections('p2', 4, 2)];
  const table = [
    {
      name: 'fires: 9 of 10 where the rest has half, alone in its family',
      events: firing,
      tests: [{ pupilId: 'p1', publicCount: 9, marked: 10, restShare: 0.5, p: 22 / 1024 }],
      size: 1,
      prompts: ['correctionsPublic:p1'],
    },
    {
      name: 'quiet: 7 of 10 is below three in four (tested all the same)',
      events: belowShare,
      tests: [{ pupilId: 'p1', publicCount: 7, marked: 10, restShare: 0.5, p: 352 / 1024 }],
      size: 1,
      prompts: [],
    },
    {
      name: 'too little data: 4 of 4 marked is fewer than 5 (no test, no member)',
      events: [...corrections('p1', 4, 4), ...corrections('p2', 4, 0)],
      tests: [],
      size: 0,
      prompts: [],
    },
    {
      name: 'too little data: nothing marked by anyone else (no rest to compare)',
      events: corrections('p1', 10, 10),
      tests: [],
      size: 0,
      prompts: [],
    },
    {
      name: 'a pupil who left the class counts for the rest, never on their own',
      events: [...corrections('p1', 10, 9), ...corrections('p2', 10, 5)],
      removed: ['p2'],
      // The rest is p2 alone: 5 of 10 = 0.5, the same P as above.
      tests: [{ pupilId: 'p1', publicCount: 9, marked: 10, restShare: 0.5, p: 22 / 1024 }],
      size: 1,
      prompts: ['correctionsPublic:p1'],
    },
  ];
  it.each(table)('$name', ({ events, tests, size, prompts, removed = [] }) => {
    const i = make(events, [], removed);
    const got = publicCorrectionTests(i.result, i.data);
    expect(got).toHaveLength(tests.length);
    tests.forEach((want, k) => {
      const g = got[k];
      expect(g?.subject).toMatchObject({ kind: 'pupil', pupilId: want.pupilId });
      expect(g?.test).toMatchObject({
        publicCount: want.publicCount,
        marked: want.marked,
        restShare: want.restShare,
      });
      expect(g?.test.p).toBeCloseTo(want.p, 10);
      // The same p is the family member's: one family for cards and prompts.
      expect(i.result.chance.adjusted[pupilKey(want.pupilId)]).toBeCloseTo(want.p, 10);
    });
    expect(i.result.chance.size).toBe(size);
    expect(RULES.correctionsPublic(i, PROMPT_THRESHOLDS).map((p) => p.key)).toEqual(prompts);
  });
});

describe('the shared family decides, not a family of its own', () => {
  it('alone it would speak; among four loose insight tests it could be chance', () => {
    // Family of one: adjusted = 22/1024 ≈ 0.0215 ≤ 0.1. Shared with four insight tests at
    // p = 0.9 (m = 5): the public test ranks first, 5 · 22/1024 ≈ 0.1074 > 0.1.
    const events = [...corrections('p1', 10, 9), ...corrections('p2', 4, 2)];
    const alone = make(events);
    const shared = make(events, [0.9, 0.9, 0.9, 0.9]);
    expect(RULES.correctionsPublic(alone, PROMPT_THRESHOLDS)).toHaveLength(1);
    expect(shared.result.chance.size).toBe(5);
    expect(shared.result.chance.adjusted[pupilKey('p1')]).toBeCloseTo((5 * 22) / 1024, 10);
    const [finding] = publicCorrectionFindings(shared.result, shared.data);
    expect(finding?.significance.couldBeChance).toBe(true);
    expect(RULES.correctionsPublic(shared, PROMPT_THRESHOLDS)).toEqual([]);
  });

  it('in a family of its own it could be chance; shared with three firm insight tests it speaks', () => {
    // p1: 5 of 5 in front of the class; p2: 3 of 6; p3 (left the class): 5 of 10.
    // p1's rest: (3 + 5) / (6 + 10) = 0.5, P = 2/32 = 0.0625.
    // p2's rest: (5 + 5) / (5 + 10) = 2/3; P(k) = C(6,k)·2^k/729 = 1, 12, 60, 160, 240, 192, 64;
    // P(≤ P(3) = 160) = (1 + 12 + 60 + 160 + 64)/729 = 297/729 ≈ 0.4074.
    const events = [
      ...corrections('p1', 5, 5),
      ...corrections('p2', 6, 3),
      ...corrections('p3', 10, 5),
    ];
    const i = make(events, [0.001, 0.001, 0.001], ['p3']);
    const tests = publicCorrectionTests(i.result, i.data);
    expect(tests.map((x) => x.test.p)).toEqual([
      expect.closeTo(0.0625, 10),
      expect.closeTo(297 / 729, 10),
    ]);
    // Their own family (the old way, m = 2): min(2 · 0.0625 / 1, 0.4074) = 0.125 > 0.1.
    const own = chanceFamily(
      tests.map((x) => ({ key: familyKey.publicCorrections(x.subject), p: x.test.p })),
      0.1,
    );
    expect(own.adjusted[pupilKey('p1')]).toBeCloseTo(0.125, 10);
    expect(own.survivors).toBe(0);
    // The shared family (m = 5): 0.0625 ranks 4th, 5 · 0.0625 / 4 = 0.078125 ≤ 0.1.
    expect(i.result.chance.size).toBe(5);
    expect(i.result.chance.adjusted[pupilKey('p1')]).toBeCloseTo(0.078125, 10);
    expect(RULES.correctionsPublic(i, PROMPT_THRESHOLDS).map((p) => p.key)).toEqual([
      'correctionsPublic:p1',
    ]);
  });
});

describe("the insights' own decisions change only as Benjamini–Hochberg implies", () => {
  const decisionOf = (i: ReturnType<typeof make>) => {
    const m = i.result.expectation.current.metrics[0];
    const s = m?.test.status === 'ok' ? m.test.significance : null;
    return { adjusted: s?.adjustedP, couldBeChance: s?.couldBeChance };
  };
  // A marked class adds p1's test (7 of 10 against 0.5: P = 0.34375) to the family.
  const marked = [...corrections('p1', 10, 7), ...corrections('p2', 4, 2)];
  const unmarked = Array.from({ length: 14 }, (_, k) => ev('l1', `p${k % 2}`, 'correctionWork'));
  const table = [
    {
      name: 'nothing marked: the family is exactly the insights’ own (0.06 alone)',
      events: unmarked,
      p: 0.06,
      size: 1,
      adjusted: 0.06,
      couldBeChance: false,
    },
    {
      name: 'a firm insight test stays firm: 0.03 → 2 · 0.03 / 1 = 0.06',
      events: marked,
      p: 0.03,
      size: 2,
      adjusted: 0.06,
      couldBeChance: false,
    },
    {
      name: 'a borderline one loses as BH says: 0.06 → 2 · 0.06 / 1 = 0.12',
      events: marked,
      p: 0.06,
      size: 2,
      adjusted: 0.12,
      couldBeChance: true,
    },
  ];
  it.each(table)('$name', ({ events, p, size, adjusted, couldBeChance }) => {
    const i = make(events, [p]);
    expect(i.result.chance.size).toBe(size);
    expect(i.result.chance.adjusted[familyKey.expectation('turn')]).toBeCloseTo(adjusted, 10);
    const decision = decisionOf(i);
    expect(decision.adjusted).toBeCloseTo(adjusted, 10);
    expect(decision.couldBeChance).toBe(couldBeChance);
  });
});
