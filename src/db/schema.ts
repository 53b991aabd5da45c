/**
 * The one Dexie schema class and its whole version history. Never edit a past version's
 * stores(): add a new version with an upgrade instead (tests/db/migration.test.ts opens a
 * database written by the previous version).
 */
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import { lessonRecordsOf } from './eventStore';
import type {
  AbsenceRecord,
  AchievementRecord,
  AttributionRecord,
  BankingSession,
  ClassRecord,
  CoachRemarkRecord,
  CoachWorkspaceRecord,
  ExpectationRecord,
  IntentionRecord,
  InteractionEvent,
  JournalEntry,
  LensRecord,
  LessonEventsRecord,
  LessonRecord,
  PromptStateRecord,
  PupilRecord,
  RelationshipRecord,
  SettingRecord,
} from '../model/types';
import { forgetVersion, knownAtVersion, rememberVersion } from './schemaHint';
import { DB_NAME, SCHEMA_VERSION } from './schemaVersion';
import { installOutbox } from './sync/outbox';
import type { SyncOutboxRecord, SyncUpdateRecord } from './sync/records';
import { CLASS_DATA_KEYS } from '../model/classData';

export { DB_NAME, SCHEMA_VERSION };

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

/**
 * v4 stores interaction events per lesson (`lessonEvents`, one record per lesson, see
 * eventStore.ts) and copies the v3 events into it, and records on every expectation rating the
 * scale it was made on; v5 drops the old one-record-per-event table.
 * Two steps because Dexie lets an upgrade read a table only when a later version deletes it.
 */
export const STORES_V4 = {
  ...STORES_V3,
  lessonEvents: 'id, classId, [classId+date], [classId+id+count]',
} as const;

export const STORES_V5 = { ...STORES_V4, events: null } as const;

/** The tables that exist after v5 (the dropped `events` left out). */
const { events: _dropped, ...STORES_AFTER_V5 } = STORES_V5;

/**
 * v6 adds sync (docs/sync.md): `syncOutbox` holds `<table>:<id>` of every local write to
 * a synced table not yet in the shared document (written in the same transaction by the
 * middleware in sync/outbox.ts); `syncUpdates` persists the shared Yjs document as its updates.
 */
export const STORES_V6 = {
  ...STORES_AFTER_V5,
  syncOutbox: 'key',
  syncUpdates: '++seq',
} as const;

/**
 * v7 adds attributions (issue 14): where the teacher sees the cause when something keeps going
 * wrong with a pupil, recorded with a prompt, an intention's closing or on the pupil page.
 */
export const STORES_V7 = {
  ...STORES_V6,
  attributions: 'id, classId, pupilId, updatedAt',
} as const;

/** The newest schema version's stores (the number itself is in schemaVersion.ts). */
export const LATEST_STORES = STORES_V7;

export type SchemaHistory = 'full' | 'latest';

/**
 * A database declared with only the newest version turned out to be older: its upgrade was
 * cancelled, and a reload declares the whole history (the storage banner offers it).
 */
export class SchemaBehindError extends Error {
  override name = 'SchemaBehindError';
  constructor(dbName: string) {
    super(`The database ${dbName} is older than schema v${SCHEMA_VERSION}: reload to upgrade it.`);
  }
}

/** v3 → v4: one record per lesson holding that lesson's events, in the order they were stored. */
async function groupEventsPerLesson(tx: Transaction): Promise<void> {
  const events = (await tx.table('events').toArray()) as InteractionEvent[];
  await tx.table('lessonEvents').bulkAdd(lessonRecordsOf(events));
}

/** v3 → v4: every expectation rating records the scale it was made on (its class's scale now). */
async function recordRatingScales(tx: Transaction): Promise<void> {
  const classes = (await tx.table('classes').toArray()) as ClassRecord[];
  const scales = new Map(classes.map((c) => [c.id, c.expectationScale]));
  await tx
    .table('expectations')
    .toCollection()
    .modify((r: ExpectationRecord) => {
      const scale = scales.get(r.classId);
      if (r.scale === undefined && scale) r.scale = scale;
    });
}

export class SpiegelDB extends Dexie {
  classes!: EntityTable<ClassRecord, 'id'>;
  pupils!: EntityTable<PupilRecord, 'id'>;
  lenses!: EntityTable<LensRecord, 'id'>;
  lessons!: EntityTable<LessonRecord, 'id'>;
  absences!: EntityTable<AbsenceRecord, 'id'>;
  lessonEvents!: EntityTable<LessonEventsRecord, 'id'>;
  banking!: EntityTable<BankingSession, 'id'>;
  expectations!: EntityTable<ExpectationRecord, 'id'>;
  achievements!: EntityTable<AchievementRecord, 'id'>;
  relationships!: EntityTable<RelationshipRecord, 'id'>;
  journal!: EntityTable<JournalEntry, 'id'>;
  intentions!: EntityTable<IntentionRecord, 'id'>;
  promptStates!: EntityTable<PromptStateRecord, 'id'>;
  coachRemarks!: EntityTable<CoachRemarkRecord, 'id'>;
  coachWorkspaces!: EntityTable<CoachWorkspaceRecord, 'id'>;
  attributions!: EntityTable<AttributionRecord, 'id'>;
  settings!: Table<SettingRecord, string>;
  syncOutbox!: Table<SyncOutboxRecord, string>;
  syncUpdates!: Table<SyncUpdateRecord, number>;

  /** Which versions were declared: all of them, or only the newest (see schemaHint.ts). */
  readonly history: SchemaHistory;

  /**
   * `history`: 'latest' when this device's database is known to be at SCHEMA_VERSION already
   * (the usual start), else 'full', which can upgrade a database from any released version.
   */
  constructor(
    name: string = DB_NAME,
    history: SchemaHistory = knownAtVersion(name, SCHEMA_VERSION) ? 'latest' : 'full',
  ) {
    super(name);
    this.history = history;
    if (history === 'full') declareHistory(this);
    else {
      // Should the database be older after all, the upgrade is cancelled before it changed
      // anything (an upgrade is one transaction) and the next start declares the whole history.
      this.version(SCHEMA_VERSION)
        .stores(LATEST_STORES)
        .upgrade(() => {
          forgetVersion(name);
          throw new SchemaBehindError(name);
        });
    }
    this.on('ready', () => rememberVersion(name, SCHEMA_VERSION));
    installOutbox(this);
  }
}

/** Every released version, each with its upgrade: what a database of any age needs to reach today. */
function declareHistory(db: Dexie): void {
  db.version(1).stores(STORES_V1);
  db.version(2)
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
  db.version(3).stores(STORES_V3);
  db.version(4)
    .stores(STORES_V4)
    .upgrade(async (tx) => {
      await groupEventsPerLesson(tx);
      await recordRatingScales(tx);
    });
  db.version(5).stores(STORES_V5);
  db.version(6).stores(STORES_V6);
  db.version(7).stores(STORES_V7);
}

/** Tables that stay on this device and are never part of a backup. */
export const LOCAL_TABLES = ['settings', 'coachWorkspaces', 'syncOutbox', 'syncUpdates'] as const;

/** Schema v1–v2: the class, its pupils and everything recorded about them. */
export const CORE_TABLES = ['classes', ...CLASS_DATA_KEYS] as const;

/**
 * Schema v3: the teacher's own reflection (journal, intentions, prompt states, coach remarks);
 * schema v7 (backup v2) adds attributions, the teacher's view of a cause: reflection, not
 * class data, so the analyses' ClassData stays as it was.
 */
export const REFLECTION_TABLES = [
  'journal',
  'intentions',
  'promptStates',
  'coachRemarks',
  'attributions',
] as const;

/**
 * The kinds of record that hold the teacher's data (everything but LOCAL_TABLES): the arrays of
 * a backup file, one per kind. Referenced kinds come first (the order of writing). Each is a
 * table of its own except `events`, which live inside `lessonEvents` (see DATA_STORES).
 */
export const DATA_TABLES = [...CORE_TABLES, ...REFLECTION_TABLES] as const;
export type DataTableName = (typeof DATA_TABLES)[number];

/** The Dexie tables behind DATA_TABLES: what "delete all data" clears and an import writes. */
export type DataStoreName = Exclude<DataTableName, 'events'> | 'lessonEvents';
export const DATA_STORES: readonly DataStoreName[] = DATA_TABLES.map((t) =>
  t === 'events' ? 'lessonEvents' : t,
);
