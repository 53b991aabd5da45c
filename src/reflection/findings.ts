/**
 * The prompts build on the insight finders of src/analysis (one rule for a card and its prompt):
 * a prompt rule asks the finder with the prompt's thresholds and reads the finding's typed params.
 */
import { INSIGHT_THRESHOLDS, type InsightThresholds } from '../analysis';
import type { PromptThresholds } from './types';

/** The insight thresholds with the prompt's own values where both name one (the same by default). */
export function insightThresholds(t: PromptThresholds): InsightThresholds {
  return {
    ...INSIGHT_THRESHOLDS,
    groupRatio: t.groupRatio,
    minGroupPupils: t.minGroupPupils,
    lensGap: t.lensGap,
    minCorrections: t.minCorrections,
    topFifthShare: t.topFifthShare,
  };
}

/** A finding counts for a prompt only where its test ran and calls it unlikely to be chance. */
export const firm = (f: { significance: { couldBeChance: boolean } | null }): boolean =>
  f.significance !== null && !f.significance.couldBeChance;
