/**
 * Every data threshold of the mirror in one place: the minimums below which a pattern is not
 * shown as one, the effect sizes a card or prompt must reach, and the chance control (the false
 * discovery rate q of the family of claims). Cards (src/analysis/insights*.ts), prompts
 * (src/reflection) and the screens read them from here; docs/analysis.md explains each figure.
 */

/** Chance control (issue 10 §3): Benjamini–Hochberg over one class and period. */
export const CHANCE = {
  /**
   * False discovery rate of the family: of the claims "unlikely to be chance" shown for one class
   * and period, at most this fraction is expected to be chance; in a class with no effect at all
   * the chance that even one such claim shows is at most q (docs/analysis.md, "Chance control").
   */
  q: 0.1,
  /** The per-test level, used only where a single test is reported on its own (no family). */
  alpha: 0.05,
} as const;

/** One pupil's feedback (praise against corrections). */
export const FEEDBACK = {
  /** A pupil's feedback is tested from this many praise + corrections on (family membership). */
  minFeedback: 5,
  /** A card or prompt needs at least this many corrections… */
  minCorrections: 5,
  /** …and (card) a praise share at most this fraction of the rest of the class's. */
  praiseShareFactor: 0.5,
} as const;

/** Relationship ratings (1–5) that make a pupil's treatment worth a question. */
export const PUPIL_RATINGS = {
  /** correctionsConflict: latest conflict rating at least this (the analysis' band 3–5). */
  conflictForCorrections: 3,
  /** bankingNotYet: latest conflict rating at least this ("high"). */
  conflictForBanking: 4,
  /** closenessAttention: latest closeness rating at most this. */
  closenessAtMost: 2,
} as const;
