/**
 * One class's records as the analyses, the prompts, the coach package and the pupil page read
 * them. The shape and its key list live here, below storage and analysis, so each states it once.
 */
import type {
  AbsenceRecord,
  AchievementRecord,
  AttributionRecord,
  BankingSession,
  ClassRecord,
  ExpectationRecord,
  InteractionEvent,
  JournalEntry,
  LensRecord,
  LessonRecord,
  PupilRecord,
  RelationshipRecord,
} from './types';

/** Everything stored for one class; the analysis filters by class, period and deletion itself. */
export interface ClassData {
  cls: ClassRecord;
  pupils: readonly PupilRecord[];
  lenses: readonly LensRecord[];
  lessons: readonly LessonRecord[];
  absences: readonly AbsenceRecord[];
  events: readonly InteractionEvent[];
  banking: readonly BankingSession[];
  expectations: readonly ExpectationRecord[];
  achievements: readonly AchievementRecord[];
  relationships: readonly RelationshipRecord[];
}

/** The record lists of ClassData (everything but the class itself), in the order of writing. */
export const CLASS_DATA_KEYS = [
  'pupils',
  'lenses',
  'lessons',
  'absences',
  'events',
  'banking',
  'expectations',
  'achievements',
  'relationships',
] as const satisfies readonly (keyof ClassData)[];
export type ClassDataKey = (typeof CLASS_DATA_KEYS)[number];

/** ClassData plus the teacher's journal: what a coach package is built from. */
export interface ShareSource extends ClassData {
  journal: readonly JournalEntry[];
  /** Where the teacher placed the cause (issue 14); absent = none shared. */
  attributions?: readonly AttributionRecord[];
}

/** Records of any date that some prompt rules look at beyond the period. */
export interface PromptHistory {
  /** Every lesson of the class: lessons since the newest expectation rating, an intention's lessons. */
  lessons: readonly LessonRecord[];
  /** Every Banking Time session of the class: "not yet" means never, not "not this period". */
  banking: readonly BankingSession[];
}
