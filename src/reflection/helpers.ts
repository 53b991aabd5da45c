/** Small pure helpers shared by the rules. */
import type { AnalysisResult, Significance } from '../analysis';
import type { Id, InteractionEvent } from '../model/types';
import type { PromptHistory, PromptInput } from './types';

/** Pupils who left the class: their history stays in the analysis, but no prompt is about them. */
export function removedPupils(result: AnalysisResult): Set<Id> {
  return new Set(result.pupils.filter((p) => p.removed).map((p) => p.pupilId));
}

export function presentLessonsOf(result: AnalysisResult): Map<Id, number> {
  return new Map(result.pupils.map((p) => [p.pupilId, p.presentLessons]));
}

/** A difference only counts when a test ran and says it is unlikely to be chance. */
export function isSignificant(s: Significance | null | undefined): s is Significance {
  return s !== null && s !== undefined && !s.couldBeChance;
}

/** Events the analysis counted: its lessons, its pupils, this class. */
export function scopedEvents(input: PromptInput): InteractionEvent[] {
  const { result, data } = input;
  const lessons = new Set(result.lessonIds);
  const pupils = new Set(result.pupils.map((p) => p.pupilId));
  return data.events.filter(
    (e) => e.classId === result.classId && lessons.has(e.lessonId) && pupils.has(e.pupilId),
  );
}

/** Lessons and Banking Time of any date, falling back on the analysed records. */
export function historyOf(input: PromptInput): PromptHistory {
  return input.history ?? { lessons: input.data.lessons, banking: input.data.banking };
}
