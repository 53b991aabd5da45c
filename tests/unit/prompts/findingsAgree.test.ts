/**
 * Card and prompt agree for every expectation and lens finding: the prompts build on the insight
 * finders, so whenever a prompt speaks about a metric or a lens, the card about it shows the same
 * value with the same figures and calls it unlikely to be chance; and where the card shows a
 * finding of the prompt's kind as unlikely to be chance, the prompt speaks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveInsights, distanceFromOne, type Insight, type Metric } from '../../../src/analysis';
import { PROMPT_THRESHOLDS, RULES, type PromptRule } from '../../../src/reflection';
import {
  attendance,
  basis,
  comparison,
  emptyData,
  emptyResult,
  input,
  insufficient,
  lens,
  pupil,
  row,
  sig,
} from './support/result';

const RUNS = { numRuns: 300, seed: 20261202 };
const VALUES = ['a', 'b', 'c'];
const pArb = fc.constantFrom(0.001, 0.01, 0.04, 0.2, 0.6);
const firmCard = (i: Insight | undefined) => i?.significance?.couldBeChance === false;

describe('expectation findings: card and prompt agree', () => {
  const RULE_OF: Record<string, PromptRule> = {
    higherOrder: 'higherOrderByExpectation',
    followUp: 'followUpByExpectation',
    turn: 'turnsByExpectation',
    praise: 'praiseByExpectation',
  };
  const arb = fc.record({
    metric: fc.constantFrom<Metric>('higherOrder', 'followUp', 'turn', 'praise'),
    high: fc.constantFrom(0, 0.1, 0.2, 0.3, 0.45, 0.6),
    low: fc.constantFrom(0, 0.1, 0.2, 0.3, 0.45, 0.6),
    highPupils: fc.integer({ min: 1, max: 4 }),
    lowPupils: fc.integer({ min: 1, max: 4 }),
    p: fc.option(pArb, { nil: null }),
    ok: fc.boolean(),
  });

  it('the prompt speaks exactly when the card is firm and the high group gets more', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const rows = [
          row('high', { pupils: c.highPupils, presences: 30, count: c.high * 30, rate: c.high }),
          row('low', { pupils: c.lowPupils, presences: 30, count: c.low * 30, rate: c.low }),
        ];
        const test = c.ok
          ? {
              status: 'ok' as const,
              basis: basis(10, 60, 6),
              significance: c.p === null ? null : sig(c.p),
            }
          : insufficient(basis(2, 10, 6));
        const i = input({
          result: emptyResult({
            pupils: attendance(['h1', 'l1']),
            expectation: {
              ...emptyResult().expectation,
              current: {
                groups: [
                  { group: 'high', label: null, pupilIds: ['h1'] },
                  { group: 'low', label: null, pupilIds: ['l1'] },
                ],
                metrics: [comparison(c.metric, rows, test)],
              },
            },
          }),
        });
        const kind = c.metric === 'higherOrder' ? 'higherOrder' : 'expectationGap';
        const card = deriveInsights(i.result).find((x) => x.id === `${kind}:${c.metric}`);
        const prompts = RULES[RULE_OF[c.metric]!](i, PROMPT_THRESHOLDS);
        const more =
          card !== undefined && Number(card.params.highRate) > Number(card.params.lowRate);
        expect(prompts.length === 1).toBe(firmCard(card) && more);
        if (card && prompts[0]) {
          for (const key of ['highRate', 'lowRate', 'highPupils', 'lowPupils', 'ratio'] as const) {
            expect(prompts[0].params[key]).toBe(card.params[key]);
          }
          expect(prompts[0].params.p).toBe(card.significance?.p);
        }
      }),
      RUNS,
    );
  });
});

describe('lens equity findings: card and prompt agree', () => {
  const metricArb = fc.record({
    metric: fc.constantFrom<Metric>('turn', 'higherOrder', 'praise', 'corrections', 'help'),
    ratios: fc.array(fc.constantFrom(0.3, 0.5, 0.6, 0.8, 1, 1.2, 1.6, 2, 2.5), {
      minLength: 2,
      maxLength: 3,
    }),
    pupils: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
    p: pArb,
  });
  const arb = fc.uniqueArray(metricArb, { minLength: 1, maxLength: 4, selector: (m) => m.metric });

  it('every lens prompt is the card of its lens and metric, and every firm card is prompted', () => {
    fc.assert(
      fc.property(arb, (specs) => {
        const metrics = specs.map((s) =>
          comparison(
            s.metric as 'turn',
            s.ratios.map((ratio, k) =>
              row(VALUES[k]!, {
                pupils: s.pupils[k]!,
                ratio,
                count: ratio * 20,
                presenceShare: 1 / s.ratios.length,
              }),
            ),
            { status: 'ok', basis: basis(10, 100, 6), significance: sig(s.p) },
          ),
        );
        const i = input({
          result: emptyResult({
            pupils: attendance(['p1', 'p2', 'p3']),
            equity: [
              {
                lensId: 'home',
                lensName: 'Thuistaal',
                groups: VALUES.map((v, k) => ({
                  group: v,
                  label: v.toUpperCase(),
                  pupilIds: [`p${k + 1}`],
                })),
                metrics,
              },
            ],
          }),
          data: emptyData({ lenses: [lens('home', 'Thuistaal', VALUES)] }),
        });
        const cards = deriveInsights(i.result).filter(
          (x): x is Insight<'lensEquity'> => x.kind === 'lensEquity',
        );
        const [prompt, ...rest] = RULES.lensEquity(i, PROMPT_THRESHOLDS);
        expect(rest).toEqual([]);
        // The cards a lens prompt may stand on: firm, a lens metric, and for corrections only
        // a value that gets more of them.
        const standing = cards.filter(
          (c) =>
            firmCard(c) &&
            ['turn', 'higherOrder', 'followUp', 'praise', 'corrections'].includes(
              c.params.metric,
            ) &&
            (c.params.metric !== 'corrections' || c.params.ratio > 1),
        );
        if (standing.length > 0) expect(prompt).toBeDefined();
        if (!prompt) return;
        const card = cards.find((c) => c.params.metric === prompt.params.metric);
        expect(firmCard(card)).toBe(true);
        if (card && (card.params.metric !== 'corrections' || card.params.ratio > 1)) {
          for (const key of ['valueId', 'valueLabel', 'ratio', 'count', 'expectedCount'] as const) {
            expect(prompt.params[key]).toBe(card.params[key]);
          }
        }
        // The prompt names the finding farthest from 1 among those it stands on.
        for (const c of standing) {
          expect(distanceFromOne(Number(prompt.params.ratio))).toBeGreaterThanOrEqual(
            distanceFromOne(c.params.ratio),
          );
        }
      }),
      RUNS,
    );
  });
});

describe('lens expectation findings: card and prompt agree', () => {
  const arb = fc.record({
    gaps: fc.array(fc.integer({ min: -10, max: 10 }), { minLength: 2, maxLength: 3 }),
    pupils: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 3, maxLength: 3 }),
    p: pArb,
  });

  it('the prompt speaks when the card shows a value placed lower, with the same figures', () => {
    fc.assert(
      fc.property(arb, ({ gaps, pupils, p }) => {
        const rows = gaps.map((g, k) => ({
          group: VALUES[k]!,
          pupils: pupils[k]!,
          meanGap: g / 20,
          meanExpectationPosition: 0.5,
          meanAchievementPosition: 0.5,
        }));
        const i = input({
          result: emptyResult({
            pupils: attendance(['p1', 'p2', 'p3']),
            achievement: {
              ...emptyResult().achievement,
              lenses: [
                {
                  lensId: 'home',
                  lensName: 'Thuistaal',
                  rows,
                  test: { status: 'ok', basis: basis(10, 0, 6), significance: sig(p) },
                },
              ],
            },
          }),
          data: emptyData({
            lenses: [lens('home', 'Thuistaal', VALUES)],
            pupils: VALUES.map((v, k) => pupil(`p${k + 1}`, { home: v })),
          }),
        });
        const card = deriveInsights(i.result).find(
          (x): x is Insight<'lensExpectationGap'> => x.kind === 'lensExpectationGap',
        );
        const [prompt] = RULES.lensExpectationGap(i, PROMPT_THRESHOLDS);
        // A prompt always stands on a firm card about the same lens, about a value placed lower.
        if (prompt) {
          expect(firmCard(card)).toBe(true);
          expect(Number(prompt.params.meanGap)).toBeLessThan(Number(prompt.params.restMeanGap));
        }
        // A firm card about a value placed lower is always prompted, about the same value.
        if (card && firmCard(card) && card.params.meanGap < card.params.restMeanGap) {
          expect(prompt?.params).toMatchObject({
            valueId: card.params.valueId,
            meanGap: card.params.meanGap,
            restMeanGap: card.params.restMeanGap,
            pupils: card.params.pupils,
          });
        }
      }),
      RUNS,
    );
  });
});
