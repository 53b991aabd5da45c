/**
 * The backup file format: its name, version and limits. Documented in docs/backup-format.md;
 * the machine-readable contract is docs/backup.schema.json (generated from ./schema.ts).
 * Raising BACKUP_FORMAT_VERSION needs a step in migrate.ts (docs/backup-format.md).
 */
import type { DataTableName } from '../schema';
import type {
  AbsenceRecord,
  AchievementRecord,
  AttributionRecord,
  BankingSession,
  ClassRecord,
  CoachRemarkRecord,
  ExpectationRecord,
  Id,
  IntentionRecord,
  InteractionEvent,
  IsoDateTime,
  JournalEntry,
  LensRecord,
  LessonRecord,
  PromptStateRecord,
  PupilRecord,
  RelationshipRecord,
} from '../../model/types';

export const BACKUP_FORMAT = 'spiegel-backup';
/** 2 (issue 14): `attributions`, and an intention's optional `moreHelpFor`. */
export const BACKUP_FORMAT_VERSION = 2;

/** The size cap lives with the reader (src/domain/jsonFile.ts), which the coach files share. */
export { MAX_BACKUP_BYTES } from '../../domain/jsonFile';

/** Caps on text and list lengths (also in the JSON Schema and the format document). */
export const LIMITS = {
  name: 200,
  label: 200,
  yearLabel: 100,
  topic: 500,
  note: 5000,
  /** Journal entries: the app caps them at 5,000; room to spare for a long reflection. */
  journalText: 20_000,
  /** Insight and prompt keys (`notAddressed:<pupilId>` and the like). */
  key: 200,
  /** An intention's "at least n per lesson"; the app offers 1–10. */
  perLesson: 100,
  appVersion: 50,
  levels: 20,
  lensValues: 100,
  gridSize: 100,
  bankingMinutes: 1440,
  lensOrder: 1_000_000,
  /** Pupils one intention deliberately gives more help: a class, with room to spare. */
  moreHelpFor: 200,
} as const;

export type BackupScope = { kind: 'all' } | { kind: 'class'; classId: Id };

/** The tables in the order they are written (referenced records first). */
export interface BackupData {
  classes: ClassRecord[];
  pupils: PupilRecord[];
  lenses: LensRecord[];
  lessons: LessonRecord[];
  absences: AbsenceRecord[];
  events: InteractionEvent[];
  banking: BankingSession[];
  expectations: ExpectationRecord[];
  achievements: AchievementRecord[];
  relationships: RelationshipRecord[];
  journal: JournalEntry[];
  intentions: IntentionRecord[];
  promptStates: PromptStateRecord[];
  coachRemarks: CoachRemarkRecord[];
  attributions: AttributionRecord[];
}

/** A backup's data with every kind present and empty. */
export function emptyBackupData(): BackupData {
  return {
    classes: [],
    pupils: [],
    lenses: [],
    lessons: [],
    absences: [],
    events: [],
    banking: [],
    expectations: [],
    achievements: [],
    relationships: [],
    journal: [],
    intentions: [],
    promptStates: [],
    coachRemarks: [],
    attributions: [],
  };
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  appVersion: string;
  exportedAt: IsoDateTime;
  scope: BackupScope;
  data: BackupData;
}

/** Compile-time guard: BackupData has exactly one array per data table. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const TABLES_MATCH: Same<keyof BackupData, DataTableName> = true;
