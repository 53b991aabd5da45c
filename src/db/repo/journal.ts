/**
 * The teacher's journal: dated free-text entries, optionally linked to a lesson, a pupil or an
 * insight. Deleting is soft (`deletedAt`) so the screen can offer Undo. Writing and listing only:
 * the screens' loaders are `journalLoaders.ts`, the search is `src/domain/journalSearch.ts`.
 */
import { getDb } from '../db';
import { classRows } from '../classRows';
import { ValidationError } from '../../model/errors';
import { newId, nowIso } from '../ids';
import type { Id, IsoDate, JournalEntry } from '../../model/types';
import { toIsoDate } from '../../domain/dates';
import { isValidIsoDate } from './afterLesson';

export const JOURNAL_TEXT_MAX = 5000;

export interface JournalInput {
  /** Derived from the lesson or pupil when left out. */
  classId?: Id | null;
  date: IsoDate;
  text: string;
  lessonId?: Id | null;
  pupilId?: Id | null;
  insightKey?: string | null;
  source?: JournalEntry['source'];
}

/** Codes: textRequired, textTooLong, dateInvalid, dateFuture. */
function validate(text: string, date: string, now: Date): { text: string; date: IsoDate } {
  const clean = text.trim();
  if (!clean) throw new ValidationError('textRequired');
  if (clean.length > JOURNAL_TEXT_MAX)
    throw new ValidationError('textTooLong', { max: JOURNAL_TEXT_MAX });
  const d = date.trim();
  if (!isValidIsoDate(d)) throw new ValidationError('dateInvalid');
  if (d > toIsoDate(now)) throw new ValidationError('dateFuture');
  return { text: clean, date: d };
}

/**
 * Checks that the lesson and pupil exist and belong to one class; returns that class.
 * Codes: lessonNotFound, pupilNotFound, classNotFound.
 */
async function resolveClass(
  classId: Id | null,
  lessonId: Id | null,
  pupilId: Id | null,
): Promise<Id | null> {
  const db = getDb();
  let cls = classId;
  if (lessonId) {
    const lesson = await db.lessons.get(lessonId);
    if (!lesson || lesson.deletedAt || (cls && lesson.classId !== cls))
      throw new ValidationError('lessonNotFound');
    cls = lesson.classId;
  }
  if (pupilId) {
    const pupil = await db.pupils.get(pupilId);
    if (!pupil || (cls && pupil.classId !== cls)) throw new ValidationError('pupilNotFound');
    cls = pupil.classId;
  }
  if (cls) {
    const record = await db.classes.get(cls);
    if (!record || record.deletedAt) throw new ValidationError('classNotFound');
  }
  return cls;
}

export async function createJournalEntry(
  input: JournalInput,
  now: Date = new Date(),
): Promise<JournalEntry> {
  const { text, date } = validate(input.text, input.date, now);
  const db = getDb();
  const stamp = nowIso(now);
  return db.transaction('rw', [db.classes, db.lessons, db.pupils, db.journal], async () => {
    const lessonId = input.lessonId || null;
    const pupilId = input.pupilId || null;
    const classId = await resolveClass(input.classId ?? null, lessonId, pupilId);
    const entry: JournalEntry = {
      id: newId(),
      classId,
      date,
      text,
      lessonId,
      pupilId,
      insightKey: input.insightKey?.trim() || null,
      source: input.source ?? 'journal',
      deletedAt: null,
      createdAt: stamp,
      updatedAt: stamp,
    };
    await db.journal.add(entry);
    return entry;
  });
}

/** Writes several entries at once (the after-lesson minute): all or none. */
export async function createJournalEntries(
  inputs: readonly JournalInput[],
  now: Date = new Date(),
): Promise<JournalEntry[]> {
  const db = getDb();
  return db.transaction('rw', [db.classes, db.lessons, db.pupils, db.journal], async () => {
    const out: JournalEntry[] = [];
    for (const input of inputs) out.push(await createJournalEntry(input, now));
    return out;
  });
}

export type JournalPatch = Partial<Pick<JournalInput, 'date' | 'text' | 'lessonId' | 'pupilId'>>;

export async function updateJournalEntry(
  id: Id,
  patch: JournalPatch,
  now: Date = new Date(),
): Promise<JournalEntry> {
  const db = getDb();
  return db.transaction('rw', [db.classes, db.lessons, db.pupils, db.journal], async () => {
    const current = await db.journal.get(id);
    if (!current || current.deletedAt) throw new ValidationError('entryNotFound');
    const { text, date } = validate(patch.text ?? current.text, patch.date ?? current.date, now);
    const lessonId = patch.lessonId === undefined ? current.lessonId : patch.lessonId || null;
    const pupilId = patch.pupilId === undefined ? current.pupilId : patch.pupilId || null;
    await resolveClass(current.classId, lessonId, pupilId);
    const next: JournalEntry = {
      ...current,
      text,
      date,
      lessonId,
      pupilId,
      updatedAt: nowIso(now),
    };
    await db.journal.put(next);
    return next;
  });
}

/** Soft delete: the entry disappears from lists but can be restored (Undo). */
export async function deleteJournalEntry(id: Id, now: Date = new Date()): Promise<void> {
  const stamp = nowIso(now);
  await getDb().journal.update(id, { deletedAt: stamp, updatedAt: stamp });
}

export async function restoreJournalEntry(id: Id, now: Date = new Date()): Promise<void> {
  await getDb().journal.update(id, { deletedAt: null, updatedAt: nowIso(now) });
}

/** Newest first (by date, then by when it was written). */
export function compareEntries(a: JournalEntry, b: JournalEntry): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}

const alive = (rows: JournalEntry[]) => rows.filter((e) => !e.deletedAt).sort(compareEntries);

export async function listJournal(classId: Id): Promise<JournalEntry[]> {
  return alive(await classRows(getDb().journal, classId));
}

export async function listJournalForLesson(lessonId: Id): Promise<JournalEntry[]> {
  return alive(await getDb().journal.where('lessonId').equals(lessonId).toArray());
}

export async function listJournalForPupil(pupilId: Id): Promise<JournalEntry[]> {
  return alive(await getDb().journal.where('pupilId').equals(pupilId).toArray());
}
