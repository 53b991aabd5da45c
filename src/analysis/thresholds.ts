/**
 * Every data threshold of the mirror in one place: the minimums below which a pattern is not
 * shown as one, the effect sizes a card or prompt must reach, and the chance control (the false
 * discovery rate q of the family of claims). Cards (src/analysis/insights*.ts), prompts
 * (src/reflection) and the screens read them from here; docs/analysis.md explains each figure.
 */

/**
 * How much data a pattern needs (the analysis' defaults; `AnalysisOptions` may override them).
 * Below these a section shows raw counts only: no rates, ratios, shares or correlations.
 */
export const DATA = {
  /** Lessons in the period before any rate, spread or comparison is shown. */
  minLessons: 3,
  /** Events of the metric at hand before its pattern is shown. */
  minEvents: 20,
  /** Pupils with both values before a class-position comparison or a group test runs. */
  minPupils: 5,
  /**
   * Pupils with both values before a rank correlation (Spearman) is computed at all: below 8 one
   * pupil moves rho by more than 0.3 and no test can tell it from chance (docs/analysis.md §8).
   */
  minCorrelationPupils: 8,
  /** "Recent": the last this many lessons each pupil attended. */
  lastN: 5,
  /** Shuffles per permutation test (sequential stopping ends most of them early). */
  permutations: 2000,
  /** "Very few" turns: at most this fraction of the class's mean rate. */
  fewFraction: 1 / 3,
  /** Expectation placed off the results: |gap| on the 0..1 footing at least this. */
  gapThreshold: 0.25,
} as const;

/** Effect sizes a card or prompt must reach before it is shown (one value for both). */
export const EFFECTS = {
  /**
   * The most-addressed fifth gets at least this share of the rates: twice its even share. One
   * value for the card (concentration) and the prompt (turnsConcentrated).
   */
  topFifthShare: 0.4,
  /** …or (card) the Gini coefficient of the rates is at least this. */
  gini: 0.3,
  /** Group rate ratio (high/low expectation, lens value vs class) at least this, or 1/this. */
  groupRatio: 1.5,
  /** Groups compared need at least this many pupils. */
  minGroupPupils: 2,
  /** A lens value's mean expectation–achievement gap differs from the other values' by this. */
  lensGap: 0.15,
  /** |Spearman rho| at least this (relationship links)… */
  rho: 0.3,
  /** …or pupils rated 3–5 and 1–2 differ at least this many times in their mean rate. */
  bandRatio: 2,
  /** expectationBelowResults: at least this many assessments behind the pupil's results. */
  minAssessments: 2,
  /** volunteeredDominate: at least this share of the turns (with initiative marked) volunteered. */
  volunteeredShare: 2 / 3,
  /** praiseGeneral: at most this share of the praise (with its kind marked) specific. */
  specificPraiseShare: 1 / 3,
  /** waitTimeRare: at most this share of the live turns with thinking time… */
  waitTimeShare: 0.2,
  /** …and thinking time marked at least this often (else it may simply not be marked). */
  waitTimeMinMarked: 3,
  /** expectationsStale: the newest rating at least this many days old. */
  staleDays: 56,
} as const;

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

/** Events logged afterwards, from memory rather than tapped live. */
export const MEMORY = {
  /**
   * From this share of the period's events logged afterwards the summary says that memory can
   * follow expectations too: a quarter is enough to move a comparison between pupils.
   */
  afterShareNote: 0.25,
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

/** The pupil's side (issue 14): the two views of a relationship, public corrections, strengths. */
export const PUPIL_SIDE = {
  /** relationshipViewsDiverge: closeness and the estimated pupil's view at least this far apart (1–5). */
  viewGap: 2,
  /** correctionsPublic: at least this share of the corrections (where marked) in front of the class… */
  publicShare: 0.75,
  /** …out of at least this many corrections with "where" marked (a pupil or a band). */
  minMarked: 5,
} as const;

/**
 * The teacher's own view of causes and deliberate help (issue 14). Taps and counts of a few
 * weeks are small numbers: below these minimums the mirror shows the counts only.
 */
export const REFLECTIVE = {
  /** Attributions in a group (a band, a lens value) before its share outside the teacher is shown. */
  minAttributions: 5,
  /** deliberateHelp: help given to the chosen pupils within the intention before it asks. */
  minDeliberateHelp: 5,
} as const;
