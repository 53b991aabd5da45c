/**
 * Import in two steps: `prepareImport` reads and validates the whole file without writing
 * (the screen shows its summary), `applyImport` writes it in ONE transaction over all data
 * tables, so a failure half-way leaves the database exactly as it was.
 *
 * merge: by id; the record with the later updatedAt wins, equal keeps what is here; nothing is
 * duplicated and nothing is deleted. replace: the data tables (or, for a class file, that
 * class's records) are cleared first. Local settings are kept; only `lastRestoreAt` is set (in the same transaction).
 */
import type { Table } from 'dexie';
import { getDb } from '../db';
import { nowIso } from '../ids';
import { classifyStorageError } from '../errors';
import {
  countEvents,
  groupByLesson,
  laterStamp,
  lessonRecordOf,
  lessonRecordsOf,
  toStored,
  withEvents,
} from '../eventStore';
import { DATA_STORES, DATA_TABLES, type DataTableName, type SpiegelDB } from '../schema';
import type {
  AbsenceRecord,
  InteractionEvent,
  LessonEventsRecord,
  LessonRecord,
  PromptStateRecord,
} from '../../model/types';
import { ImportError } from '../../model/importErrors';
import { checkSize, type ReadOptions } from '../../domain/jsonFile';
import { unwrapBackup } from './encrypted';
import { CancelledError, throwIfCancelled, type ScanOptions } from './stream';
import { validateBackupStream, type ExternalRef, type ValidatedBackup } from './validate';

export type ImportMode = 'merge' | 'replace';

export interface TableResult {
  added: number;
  updated: number;
  unchanged: number;
}

export interface ImportResult {
  mode: ImportMode;
  tables: Record<DataTableName, TableResult>;
  /** Records cleared before a replace. */
  removed: number;
}

interface Row {
  id: string;
  updatedAt: string;
}

function wrapStorage(e: unknown): Error {
  if (e instanceof ImportError || e instanceof CancelledError) return e;
  return new ImportError('storage', { kind: classifyStorageError(e) }, { cause: e });
}

/**
 * Throws missingReference for the first external reference the database lacks, and refuses an
 * event whose class or date differs from its lesson's in the database.
 */
async function checkRefsInDb(
  db: SpiegelDB,
  refs: readonly ExternalRef[],
  events: readonly InteractionEvent[],
): Promise<void> {
  if (refs.length === 0) return;
  await checkRefTargets(db, refs);
  const lessonIds = refs.filter((r) => r.target === 'lessons').map((r) => r.id);
  if (lessonIds.length === 0) return;
  const stored = await db.lessons.bulkGet(lessonIds);
  const lessons = new Map(
    stored.filter((l): l is LessonRecord => l !== undefined).map((l) => [l.id, l]),
  );
  events.forEach((e, i) => {
    const lesson = lessons.get(e.lessonId);
    if (!lesson) return;
    if (lesson.classId !== e.classId)
      throw new ImportError('invalid', { path: `events[${i}].classId`, check: 'lesson' });
    if (lesson.date !== e.date)
      throw new ImportError('invalid', { path: `events[${i}].date`, check: 'lesson' });
  });
}

/**
 * A lesson keeps its class and date: its events are stored in one record under that class and
 * date, so a file that gives a lesson this device has another date or class (in a merge), or
 * another class (in a class replace, where other classes stay), is refused whatever its
 * `updatedAt`, naming the lesson. Moving a lesson with its events is not offered.
 */
async function checkLessonsStay(
  db: SpiegelDB,
  lessons: readonly LessonRecord[],
  mode: ImportMode,
  scope: ValidatedBackup['file']['scope'],
): Promise<void> {
  if (lessons.length === 0 || (mode === 'replace' && scope.kind === 'all')) return;
  if ((await db.lessons.count()) === 0) return;
  const stored = await db.lessons.bulkGet(lessons.map((l) => l.id));
  lessons.forEach((lesson, i) => {
    const here = stored[i];
    if (!here) return;
    if (here.classId !== lesson.classId)
      throw new ImportError('invalid', { path: `lessons[${i}].classId`, check: 'lessonMoved' });
    if (mode === 'merge' && here.date !== lesson.date)
      throw new ImportError('invalid', { path: `lessons[${i}].date`, check: 'lessonMoved' });
  });
}

async function checkRefTargets(db: SpiegelDB, refs: readonly ExternalRef[]): Promise<void> {
  for (const target of ['classes', 'pupils', 'lessons', 'lenses'] as const) {
    const wanted = refs.filter((r) => r.target === target);
    if (wanted.length === 0) continue;
    const found = await db.table(target).bulkGet(wanted.map((r) => r.id));
    const i = found.findIndex((row) => row === undefined);
    const missing = wanted[i];
    if (missing) {
      throw new ImportError('missingReference', {
        table: missing.table,
        path: missing.path,
        id: missing.id,
        target,
      });
    }
  }
}

export interface PrepareOptions extends ReadOptions, ScanOptions {
  /** For an encrypted backup (src/db/backup/encrypted.ts). */
  passphrase?: string;
}

/**
 * Reads and validates a backup completely, in chunks (progress and cancel between them);
 * writes nothing.
 */
export async function prepareImport(
  input: Blob | string,
  options: PrepareOptions = {},
): Promise<ValidatedBackup> {
  checkSize(input, options.maxBytes);
  const validated = await validateBackupStream(
    await unwrapBackup(input, options.passphrase),
    options,
  );
  throwIfCancelled(options.signal);
  try {
    await checkRefsInDb(getDb(), validated.externalRefs, validated.file.data.events);
  } catch (e) {
    throw wrapStorage(e);
  }
  return validated;
}

/**
 * The stored versions of the incoming ids, in order. A file that covers much of the table is
 * read with one getAll instead of one request per id (150,000 gets are slow in Chromium).
 */
async function readExisting(
  table: Table<Row, string>,
  incoming: readonly Row[],
  count: number,
): Promise<(Row | undefined)[]> {
  if (incoming.length * 4 < count) return table.bulkGet(incoming.map((r) => r.id));
  const byId = new Map((await table.toArray()).map((r) => [r.id, r]));
  return incoming.map((r) => byId.get(r.id));
}

const later = (a: Row, b: Row) => Date.parse(a.updatedAt) > Date.parse(b.updatedAt);
const pairKey = (a: AbsenceRecord) => `${a.lessonId}|${a.pupilId}`;
const promptKeyOf = (p: PromptStateRecord) => JSON.stringify([p.classId, p.promptKey]);

/**
 * One prompt state per class and key: a state this device holds under another id for the same
 * prompt is replaced when the file's is later (then it is deleted here), else the file's is
 * skipped. Deletions run before writes, so the unique index never sees two records for a key.
 */
async function mergePromptStates(
  db: SpiegelDB,
  incoming: readonly PromptStateRecord[],
  result: TableResult,
): Promise<void> {
  const classIds = [...new Set(incoming.map((p) => p.classId))];
  const holders = new Map<string, PromptStateRecord>();
  for (const p of await db.promptStates.where('classId').anyOf(classIds).toArray()) {
    holders.set(promptKeyOf(p), p);
  }
  const toWrite: PromptStateRecord[] = [];
  const toDelete: string[] = [];
  for (const record of incoming) {
    const holder = holders.get(promptKeyOf(record));
    if (holder && holder.id === record.id) {
      if (later(record, holder)) {
        result.updated++;
        toWrite.push(record);
      } else result.unchanged++;
    } else if (holder) {
      if (later(record, holder)) {
        result.updated++;
        toDelete.push(holder.id);
        toWrite.push(record);
      } else result.unchanged++;
    } else {
      // The same id may hold another key here: it is replaced only when the file's is later.
      const sameId = await db.promptStates.get(record.id);
      if (sameId && !later(record, sameId)) {
        result.unchanged++;
        continue;
      }
      if (sameId) result.updated++;
      else result.added++;
      toWrite.push(record);
    }
  }
  if (toDelete.length > 0) await db.promptStates.bulkDelete(toDelete);
  if (toWrite.length > 0) await db.promptStates.bulkPut(toWrite);
}

/**
 * Events merge by id inside their lesson's record (events never move between lessons): one read
 * and at most one write per lesson, instead of one per event.
 */
async function mergeEvents(
  db: SpiegelDB,
  incoming: readonly InteractionEvent[],
  result: TableResult,
): Promise<void> {
  const byLesson = groupByLesson(incoming);
  const lessonIds = [...byLesson.keys()];
  // Into an empty app (a new phone): nothing to read, every lesson's record is new.
  const existing =
    (await db.lessonEvents.count()) === 0 ? [] : await db.lessonEvents.bulkGet(lessonIds);
  const toWrite: LessonEventsRecord[] = [];
  lessonIds.forEach((lessonId, i) => {
    const events = byLesson.get(lessonId)!;
    const record = existing[i];
    if (!record) {
      result.added += events.length;
      toWrite.push(lessonRecordOf(events));
      return;
    }
    const list = [...record.events];
    const position = new Map(list.map((e, j) => [e.id, j]));
    let changed = false;
    let updatedAt = record.updatedAt;
    for (const e of events) {
      const j = position.get(e.id);
      const current = j === undefined ? undefined : list[j];
      if (current && !later(e, current)) {
        result.unchanged++;
        continue;
      }
      changed = true;
      updatedAt = laterStamp(updatedAt, e.updatedAt);
      if (j === undefined) {
        result.added++;
        position.set(e.id, list.length);
        list.push(toStored(e));
      } else {
        result.updated++;
        list[j] = toStored(e);
      }
    }
    if (changed) toWrite.push(withEvents(record, list, updatedAt));
  });
  if (toWrite.length > 0) await db.lessonEvents.bulkPut(toWrite);
}

async function mergeTable(
  db: SpiegelDB,
  name: DataTableName,
  incoming: readonly Row[],
): Promise<TableResult> {
  const result: TableResult = { added: 0, updated: 0, unchanged: 0 };
  if (incoming.length === 0) return result;
  if (name === 'promptStates') {
    await mergePromptStates(db, incoming as readonly PromptStateRecord[], result);
    return result;
  }
  if (name === 'events') {
    await mergeEvents(db, incoming as readonly InteractionEvent[], result);
    return result;
  }
  const table: Table<Row, string> = db.table(name);
  const count = await table.count();
  const empty = count === 0;
  const existing = empty ? [] : await readExisting(table, incoming, count);
  // One absence per pupil per lesson: an absence this device already has under another id
  // says the same thing, so the incoming one is not added.
  const pairs = new Map<string, string>();
  if (name === 'absences' && !empty) {
    const lessonIds = [...new Set((incoming as AbsenceRecord[]).map((a) => a.lessonId))];
    for (const a of await db.absences.where('lessonId').anyOf(lessonIds).toArray()) {
      pairs.set(pairKey(a), a.id);
    }
  }
  const toWrite: Row[] = [];
  incoming.forEach((record, i) => {
    const current = existing[i];
    if (current && !later(record, current)) {
      result.unchanged++;
      return;
    }
    if (name === 'absences') {
      const key = pairKey(record as AbsenceRecord);
      const holder = pairs.get(key);
      if (holder !== undefined && holder !== record.id) {
        result.unchanged++;
        return;
      }
      pairs.set(key, record.id);
    }
    if (current) result.updated++;
    else result.added++;
    toWrite.push(record);
  });
  if (toWrite.length > 0) await table.bulkPut(toWrite);
  return result;
}

async function replaceTables(db: SpiegelDB, prepared: ValidatedBackup): Promise<number> {
  const { scope } = prepared.file;
  let removed = 0;
  for (const name of DATA_STORES) {
    const table = db.table(name);
    if (name === 'lessonEvents') {
      // Counted as events, the unit of the file.
      removed += await countEvents(db, scope.kind === 'all' ? null : scope.classId);
    }
    if (scope.kind === 'all') {
      if (name !== 'lessonEvents') removed += await table.count();
      await table.clear();
    } else if (name === 'classes') {
      if (await table.get(scope.classId)) {
        removed++;
        await table.delete(scope.classId);
      }
    } else {
      const deleted = await table.where('classId').equals(scope.classId).delete();
      if (name !== 'lessonEvents') removed += deleted;
    }
  }
  return removed;
}

/** Writes a prepared backup in one all-or-nothing transaction. */
export async function applyImport(
  prepared: ValidatedBackup,
  mode: ImportMode,
  {
    signal,
    onProgress,
    now = new Date(),
  }: { signal?: AbortSignal; onProgress?: (fraction: number) => void; now?: Date } = {},
): Promise<ImportResult> {
  const db = getDb();
  const { data } = prepared.file;
  // Progress inside the one transaction: records written so far, table by table.
  const total = DATA_TABLES.reduce((n, name) => n + data[name].length, 0) || 1;
  let done = 0;
  const tableDone = (name: DataTableName) => {
    done += data[name].length;
    onProgress?.(done / total);
  };
  try {
    return await db.transaction(
      'rw',
      [...DATA_STORES.map((n) => db.table(n)), db.settings],
      async () => {
        const tables = {} as Record<DataTableName, TableResult>;
        let removed = 0;
        if (mode === 'replace') {
          // What the file does not hold itself would be gone after clearing.
          const first = prepared.externalRefs[0];
          if (first) {
            throw new ImportError('missingReference', {
              table: first.table,
              path: first.path,
              id: first.id,
              target: first.target,
            });
          }
          await checkLessonsStay(db, data.lessons, mode, prepared.file.scope);
          removed = await replaceTables(db, prepared);
          for (const name of DATA_TABLES) {
            throwIfCancelled(signal);
            const records = data[name] as readonly Row[];
            // Cleared above: the lessons' records are new.
            if (name === 'events') await db.lessonEvents.bulkPut(lessonRecordsOf(data.events));
            else if (records.length > 0) await db.table(name).bulkPut(records);
            tables[name] = { added: records.length, updated: 0, unchanged: 0 };
            tableDone(name);
          }
        } else {
          await checkLessonsStay(db, data.lessons, mode, prepared.file.scope);
          await checkRefsInDb(db, prepared.externalRefs, data.events);
          for (const name of DATA_TABLES) {
            // A cancel aborts the one transaction: nothing of the file is kept.
            throwIfCancelled(signal);
            tables[name] = await mergeTable(db, name, data[name]);
            tableDone(name);
          }
          throwIfCancelled(signal);
        }
        throwIfCancelled(signal);
        // Screens holding a lesson in memory (another tab's live grid) read again on this.
        const stamp = nowIso(now);
        await db.settings.put({ key: 'lastRestoreAt', value: stamp, updatedAt: stamp });
        return { mode, tables, removed };
      },
    );
  } catch (e) {
    throw wrapStorage(e);
  }
}

/** Both steps at once (tests, benchmark). */
export async function importBackup(
  input: Blob | string,
  mode: ImportMode,
  options: ReadOptions = {},
): Promise<ImportResult> {
  return applyImport(await prepareImport(input, options), mode);
}
