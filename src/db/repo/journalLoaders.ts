/**
 * What the journal screens and the after-lesson minute read, each in one read transaction
 * (null when the class, lesson or pupil is gone). Writing is `journal.ts`.
 */
import { getDb } from '../db';
import { classRows } from '../classRows';
import { readEventsOfLesson } from '../eventStore';
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
import { listJournal, listJournalForLesson, listJournalForPupil } from './journal';
import { comparePupils } from './pupils';

export interface JournalData {
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
export async function loadJournalData(classId: Id): Promise<JournalData | null> {
  const db = getDb();
  return db.transaction('r', [db.classes, db.pupils, db.lessons, db.journal], async () => {
    const cls = await db.classes.get(classId);
    if (!cls || cls.deletedAt) return null;
    const [pupils, lessons, entries] = await Promise.all([
      classRows(db.pupils, classId),
      classRows(db.lessons, classId),
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

export interface JournalItemData {
  classId: Id;
  /** The lesson's date, or null for a pupil (new entries then default to today). */
  lessonDate: IsoDate | null;
  pupils: PupilRecord[];
  lessons: LessonRecord[];
  entries: JournalEntry[];
}

/** The entries of one lesson or one pupil, with what is needed to show and add them. */
export async function loadJournalItemData(item: {
  lessonId?: Id;
  pupilId?: Id;
}): Promise<JournalItemData | null> {
  const db = getDb();
  return db.transaction('r', [db.classes, db.pupils, db.lessons, db.journal], async () => {
    const lesson = item.lessonId ? await db.lessons.get(item.lessonId) : undefined;
    const pupil = item.pupilId ? await db.pupils.get(item.pupilId) : undefined;
    const classId = lesson?.classId ?? pupil?.classId;
    if (!classId || (item.lessonId && (!lesson || lesson.deletedAt)) || (item.pupilId && !pupil))
      return null;
    const [pupils, lessons, byLesson, byPupil] = await Promise.all([
      classRows(db.pupils, classId),
      classRows(db.lessons, classId),
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
      classRows(db.pupils, cls.id),
      db.absences.where('lessonId').equals(lessonId).toArray(),
      readEventsOfLesson(db, lessonId),
      classRows(db.expectations, cls.id),
      classRows(db.intentions, cls.id),
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
