/**
 * So the same prompt does not nag: a dismissed key never shows again; a snoozed key is hidden
 * until its date (and shows again on that day). A prompt whose key changes because the situation
 * changed (another lens value, a newer expectation date) is a new prompt and may show.
 */
import type { IsoDate } from '../model/types';
import { addDays } from '../domain/dates';
import type { Prompt, PromptStateLike } from './types';

/** "Not now" hides a prompt for two weeks. */
export const SNOOZE_DAYS = 14;

export function snoozeUntil(today: IsoDate, days: number = SNOOZE_DAYS): IsoDate {
  return addDays(today, days);
}

/** True when the state still hides its prompt on `today`. */
export function hides(state: PromptStateLike, today: IsoDate): boolean {
  if (state.status === 'dismissed') return true;
  return state.until !== null && today < state.until;
}

export function visiblePrompts(
  prompts: readonly Prompt[],
  states: readonly PromptStateLike[],
  today: IsoDate,
): Prompt[] {
  const hidden = new Set(states.filter((s) => hides(s, today)).map((s) => s.promptKey));
  return prompts.filter((p) => !hidden.has(p.key));
}
