/**
 * Record types of the local database. Every record has a UUID string id and
 * createdAt/updatedAt (ISO date-time strings). Deletions that matter for history are soft:
 * `deletedAt` / `removedAt` are set instead of removing the row.
 */
import type { Audience, Initiative, InteractionKind, PraiseType, QuestionLevel } from './kinds';

export type Id = string;
/** A calendar date in the teacher's time zone, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A full ISO 8601 date-time (`new Date().toISOString()`). */
export type IsoDateTime = string;
/** A wall-clock time, `HH:MM`. */
export type ClockTime = string;

export interface Timestamps {
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export type SchoolType = 'primary' | 'secondary';

/** How the teacher expresses expectations for a class (issue 3, schema v2). */
export type ExpectationScale = { kind: 'relative5' } | { kind: 'levels'; levels: string[] };

export interface ClassRecord extends Timestamps {
  id: Id;
  name: string;
  schoolType: SchoolType;
  /** Free label such as "groep 6" or "2 havo/vwo". */
  yearLabel: string;
  /** Size of the seating grid; pupils' seats lie inside it. */
  seating: { rows: number; cols: number };
  /** Kinds the teacher chose not to show while logging (analysis still knows them). */
  hiddenKinds: InteractionKind[];
  /** Opt-in kinds (KIND_INFO optIn) the teacher chose to show; absent means none (issue 14). */
  shownKinds?: InteractionKind[];
  archivedAt: IsoDateTime | null;
  /** Soft delete: undoable for a few seconds, then purged. */
  deletedAt: IsoDateTime | null;
  isDemo: boolean;
  /** Added in schema v2 (backfilled to relative5). */
  expectationScale: ExpectationScale;
}

export interface Seat {
  row: number;
  col: number;
}

export interface PupilRecord extends Timestamps {
  id: Id;
  classId: Id;
  name: string;
  seat: Seat | null;
  /** lensId → valueId. Absent means "not set". */
  lensValues: Record<Id, Id>;
  /** Removed from the class; history is kept. */
  removedAt: IsoDateTime | null;
  /**
   * Other names the teacher uses for the pupil (not indexed): replaced in shared text like the
   * name itself, and found in texts for an access or erasure request.
   */
  nicknames?: string[];
  /** "What is this pupil good at?" (free text, issue 14: work from strengths). */
  strengths?: string;
  /** "What does this pupil want later, dream of?" (free text; the aspiration model). */
  aspirations?: string;
}

export interface LensValue {
  id: Id;
  label: string;
}

/** The one-tap starting points a characteristic can be made from (src/features/lenses/presets.ts). */
export type LensPresetId = 'gender' | 'advice' | 'level' | 'homeLanguage' | 'parentsEducation';

/** An optional attribute the teacher defines per class (e.g. gender, level advice). */
export interface LensRecord extends Timestamps {
  id: Id;
  classId: Id;
  name: string;
  values: LensValue[];
  order: number;
  deletedAt: IsoDateTime | null;
  /**
   * The preset it was made from (issue 14). For `advice` the values run from the lowest advice to
   * the highest, which lets a prompt place the advice beside the pupil's results.
   */
  preset?: LensPresetId;
}

export interface LessonRecord extends Timestamps {
  id: Id;
  classId: Id;
  date: IsoDate;
  startTime: ClockTime;
  endTime: ClockTime | null;
  topic: string;
  /** Set when the teacher ends live logging. */
  endedAt: IsoDateTime | null;
  deletedAt: IsoDateTime | null;
}

/** A pupil marked absent for one lesson (presence is the default). */
export interface AbsenceRecord extends Timestamps {
  id: Id;
  classId: Id;
  lessonId: Id;
  pupilId: Id;
}

export interface InteractionEvent extends Timestamps {
  id: Id;
  classId: Id;
  lessonId: Id;
  pupilId: Id;
  kind: InteractionKind;
  /** The lesson's date (denormalised for per-date queries). */
  date: IsoDate;
  /** When it was tapped; null when logged afterwards (no exact time). */
  at: IsoDateTime | null;
  loggedAfter: boolean;
  initiative?: Initiative;
  questionLevel?: QuestionLevel;
  waitTime?: boolean;
  praiseType?: PraiseType;
  /** Corrections: in front of the class or one to one (optional, issue 14). */
  audience?: Audience;
}

/** An event inside its lesson's record: lesson, class and date are the record's (schema v4). */
export type StoredEvent = Omit<InteractionEvent, 'classId' | 'lessonId' | 'date'>;

/** Schema v4: all events of one lesson in one record; `id` is the lesson's id. */
export interface LessonEventsRecord extends Timestamps {
  id: Id;
  classId: Id;
  date: IsoDate;
  events: StoredEvent[];
  /** `events.length`, in an index so counts are read without loading the events. */
  count: number;
}

/** A 1-on-1 "banking time" moment (Pianta). */
export interface BankingSession extends Timestamps {
  id: Id;
  classId: Id;
  pupilId: Id;
  date: IsoDate;
  minutes: number;
  note: string;
  deletedAt: IsoDateTime | null;
}

export type Confidence = 'unsure' | 'fairly' | 'very';

/** Schema v2: a dated expectation. `value` is 0..4 on relative5, or the index into the class levels. */
export interface ExpectationRecord extends Timestamps {
  id: Id;
  classId: Id;
  pupilId: Id;
  date: IsoDate;
  value: number;
  confidence: Confidence | null;
  /**
   * The class's scale when the rating was made (recorded since schema v4). A rating made on
   * another scale than the class's current one is shown on its own scale and left out of
   * comparisons; a rating without it is read on the current scale.
   */
  scale?: ExpectationScale;
}

export type ScoreType = 'grade' | 'percentage' | 'percentile' | 'level';

/** Schema v2: a measured result. grade 1–10, percentage/percentile 0–100, level = index into class levels. */
export interface AchievementRecord extends Timestamps {
  id: Id;
  classId: Id;
  pupilId: Id;
  label: string;
  date: IsoDate;
  scoreType: ScoreType;
  score: number;
}

/** Schema v2: Pianta's three relationship dimensions, each 1–5. */
export interface RelationshipRecord extends Timestamps {
  id: Id;
  classId: Id;
  pupilId: Id;
  date: IsoDate;
  closeness: number;
  conflict: number;
  dependency: number;
  /** Private: "what this pupil evokes in me". */
  note: string;
  /** Optional, 1–5: how the teacher thinks the pupil experiences the relationship (issue 14). */
  pupilView?: number;
  /** Optional, 1–5: how able the teacher feels to handle this pupil (seed 002's fourth feature). */
  capability?: number;
}

/** Local-only key/value settings (not pupil data). */
export interface SettingRecord {
  key: string;
  value: unknown;
  updatedAt: IsoDateTime;
}

/** Schema v3: a journal entry, optionally linked to a lesson, a pupil or an insight. */
export interface JournalEntry extends Timestamps {
  id: Id;
  classId: Id | null;
  date: IsoDate;
  text: string;
  lessonId: Id | null;
  pupilId: Id | null;
  /** Stable key of the insight or prompt it responds to, e.g. `notAddressed:<pupilId>`. */
  insightKey: string | null;
  /** Where it was written: the journal itself, the after-lesson minute, or closing an intention. */
  source: 'journal' | 'afterLesson' | 'intentionClose';
  deletedAt: IsoDateTime | null;
}

/** Who an intention is about. */
export type IntentionTarget =
  | { type: 'class' }
  | { type: 'pupil'; pupilId: Id }
  | { type: 'lens'; lensId: Id; valueId: Id }
  | { type: 'expectation'; group: 'high' | 'middle' | 'low' };

/** What the teacher means to do: at least `perLesson` of `kind` (optionally of one quality) per target pupil per lesson. */
export interface IntentionMeasure {
  kind: InteractionKind;
  quality?: 'higher' | 'specific' | 'volunteered' | 'waitTime';
  perLesson: number;
}

/** Schema v3: a concrete intention (voornemen) that the app follows from the logged data. */
export interface IntentionRecord extends Timestamps {
  id: Id;
  classId: Id;
  target: IntentionTarget;
  measure: IntentionMeasure;
  from: IsoDate;
  to: IsoDate;
  note: string;
  closingReflection: string;
  closedAt: IsoDateTime | null;
  deletedAt: IsoDateTime | null;
  /**
   * Backup v2 (issue 14): pupils the teacher deliberately gives more help within this intention's
   * period; the mirror then shows their help as a choice and asks about challenge. Absent = none.
   */
  moreHelpFor?: Id[];
}

/** Where the teacher sees the cause of something that goes wrong with a pupil (issue 14). */
export const ATTRIBUTION_CAUSES = ['approach', 'pupil', 'circumstances'] as const;
export type AttributionCause = (typeof ATTRIBUTION_CAUSES)[number];

/** When the cause was recorded: answering a prompt, closing an intention, or a note on the pupil page. */
export const ATTRIBUTION_SOURCES = ['prompt', 'intention', 'difficulty'] as const;
export type AttributionSource = (typeof ATTRIBUTION_SOURCES)[number];

/**
 * Schema v7: one optional tap saying where the teacher places the cause ("my approach", "the
 * pupil", "circumstances outside school"). The mirror counts how often it lands outside the
 * teacher; it is the teacher's view at that moment, never a fact about the pupil.
 */
export interface AttributionRecord extends Timestamps {
  id: Id;
  classId: Id;
  pupilId: Id;
  date: IsoDate;
  cause: AttributionCause;
  source: AttributionSource;
  /** The prompt key or intention id it was recorded with; null for a pupil-page note. */
  sourceKey: string | null;
}

/** Schema v3: a prompt the teacher dismissed or snoozed (so it does not nag). */
export interface PromptStateRecord extends Timestamps {
  id: Id;
  classId: Id;
  promptKey: string;
  status: 'dismissed' | 'snoozed';
  /** For snoozed prompts: hidden until this date. */
  until: IsoDate | null;
}

/** Schema v3: a coach's question or remark on an insight, imported by the teacher. */
export interface CoachRemarkRecord extends Timestamps {
  id: Id;
  classId: Id;
  insightKey: string;
  text: string;
  author: string;
  packageId: Id;
}

/**
 * Schema v3: on the coach's device, a package a teacher shared, kept apart from the coach's own
 * classes and read-only; the coach's remarks are the only thing added.
 */
export interface CoachWorkspaceRecord extends Timestamps {
  id: Id;
  packageId: Id;
  label: string;
  /**
   * The pseudonymised package as JSON text; empty for a package that came encrypted (then
   * `envelope` holds it as it came, and `packageId` is a random id of this device only).
   */
  packageJson: string;
  /** Plain remarks; for an encrypted package always empty (see `sealedRemarks`). */
  remarks: Array<{ id: Id; insightKey: string; text: string; createdAt: IsoDateTime }>;
  /** The encrypted package file as it came: it stays encrypted at rest (issue 11). */
  envelope?: string;
  /** The coach's remarks of an encrypted workspace, sealed with the package's key. */
  sealedRemarks?: string;
  /** The last day this device keeps the workspace (from the package); then it is deleted. */
  expiresOn?: IsoDate;
}
