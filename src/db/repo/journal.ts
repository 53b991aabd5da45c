/**
 * The teacher's journal: dated free-text entries, optionally linked to a lesson, a pupil or an
 * insight. Deleting is soft (`deletedAt`) so the screen can offer Undo.
 */
import { getDb } from '../db';
import { readLessonEvents } from '../eventStore';
import { ValidationError } from '../../model/errors';
import { newId, nowIso } from '../ids';
import type {
  AbsenceRecord,
  ClassRecord,
  ExpectationRecord,
  Id,
  IntentionRecord,
  InteractionEvent,
  IsoDate,
  JournalEntry,
  LessonRecord,
  PupilRecord,
} from '../../model/types';
import { toIsoDate } from '../../domain/dates';
import { isValidIsoDate } from './afterLesson';
import { comparePupils } from './pupils';

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
  return alive(await getDb().journal.where('classId').equals(classId).toArray());
}

export async function listJournalForLesson(lessonId: Id): Promise<JournalEntry[]> {
  return alive(await getDb().journal.where('lessonId').equals(lessonId).toArray());
}

export async function listJournalForPupil(pupilId: Id): Promise<JournalEntry[]> {
  return alive(await getDb().journal.where('pupilId').equals(pupilId).toArray());
}

/** Lower case without accents, so "Zoë" is found by "zoe" and "ZOË". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
}

export interface JournalSearchContext {
  pupilNames: ReadonlyMap<Id, string>;
  lessonTopics: ReadonlyMap<Id, string>;
}

/**
 * Entries whose text, pupil name or lesson topic holds every word of the query (case- and
 * accent-insensitive); all entries when the query is blank.
 */
export function searchJournal(
  entries: readonly JournalEntry[],
  query: string,
  context: JournalSearchContext,
): JournalEntry[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => {
    const haystack = foldText(
      [
        e.text,
        e.pupilId ? (context.pupilNames.get(e.pupilId) ?? '') : '',
        e.lessonId ? (context.lessonTopics.get(e.lessonId) ?? '') : '',
      ].join('\n'),
    );
    return words.every((w) => haystack.includes(w));
  });
}

export interface JournalView {
  cls: ClassRecord;
  /** Every pupil ever in the class (entries about removed pupils keep their name). */
  pupils: PupilRecord[];
  /** The class's lessons, newest first (for linking and for topics). */
  lessons: LessonRecord[];
  entries: JournalEntry[];
}

function newestLessonFirst(a: LessonRecord, b: LessonRecord): number {
  const ka = `${a.date} ${a.startTime}`;
  const kb = `${b.date} ${b.startTime}`;
  return ka < kb ? 1 : ka > kb ? -1 : 0;
}

/** Everything the journal screen shows, in one read (null when the class is gone). */
export async function journalView(classId: Id): Promise<JournalView | null> {
  const db = getDb();
  return db.transaction('r', [db.classes, db.pupils, db.lessons, db.journal], async () => {
    const cls = await db.classes.get(classId);
    if (!cls || cls.deletedAt) return null;
    const [pupils, lessons, entries] = await Promise.all([
      db.pupils.where('classId').equals(classId).toArray(),
      db.lessons.where('classId').equals(classId).toArray(),
      listJournal(classId),
    ]);
    return {
      cls,
      pupils: pupils.sort(comparePupils),
      lessons: lessons.filter((l) => !l.deletedAt).sort(newestLessonFirst),
      entries,
    };
  });
}

export interface JournalItemView {
  classId: Id;
  /** The lesson's date, or null for a pupil (new entries then default to today). */
  lessonDate: IsoDate | null;
  pupils: PupilRecord[];
  lessons: LessonRecord[];
  entries: JournalEntry[];
}

/** The entries of one lesson or one pupil, with what is needed to show and add them. */
export async function journalForItem(item: {
  lessonId?: Id;
  pupilId?: Id;
}): Promise<JournalItemView | null> {
  const db = getDb();
  return db.transaction('r', [db.classes, db.pupils, db.lessons, db.journal], async () => {
    const lesson = item.lessonId ? await db.lessons.get(item.lessonId) : undefined;
    const pupil = item.pupilId ? await db.pupils.get(item.pupilId) : undefined;
    const classId = lesson?.classId ?? pupil?.classId;
    if (!classId || (item.lessonId && (!lesson || lesson.deletedAt)) || (item.pupilId && !pupil))
      return null;
    const [pupils, lessons, byLesson, byPupil] = await Promise.all([
      db.pupils.where('classId').equals(classId).toArray(),
      db.lessons.where('classId').equals(classId).toArray(),
      item.lessonId ? listJournalForLesson(item.lessonId) : Promise.resolve(null),
      item.pupilId ? listJournalForPupil(item.pupilId) : Promise.resolve(null),
    ]);
    // Both given: the entries about this pupil in this lesson.
    const entries =
      byLesson && byPupil
        ? byLesson.filter((e) => e.pupilId === item.pupilId)
        : (byLesson ?? byPupil ?? []);
    return {
      classId,
      lessonDate: lesson?.date ?? null,
      pupils: pupils.sort(comparePupils),
      lessons: lessons.filter((l) => !l.deletedAt).sort(newestLessonFirst),
      entries,
    };
  });
}

/** What the after-lesson minute needs about one lesson and its class. */
export interface ReflectionData {
  lesson: LessonRecord;
  cls: ClassRecord;
  /** Every pupil ever in the class, in seating order. */
  pupils: PupilRecord[];
  lessons: LessonRecord[];
  absences: AbsenceRecord[];
  events: InteractionEvent[];
  expectations: ExpectationRecord[];
  intentions: IntentionRecord[];
  /** Answers already written in this lesson's minute. */
  answered: JournalEntry[];
}

export async function loadReflectionData(lessonId: Id): Promise<ReflectionData | null> {
  const db = getDb();
  const tables = [
    db.lessons,
    db.classes,
    db.pupils,
    db.absences,
    db.lessonEvents,
    db.expectations,
    db.intentions,
    db.journal,
  ];
  return db.transaction('r', tables, async () => {
    const lesson = await db.lessons.get(lessonId);
    if (!lesson || lesson.deletedAt) return null;
    const cls = await db.classes.get(lesson.classId);
    if (!cls || cls.deletedAt) return null;
    const [pupils, absences, events, expectations, intentions, entries] = await Promise.all([
      db.pupils.where('classId').equals(cls.id).toArray(),
      db.absences.where('lessonId').equals(lessonId).toArray(),
      readLessonEvents(db, lessonId),
      db.expectations.where('classId').equals(cls.id).toArray(),
      db.intentions.where('classId').equals(cls.id).toArray(),
      listJournalForLesson(lessonId),
    ]);
    return {
      lesson,
      cls,
      pupils: pupils.sort(comparePupils),
      lessons: [lesson],
      absences,
      events,
      expectations,
      intentions: intentions.filter((i) => !i.deletedAt),
      answered: entries.filter((e) => e.source === 'afterLesson'),
    };
  });
}
