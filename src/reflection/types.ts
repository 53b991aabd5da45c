/**
 * Types of the prompt rules (issue 5, "Prompts from patterns"). A prompt is data: the screens turn
 * its `rule` into an observation, a reflective question and a concrete suggestion (nl/en) and show
 * the counts it rests on and the research it leans on.
 */
import { DATA, EFFECTS, FEEDBACK, PUPIL_RATINGS, PUPIL_SIDE, REFLECTIVE } from '../analysis';
import type { AnalysisResult, Basis, ClassData } from '../analysis';
import type { PromptHistory } from '../model/classData';
import type { Id, IntentionRecord, IsoDate } from '../model/types';

export const PROMPT_RULES = [
  'intentionNoClosing',
  'notAddressed',
  'correctionsConflict',
  'bankingNotYet',
  'closenessAttention',
  'higherOrderByExpectation',
  'followUpByExpectation',
  'turnsByExpectation',
  'praiseByExpectation',
  'expectationBelowResults',
  // The pupil's side (issue 14).
  'adviceBelowResults',
  'relationshipViewsDiverge',
  'correctionsPublic',
  'correctionsPublicByExpectation',
  'strengthsEmpty',
  'lensExpectationGap',
  'lensEquity',
  'turnsConcentrated',
  'volunteeredDominate',
  'deliberateHelp',
  'praiseGeneral',
  'waitTimeRare',
  'expectationsNever',
  'expectationsStale',
] as const;

/** The rules in the order their prompts are shown (the teacher's own intentions first). */
export type PromptRule = (typeof PROMPT_RULES)[number];

export interface Prompt {
  /**
   * Stable while the situation is the same, e.g. `notAddressed:<pupilId>`. Dismissing or snoozing
   * is remembered per key; a situation that changes gets a new key and may come back.
   */
  key: string;
  rule: PromptRule;
  /** The pupils the prompt is about (one pupil, a group, or the most-addressed fifth). */
  pupilIds?: Id[];
  /** Numbers and labels the texts use (raw: the screen formats them). */
  params: Record<string, number | string>;
  /** The counts the prompt rests on. */
  basis: Basis;
  /** Author and year of the research the prompt leans on. */
  research: string[];
  /** A text variant (i18next context), e.g. `banking` when Banking Time has already started. */
  variant?: string;
}

export type { PromptHistory };

/** What the rules read. `data` is the same record set the analysis was run on. */
export interface PromptInput {
  /** The teacher's today (the clock is a parameter). */
  today: IsoDate;
  result: AnalysisResult;
  data: ClassData;
  /** Defaults to the lessons and Banking Time in `data`. */
  history?: PromptHistory;
  /** The class's intentions (deleted ones are ignored). */
  intentions: readonly IntentionRecord[];
}

/** Effect sizes and minimums of the rules (documented in docs/prompts.md). */
export interface PromptThresholds {
  /** correctionsConflict: latest conflict rating (1–5) at least this. */
  conflictForCorrections: number;
  /** bankingNotYet: latest conflict rating at least this ("high"). */
  conflictForBanking: number;
  /** correctionsConflict: at least this many corrections (work + behaviour). */
  minCorrections: number;
  /** closenessAttention: latest closeness rating at most this. */
  closenessAtMost: number;
  /** closenessAttention: personal attention at most this fraction of the pupil's fair share. */
  fewFraction: number;
  /** Expectation groups: the high group's rate at least this many times the low group's. */
  groupRatio: number;
  /** Groups compared need at least this many pupils. */
  minGroupPupils: number;
  /** expectationBelowResults: at least this many assessments behind the pupil's results. */
  minAssessments: number;
  /** lensExpectationGap: a value placed at least this much lower than the other values. */
  lensGap: number;
  /** turnsConcentrated: the most-addressed fifth gets at least this share of the turns. */
  topFifthShare: number;
  /** volunteeredDominate: at least this share of the turns (with initiative marked) volunteered. */
  volunteeredShare: number;
  /** praiseGeneral: at most this share of the praise (with its kind marked) specific. */
  specificPraiseShare: number;
  /** waitTimeRare: at most this share of the live turns with thinking time… */
  waitTimeShare: number;
  /** …and thinking time marked at least this often (else it may simply not be marked). */
  waitTimeMinMarked: number;
  /** expectationsStale: the newest rating at least this many days old. */
  staleDays: number;
  /** relationshipViewsDiverge: closeness and the estimated pupil's view this far apart. */
  viewGap: number;
  /** correctionsPublic: at least this share of the marked corrections in front of the class… */
  publicShare: number;
  /** …out of at least this many corrections with "where" marked. */
  minMarkedCorrections: number;
  /** deliberateHelp: help to the chosen pupils within the intention before it asks. */
  minDeliberateHelp: number;
}

/** A view of the one thresholds module (src/analysis/thresholds.ts): cards and prompts agree. */
export const PROMPT_THRESHOLDS: Readonly<PromptThresholds> = {
  conflictForCorrections: PUPIL_RATINGS.conflictForCorrections,
  conflictForBanking: PUPIL_RATINGS.conflictForBanking,
  minCorrections: FEEDBACK.minCorrections,
  closenessAtMost: PUPIL_RATINGS.closenessAtMost,
  fewFraction: DATA.fewFraction,
  groupRatio: EFFECTS.groupRatio,
  minGroupPupils: EFFECTS.minGroupPupils,
  minAssessments: EFFECTS.minAssessments,
  lensGap: EFFECTS.lensGap,
  topFifthShare: EFFECTS.topFifthShare,
  volunteeredShare: EFFECTS.volunteeredShare,
  specificPraiseShare: EFFECTS.specificPraiseShare,
  waitTimeShare: EFFECTS.waitTimeShare,
  waitTimeMinMarked: EFFECTS.waitTimeMinMarked,
  staleDays: EFFECTS.staleDays,
  viewGap: PUPIL_SIDE.viewGap,
  publicShare: PUPIL_SIDE.publicShare,
  minMarkedCorrections: PUPIL_SIDE.minMarked,
  minDeliberateHelp: REFLECTIVE.minDeliberateHelp,
};

/** One rule: reads the input, returns its prompts (none when the data do not carry it). */
export type RuleFn = (input: PromptInput, t: PromptThresholds) => Prompt[];

/** A dismissed or snoozed prompt, as the pure filter needs it. */
export interface PromptStateLike {
  promptKey: string;
  status: 'dismissed' | 'snoozed';
  until: IsoDate | null;
}
