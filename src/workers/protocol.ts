/** Requests to the analysis worker and their answers: plain data only (structured clone). */
import type { AnalysisResult, ClassData, DrillQuery, DrillRows, Insight, Mark } from '../analysis';
import type { LessonChanges } from '../db/eventRecordCache';
import type { LockState } from '../db/lock/realm';
import type { InteractionKind } from '../model/kinds';
import type { IntentionRecord, IsoDate, LensRecord } from '../model/types';
import type { HelpByChoice, Prompt } from '../reflection';

export interface PromptViewRequest {
  kind: 'promptView';
  classId: string;
  today: IsoDate;
}

/** What the prompt list shows: the prompts and the little it needs to word them. */
export interface PromptView {
  prompts: readonly Prompt[];
  /** The period's lessons and interactions, and the minimums for a pattern. */
  basis: { lessons: number; events: number; minLessons: number; minEvents: number };
  pupilNames: readonly (readonly [string, string])[];
  lenses: readonly LensRecord[];
  intentions: readonly IntentionRecord[];
}

export interface InsightsViewRequest {
  kind: 'insightsView';
  classId: string;
  from: IsoDate | null;
  to: IsoDate;
  today: IsoDate;
  kinds: readonly InteractionKind[];
  lessonIds: readonly string[] | null;
  split: IsoDate | null;
  /** The write generation the asker knows: the worker re-reads when it changed. */
  generation: number;
}

/** The rows behind a figure of the insights screen, for the period of an insights request. */
export interface InsightsDrillRequest {
  kind: 'insightsDrill';
  classId: string;
  from: IsoDate | null;
  to: IsoDate;
  generation: number;
  query: DrillQuery;
}

/**
 * What the insights screen draws from: the class data without its events and absences. A year
 * of events stays in the worker: copying 25,000 of them to the page took one long task.
 */
export type InsightsScreenData = Omit<ClassData, 'events' | 'absences'>;

/** The insights screen's data and its analysis (data null: the class does not exist). */
export interface InsightsAnswer {
  data: InsightsScreenData | null;
  analysis: {
    result: AnalysisResult;
    insights: Insight[];
    /** The qualifier marks not recorded once in the period (their figures are left out). */
    unmarked: Mark[];
    /** Help that intentions name as deliberate, counted apart (null: nothing to count). */
    helpByChoice: HelpByChoice | null;
  } | null;
  /** Where the worker's time went, for the benchmark and the performance panel. */
  timings: { readMs: number; analysisMs: number };
}

export type WorkerRequest = PromptViewRequest | InsightsViewRequest | InsightsDrillRequest;
export type WorkerAnswer<R extends WorkerRequest> = R extends PromptViewRequest
  ? PromptView | null
  : R extends InsightsViewRequest
    ? InsightsAnswer
    : R extends InsightsDrillRequest
      ? DrillRows | null
      : never;

/**
 * The app lock's state for the worker's own database (src/db/lock): the data key while unlocked,
 * so the worker opens encrypted fields as the page does; null and 'locked' forget it.
 */
export interface WorkerLockMessage {
  lock: LockState;
}

/** `lessons`: whose event records were written since the last request (the worker's copies go). */
export type WorkerMessage =
  { id: number; request: WorkerRequest; lessons: LessonChanges } | WorkerLockMessage;
export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string } };
