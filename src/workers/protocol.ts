/** Requests to the analysis worker and their answers: plain data only (structured clone). */
import type { IntentionRecord, IsoDate, LensRecord } from '../model/types';
import type { Prompt } from '../reflection';

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

export type WorkerRequest = PromptViewRequest;
export type WorkerAnswer<R extends WorkerRequest> = R extends PromptViewRequest
  ? PromptView | null
  : never;

export type WorkerMessage = { id: number; request: WorkerRequest };
export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string } };
