/**
 * Whole-file validation, before anything is written: format and version, every record against
 * its schema, duplicate ids, scope, and references between records. References the file does
 * not satisfy itself are returned, for the importer to look up in the database.
 */
import * as v from 'valibot';
import type { DataTableName } from '../schema';
import { DATA_TABLES } from '../schema';
import { ImportError } from '../../model/importErrors';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupFile, type BackupScope } from './format';
import { assertNoForbiddenKeys, formatPath } from '../../domain/jsonFile';
import { migrateBackup } from './migrate';
import { BackupFileSchema, EventSchema, RECORD_SCHEMAS } from './schema';
import { fastObject } from './fastObject';
import { scanBackup, type ScanOptions } from './stream';

/** Tables other records point at. */
export type ReferencedTable = 'classes' | 'pupils' | 'lessons' | 'lenses';

type Row = Record<string, unknown>;

interface Relation {
  table: DataTableName;
  /** Where the reference sits in the record, as shown in a path (`target.pupilId`). */
  field: string;
  target: ReferencedTable;
  /** The id referred to; null or undefined when this record refers to nothing here. */
  get: (record: Row) => unknown;
}

const TARGET_OF = { classId: 'classes', pupilId: 'pupils', lessonId: 'lessons' } as const;
const FIELDS_OF: Partial<Record<DataTableName, (keyof typeof TARGET_OF)[]>> = {
  pupils: ['classId'],
  lenses: ['classId'],
  lessons: ['classId'],
  absences: ['classId', 'lessonId', 'pupilId'],
  events: ['classId', 'lessonId', 'pupilId'],
  banking: ['classId', 'pupilId'],
  expectations: ['classId', 'pupilId'],
  achievements: ['classId', 'pupilId'],
  relationships: ['classId', 'pupilId'],
  // A journal entry's class, lesson and pupil are each optional (null).
  journal: ['classId', 'lessonId', 'pupilId'],
  intentions: ['classId'],
  promptStates: ['classId'],
  coachRemarks: ['classId'],
  attributions: ['classId', 'pupilId'],
};

/** An intention aimed at one pupil, or at one value of a lens, points at that record. */
const targetOf = (record: Row): Row => record.target as Row;
const TARGET_RELATIONS: readonly Relation[] = [
  {
    table: 'intentions',
    field: 'target.pupilId',
    target: 'pupils',
    get: (r) => targetOf(r).pupilId,
  },
  {
    table: 'intentions',
    field: 'target.lensId',
    target: 'lenses',
    get: (r) => targetOf(r).lensId,
  },
];

/** Every relation between tables (documented in docs/backup-format.md). */
export const RELATIONS: readonly Relation[] = [
  ...DATA_TABLES.flatMap((table) =>
    (FIELDS_OF[table] ?? []).map((field): Relation => ({
      table,
      field,
      target: TARGET_OF[field],
      get: (r) => r[field],
    })),
  ),
  ...TARGET_RELATIONS,
];

/** A reference the file does not satisfy itself: the first place it occurs. */
export interface ExternalRef {
  target: ReferencedTable;
  id: string;
  table: DataTableName;
  path: string;
}

export interface BackupSummary {
  formatVersion: number;
  appVersion: string;
  exportedAt: string;
  scope: BackupScope;
  counts: Record<DataTableName, number>;
  /** Earliest and latest dated record (lessons, events, banking, ratings, results, journal). */
  dateRange: { from: string; to: string } | null;
  classNames: string[];
}

export interface ValidatedBackup {
  file: BackupFile;
  summary: BackupSummary;
  externalRefs: ExternalRef[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function schemaIssueToError(
  issue: v.BaseIssue<unknown>,
  base: readonly (string | number)[] = [],
): ImportError {
  const parts = [...base, ...(issue.path ?? []).map((p) => p.key as string | number)];
  let check: string = issue.type;
  if (issue.type === 'strict_object') {
    check = issue.expected === 'never' ? 'unknownKey' : 'missingKey';
  }
  const detail = {
    path: formatPath(parts),
    check,
    ...(issue.expected ? { expected: issue.expected } : {}),
  };
  return new ImportError('invalid', detail);
}

function checkHeader(value: unknown): void {
  if (!isPlainObject(value) || value.format !== BACKUP_FORMAT) throw new ImportError('notBackup');
  const version = value.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_FORMAT_VERSION) {
    throw new ImportError('futureVersion', { version });
  }
}

function checkDuplicates(file: BackupFile): void {
  for (const table of DATA_TABLES) {
    const seen = new Set<string>();
    file.data[table].forEach((record, i) => {
      if (seen.has(record.id)) {
        throw new ImportError('duplicateId', { table, id: record.id, path: `${table}[${i}].id` });
      }
      seen.add(record.id);
    });
  }
  // The database allows one absence per pupil per lesson, one prompt state per class and key.
  checkUniquePair('absences', file.data.absences, 'lessonId+pupilId', (a) => [
    a.lessonId,
    a.pupilId,
  ]);
  checkUniquePair('promptStates', file.data.promptStates, 'classId+promptKey', (p) => [
    p.classId,
    p.promptKey,
  ]);
}

function checkUniquePair<T extends { id: string }>(
  table: DataTableName,
  records: readonly T[],
  key: string,
  pair: (record: T) => [string, string],
): void {
  const seen = new Set<string>();
  records.forEach((record, i) => {
    const k = JSON.stringify(pair(record));
    if (seen.has(k)) {
      throw new ImportError('duplicateId', { table, id: record.id, key, path: `${table}[${i}]` });
    }
    seen.add(k);
  });
}

/** A class file holds that one class and only records that belong to it. */
function checkScope(file: BackupFile): void {
  if (file.scope.kind !== 'class') return;
  const classId = file.scope.classId;
  const { classes } = file.data;
  if (classes.length !== 1 || classes[0]?.id !== classId) {
    throw new ImportError('invalid', { path: 'classes', check: 'scope' });
  }
  for (const table of DATA_TABLES) {
    if (table === 'classes') continue;
    // A journal entry without a class (classId null) belongs to no class file.
    const records = file.data[table] as readonly { classId: string | null }[];
    const i = records.findIndex((r) => r.classId !== classId);
    if (i >= 0)
      throw new ImportError('invalid', { path: `${table}[${i}].classId`, check: 'scope' });
  }
}

/**
 * An event carries its lesson's class and date (the database stores events inside their
 * lesson's record), so one that names another class or date than its lesson is refused.
 */
function checkEventsMatchLessons(file: BackupFile): void {
  const lessons = new Map(file.data.lessons.map((l) => [l.id, l]));
  file.data.events.forEach((e, i) => {
    const lesson = lessons.get(e.lessonId);
    if (!lesson) return; // a lesson already in the app: checked against the database
    if (lesson.classId !== e.classId)
      throw new ImportError('invalid', { path: `events[${i}].classId`, check: 'lesson' });
    if (lesson.date !== e.date)
      throw new ImportError('invalid', { path: `events[${i}].date`, check: 'lesson' });
  });
}

function collectExternalRefs(file: BackupFile): ExternalRef[] {
  const inFile: Record<ReferencedTable, Set<string>> = {
    classes: new Set(file.data.classes.map((r) => r.id)),
    pupils: new Set(file.data.pupils.map((r) => r.id)),
    lessons: new Set(file.data.lessons.map((r) => r.id)),
    lenses: new Set(file.data.lenses.map((r) => r.id)),
  };
  const external = new Map<string, ExternalRef>();
  for (const { table, field, target, get } of RELATIONS) {
    const records = file.data[table] as unknown as readonly Row[];
    for (let i = 0; i < records.length; i++) {
      const id = get(records[i]!);
      if (typeof id !== 'string' || inFile[target].has(id)) continue;
      const key = `${target}|${id}`;
      if (!external.has(key))
        external.set(key, { target, id, table, path: `${table}[${i}].${field}` });
    }
  }
  return [...external.values()];
}

function summarise(file: BackupFile): BackupSummary {
  const counts = Object.fromEntries(DATA_TABLES.map((t) => [t, file.data[t].length])) as Record<
    DataTableName,
    number
  >;
  let from: string | null = null;
  let to: string | null = null;
  const dated = [
    file.data.lessons,
    file.data.events,
    file.data.banking,
    file.data.expectations,
    file.data.achievements,
    file.data.relationships,
    file.data.journal,
  ] as readonly (readonly { date: string }[])[];
  for (const records of dated) {
    for (const { date } of records) {
      if (from === null || date < from) from = date;
      if (to === null || date > to) to = date;
    }
  }
  return {
    formatVersion: file.formatVersion,
    appVersion: file.appVersion,
    exportedAt: file.exportedAt,
    scope: file.scope,
    counts,
    dateRange: from !== null && to !== null ? { from, to } : null,
    classNames: file.data.classes.map((c) => c.name).sort((a, b) => a.localeCompare(b)),
  };
}

/** Checks a parsed value completely; throws ImportError on the first problem. */
export function validateBackup(value: unknown): ValidatedBackup {
  checkHeader(value);
  // An older file is first brought to the current shape (docs/backup-format.md, "Versioning").
  const result = v.safeParse(BackupFileSchema, migrateBackup(value), { abortEarly: true });
  if (!result.success) throw schemaIssueToError(result.issues[0]);
  return checked(result.output);
}

/**
 * The whole file's checks, reading it in chunks (./stream.ts): each record is checked against
 * its table's schema as it is cut out, the rest of the file (the header) as a whole. The first
 * problem in file order is reported, after the file has been read to its end (a cut-off or
 * non-JSON file is told as such first, as with one JSON.parse), and the header's problems
 * (not a backup, a newer version) before any record's.
 */
export async function validateBackupStream(
  input: Blob | string,
  options: ScanOptions = {},
): Promise<ValidatedBackup> {
  const records = new Map<string, unknown[]>();
  const events: unknown[] = [];
  records.set('events', events);
  // Events are most of a file: a plain valid one passes the quick check (no forbidden key, no
  // nesting, every value valibot's), anything else goes the whole way below.
  const quickEvent = fastObject(EventSchema);
  // The first problem of each kind (set inside the callback, hence an object).
  const found: { forbidden?: ImportError; invalid?: ImportError } = {};
  const skeleton = await scanBackup(
    input,
    (table, index, value) => {
      if (found.forbidden) return;
      if (table === 'events') {
        const event = quickEvent(value);
        if (event) {
          if (!found.invalid) events.push(event);
          return;
        }
      }
      const base = ['data', table, index];
      try {
        assertNoForbiddenKeys(value, base);
      } catch (e) {
        if (e instanceof ImportError && e.code === 'forbiddenKey') found.forbidden = e;
        else found.invalid ??= e as ImportError;
        return;
      }
      if (found.invalid) return;
      const schema = Object.hasOwn(RECORD_SCHEMAS, table) ? RECORD_SCHEMAS[table] : undefined;
      if (!schema) return; // an unknown table: the header's check refuses it
      const result = v.safeParse(schema, value, { abortEarly: true });
      if (!result.success) found.invalid = schemaIssueToError(result.issues[0], base);
      else {
        let list = records.get(table);
        if (!list) records.set(table, (list = []));
        list.push(result.output);
      }
    },
    options,
  );
  assertNoForbiddenKeys(skeleton);
  if (found.forbidden) throw found.forbidden;
  checkHeader(skeleton);
  // The records were checked one by one against today's schemas, which accept every older
  // version's records; the header (with its empty arrays) is migrated like a whole file.
  const result = v.safeParse(BackupFileSchema, migrateBackup(skeleton), { abortEarly: true });
  if (!result.success) throw schemaIssueToError(result.issues[0]);
  if (found.invalid) throw found.invalid;
  const file: BackupFile = result.output;
  for (const table of DATA_TABLES) {
    (file.data as unknown as Record<string, unknown[]>)[table] = records.get(table) ?? [];
  }
  return checked(file);
}

function checked(file: BackupFile): ValidatedBackup {
  checkDuplicates(file);
  checkScope(file);
  checkEventsMatchLessons(file);
  return { file, summary: summarise(file), externalRefs: collectExternalRefs(file) };
}
