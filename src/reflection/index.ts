/** Public surface of the prompt rules (see README.md in this folder and docs/prompts.md). */
export { derivePrompts, RULES } from './derive';
export { hides, snoozeUntil, SNOOZE_DAYS, visiblePrompts } from './filter';
export { LENS_METRICS } from './rules/groups';
export { R as RESEARCH } from './research';
export { PROMPT_RULES, PROMPT_THRESHOLDS } from './types';
export type {
  Prompt,
  PromptHistory,
  PromptInput,
  PromptRule,
  PromptStateLike,
  PromptThresholds,
  RuleFn,
} from './types';
export { PROMPT_PERIOD_DAYS, promptAnalysisOptions, runPrompts } from './run';
export type { PromptRun } from './run';
export { causeMirror, OUTSIDE_CAUSES } from './attribution';
export type { CauseInput, CauseMirror, CauseRow, LensCauses } from './attribution';
export { challengeCounts, deliberateHelpOn } from './rules/deliberate';
export { helpByChoice, type HelpByChoice } from './helpByChoice';
export type { ChallengeCounts } from './rules/deliberate';
