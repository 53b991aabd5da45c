/** The rule set: every rule, in the order its prompts are shown. */
import {
  followUpByExpectation,
  higherOrderByExpectation,
  lensEquity,
  lensExpectationGap,
  praiseByExpectation,
  turnsByExpectation,
} from './rules/groups';
import {
  bankingNotYet,
  closenessAttention,
  correctionsConflict,
  expectationBelowResults,
  notAddressed,
} from './rules/pupils';
import {
  praiseGeneral,
  turnsConcentrated,
  volunteeredDominate,
  waitTimeRare,
} from './rules/practice';
import {
  adviceBelowResults,
  correctionsPublic,
  correctionsPublicByExpectation,
  relationshipViewsDiverge,
  strengthsEmpty,
} from './rules/pupilSide';
import { deliberateHelp } from './rules/deliberate';
import { expectationsNever, expectationsStale, intentionNoClosing } from './rules/upkeep';
import {
  PROMPT_RULES,
  PROMPT_THRESHOLDS,
  type Prompt,
  type PromptInput,
  type PromptRule,
  type PromptThresholds,
  type RuleFn,
} from './types';

export const RULES: Readonly<Record<PromptRule, RuleFn>> = {
  intentionNoClosing,
  notAddressed,
  correctionsConflict,
  bankingNotYet,
  closenessAttention,
  higherOrderByExpectation,
  followUpByExpectation,
  turnsByExpectation,
  praiseByExpectation,
  expectationBelowResults,
  adviceBelowResults,
  relationshipViewsDiverge,
  correctionsPublic,
  correctionsPublicByExpectation,
  strengthsEmpty,
  lensExpectationGap,
  lensEquity,
  turnsConcentrated,
  volunteeredDominate,
  deliberateHelp,
  praiseGeneral,
  waitTimeRare,
  expectationsNever,
  expectationsStale,
};

/** Within a rule: what is least likely to be chance first, then by key (a stable order). */
function byStrength(a: Prompt, b: Prompt): number {
  const pa = typeof a.params.p === 'number' ? a.params.p : 1;
  const pb = typeof b.params.p === 'number' ? b.params.p : 1;
  return pa - pb || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * All prompts for a class, in PROMPT_RULES order (within a rule: smallest p first). One pupil gets one Banking Time prompt: where
 * `correctionsConflict` speaks (it suggests Banking Time), `bankingNotYet` stays quiet.
 */
export function derivePrompts(
  input: PromptInput,
  thresholds: PromptThresholds = PROMPT_THRESHOLDS,
): Prompt[] {
  const out: Prompt[] = [];
  const banking = new Set<string>();
  for (const rule of PROMPT_RULES) {
    for (const prompt of RULES[rule](input, thresholds).sort(byStrength)) {
      const pupil = prompt.pupilIds?.[0] ?? '';
      if (rule === 'correctionsConflict') banking.add(pupil);
      if (rule === 'bankingNotYet' && banking.has(pupil)) continue;
      out.push(prompt);
    }
  }
  return out;
}
