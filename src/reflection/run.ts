/** Analysis plus rules in one call, as the screens use them. */
import { analyseClass, type AnalysisOptions, type ClassData } from '../analysis';
import type { IntentionRecord, IsoDate } from '../model/types';
import { derivePrompts } from './derive';
import { addDays } from '../domain/dates';
import { PROMPT_THRESHOLDS, type Prompt, type PromptHistory, type PromptInput } from './types';

/**
 * Prompts look at the last eight weeks: recent enough to act on, long enough (with a few lessons a
 * week) for the tests to see a pattern.
 */
export const PROMPT_PERIOD_DAYS = 56;

export function promptAnalysisOptions(today: IsoDate): AnalysisOptions {
  return { today, from: addDays(today, -(PROMPT_PERIOD_DAYS - 1)) };
}

export interface PromptRun {
  input: PromptInput;
  prompts: Prompt[];
}

export function runPrompts(
  data: ClassData,
  intentions: readonly IntentionRecord[],
  today: IsoDate,
  options: AnalysisOptions = promptAnalysisOptions(today),
  history?: PromptHistory,
): PromptRun {
  const result = analyseClass(data, options);
  const input: PromptInput = { today, result, data, intentions, ...(history ? { history } : {}) };
  return { input, prompts: derivePrompts(input, PROMPT_THRESHOLDS) };
}
