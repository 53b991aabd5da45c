/**
 * Every rule, table-driven (support/cases.ts): a case that makes it fire, cases that keep it quiet
 * (below the effect size, too little data, could be chance), and the figures the prompt carries.
 * The last test checks that the table covers every rule.
 */
import { describe, expect, it } from 'vitest';
import { PROMPT_RULES, PROMPT_THRESHOLDS, RULES } from '../../../src/reflection';
import { cases } from './support/cases';

describe('prompt rules', () => {
  it.each(cases.map((c) => [`${c.rule} ${c.kind}: ${c.name}`, c] as const))('%s', (_, c) => {
    const prompts = RULES[c.rule](c.input, PROMPT_THRESHOLDS);
    expect(prompts.map((p) => p.key)).toEqual(c.keys);
    for (const p of prompts) expect(p.rule).toBe(c.rule);
    c.check?.(prompts);
  });

  it('has for every rule a case that fires and one that keeps it quiet on too little data', () => {
    for (const rule of PROMPT_RULES) {
      const mine = cases.filter((c) => c.rule === rule);
      expect(
        mine.some((c) => c.kind === 'fires' && c.keys.length > 0),
        `${rule} fires`,
      ).toBe(true);
      expect(
        mine.some((c) => c.kind !== 'fires' && c.keys.length === 0),
        `${rule} quiet`,
      ).toBe(true);
      // An intention's end date is a fact, not a pattern: no minimum applies (docs/prompts.md).
      if (rule !== 'intentionNoClosing') {
        expect(
          mine.some((c) => c.kind === 'tooLittle'),
          `${rule} too little data`,
        ).toBe(true);
      }
    }
    expect(PROMPT_RULES.length).toBeGreaterThanOrEqual(12);
  });
});
