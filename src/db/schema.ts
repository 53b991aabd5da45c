/**
 * The one Dexie schema class and its whole version history. Never edit a past version's
 * stores(): add a new version with an upgrade instead (tests/db/migration.test.ts opens a
 * database written by the previous version).
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  AbsenceRecord,
  AchievementRecord,
  BankingSession,
  ClassRecord,
  CoachRemarkRecord,
  CoachWorkspaceRecord,
  ExpectationRecord,
  IntentionRecord,
  InteractionEvent,
  JournalEntry,
  LensRecord,
  LessonRecord,
  PromptStateRecord,
  PupilRecord,
  RelationshipRecord,
  SettingRecord,
} from './types';

export const DB_NAME = 'spiegel';

/** v1 stores: the foundation (classes, pupils, lenses, lessons, attendance, events, banking). */
export const STORES_V1 = {
  classes: 'id, updatedAt',
  pupils: 'id, classId, updatedAt',
  lenses: 'id, classId, updatedAt',
  lessons: 'id, classId, [classId+date], date, updatedAt',
  absences: 'id, classId, lessonId, pupilId, &[lessonId+pupilId], updatedAt',
  events: 'id, classId, lessonId, pupilId, [classId+date], [pupilId+date], date, updatedAt',
  banking: 'id, classId, pupilId, [pupilId+date], updatedAt',
  settings: 'key',
} as const;

/** v2 adds expectations, achievements and relationship ratings. */
export const STORES_V2 = {
  ...STORES_V1,
  expectations: 'id, classId, pupilId, [pupilId+date], updatedAt',
  achievements: 'id, classId, pupilId, [classId+date], updatedAt',
  relationships: 'id, classId, pupilId, [pupilId+date], updatedAt',
} as const;

/** v3 adds reflection (journal, intentions, prompt states) and intervisie (coach remarks, workspaces). */
export const STORES_V3 = {
  ...STORES_V2,
  journal: 'id, classId, lessonId, pupilId, date, updatedAt',
  intentions: 'id, classId, updatedAt',
  promptStates: 'id, classId, &[classId+promptKey], updatedAt',
  coachRemarks: 'id, classId, packageId, updatedAt',
  coachWorkspaces: 'id, packageId, updatedAt',
} as const;

export class SpiegelDB extends Dexie {
  classes!: EntityTable<ClassRecord, 'id'>;
  pupils!: EntityTable<PupilRecord, 'id'>;
  lenses!: EntityTable<LensRecord, 'id'>;
  lessons!: EntityTable<LessonRecord, 'id'>;
  absences!: EntityTable<AbsenceRecord, 'id'>;
  events!: EntityTable<InteractionEvent, 'id'>;
  banking!: EntityTable<BankingSession, 'id'>;
  expectations!: EntityTable<ExpectationRecord, 'id'>;
  achievements!: EntityTable<AchievementRecord, 'id'>;
  relationships!: EntityTable<RelationshipRecord, 'id'>;
  journal!: EntityTable<JournalEntry, 'id'>;
  intentions!: EntityTable<IntentionRecord, 'id'>;
  promptStates!: EntityTable<PromptStateRecord, 'id'>;
  coachRemarks!: EntityTable<CoachRemarkRecord, 'id'>;
  coachWorkspaces!: EntityTable<CoachWorkspaceRecord, 'id'>;
  settings!: Table<SettingRecord, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(STORES_V1);
    this.version(2)
      .stores(STORES_V2)
      .upgrade((tx) =>
        // Classes from v1 had no expectation scale: the default is the 5-step relative scale.
        tx
          .table('classes')
          .toCollection()
          .modify((c: Partial<ClassRecord>) => {
            c.expectationScale ??= { kind: 'relative5' };
          }),
      );
    this.version(3).stores(STORES_V3);
  }
}

/** The newest schema version and its stores. */
export const SCHEMA_VERSION = 3;
export const LATEST_STORES = STORES_V3;

/** Tables that stay on this device and are never part of a backup. */
export const LOCAL_TABLES = ['settings', 'coachWorkspaces'] as const;

/** Schema v1–v2: the class, its pupils and everything recorded about them. */
export const CORE_TABLES = [
  'classes',
  'pupils',
  'lenses',
  'lessons',
  'absences',
  'events',
  'banking',
  'expectations',
  'achievements',
  'relationships',
] as const;

/** Schema v3: the teacher's own reflection (journal, intentions, prompt states, coach remarks). */
export const REFLECTION_TABLES = ['journal', 'intentions', 'promptStates', 'coachRemarks'] as const;

/**
 * Names of the tables that hold the teacher's data (everything but LOCAL_TABLES): what a backup
 * holds, what "delete all data" clears. Referenced tables come first (the order of writing).
 */
export const DATA_TABLES = [...CORE_TABLES, ...REFLECTION_TABLES] as const;
export type DataTableName = (typeof DATA_TABLES)[number];
