/**
 * "Hardly addressed" is one rule: the prompt speaks exactly when the insight card shows the pupil
 * and says it is unlikely to be chance, about the same stretch of lessons.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveInsights, type QuietStatus, type QuietWindow } from '../../../src/analysis';
import { RULES } from '../../../src/reflection';
import { PROMPT_THRESHOLDS } from '../../../src/reflection';
import { attendance, basis, emptyResult, input, quietPupil } from './support/result';

const windowArb: fc.Arbitrary<Partial<QuietWindow>> = fc.record({
  status: fc.constantFrom<QuietStatus>('none', 'few', 'typical', 'insufficient'),
  turns: fc.integer({ min: 0, max: 20 }),
  attended: fc.integer({ min: 0, max: 30 }),
  expectedTurns: fc.option(fc.double({ min: 0.1, max: 30, noNaN: true }), { nil: null }),
  p: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
});

function resultFor(recent: Partial<QuietWindow>, period: Partial<QuietWindow>) {
  const result = emptyResult({
    pupils: attendance(['p1'], 10),
    quiet: {
      ...emptyResult().quiet,
      pupils: [quietPupil('p1', recent, period)],
      pattern: { status: 'ok', basis: basis(10, 120, 1), flagged: [], flaggedInPeriod: [] },
    },
  });
  return result;
}

describe('notAddressed: insight and prompt agree', () => {
  it('prompts exactly when the insight shows the pupil as unlikely to be chance', () => {
    fc.assert(
      fc.property(windowArb, windowArb, (recent, period) => {
        const result = resultFor(recent, period);
        const insight = deriveInsights(result).find((i) => i.kind === 'notAddressed');
        const prompts = RULES.notAddressed(input({ result }), PROMPT_THRESHOLDS);
        const shown = insight !== undefined && insight.significance?.couldBeChance === false;
        expect(prompts.length === 1).toBe(shown);
        if (insight && prompts[0]) {
          expect(prompts[0].params.window).toBe(insight.params.window);
          expect(prompts[0].params.turns).toBe(insight.params.turns);
        }
      }),
      { numRuns: 500, seed: 20261122 },
    );
  });

  it('a clear pattern over the period is not hidden by a recent run that could be chance', () => {
    // Recent: no turn in 5 lessons where 1.2 expected (p = e^-1.2 ≈ 0.30, could be chance).
    // Period: 2 turns in 24 lessons where 8.9 expected (p ≈ 0.007).
    const result = resultFor(
      { status: 'none', turns: 0, attended: 5, expectedTurns: 1.2, p: Math.exp(-1.2) },
      { status: 'few', turns: 2, attended: 24, expectedTurns: 8.9, p: 0.007 },
    );
    const insight = deriveInsights(result).find((i) => i.kind === 'notAddressed');
    expect(insight?.params).toMatchObject({ window: 'period', turns: 2, lessons: 24 });
    expect(insight?.significance?.couldBeChance).toBe(false);
    const [prompt] = RULES.notAddressed(input({ result }), PROMPT_THRESHOLDS);
    expect(prompt?.params).toMatchObject({ window: 'period', turns: 2, lessons: 24 });
  });
});
