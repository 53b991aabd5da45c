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
  ExpectationRecord,
  InteractionEvent,
  LensRecord,
  LessonRecord,
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
  }
}

/** Names of the tables that hold the teacher's data (everything but local settings). */
export const DATA_TABLES = [
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
export type DataTableName = (typeof DATA_TABLES)[number];
