/** The small-numbers rules (issue 4 §8) in one place. */
import type { Basis, InsufficientReason, ResolvedOptions, Significance } from './types';

export interface Needs {
  /** Pupils (or participants) needed; default 1. */
  pupils?: number;
  /** Groups with members needed (group comparisons); default none. */
  groups?: { have: number; need: number };
  /** Whether the event minimum applies (not for per-pupil values like gaps). */
  events?: boolean;
}

/** Reasons a pattern may not be shown as one; empty when there is enough data. */
export function shortfalls(
  basis: Basis,
  o: ResolvedOptions,
  needs: Needs = {},
): InsufficientReason[] {
  const reasons: InsufficientReason[] = [];
  if (basis.lessons < o.minLessons || basis.lessons === 0) reasons.push('fewLessons');
  if ((needs.events ?? true) && (basis.events < o.minEvents || basis.events === 0)) {
    reasons.push('fewEvents');
  }
  if (basis.pupils < (needs.pupils ?? 1)) reasons.push('fewPupils');
  if (needs.groups && needs.groups.have < needs.groups.need) reasons.push('fewGroups');
  return reasons;
}

export function significance(
  test: Significance['test'],
  p: number,
  statistic: number,
  iterations: number | null,
  o: ResolvedOptions,
): Significance {
  return { test, p, couldBeChance: !(p < o.alpha), statistic, iterations };
}
