/**
 * Lessons: created when the teacher starts logging (or logs afterwards), ended when live logging
 * stops, soft-deleted so a mistaken delete never takes the events with it.
 */
import { getDb } from '../db';
import { classRows } from '../classRows';
import { countEventsPerLesson, readEventsOfLesson } from '../eventStore';
import { ValidationError } from '../../model/errors';
import { newId, nowIso } from '../ids';
import type {
  AbsenceRecord,
  ClassRecord,
  ClockTime,
  Id,
  InteractionEvent,
  IsoDate,
  IsoDateTime,
  LessonRecord,
  PupilRecord,
} from '../../model/types';

export interface StartLessonInput {
  classId: Id;
  date: IsoDate;
  startTime: ClockTime;
  endTime?: ClockTime | null;
  topic?: string;
}

export const TOPIC_MAX = 200;
const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Checks a lesson's fields; throws ValidationError with a code the screen translates. */
export function validateLessonInput(input: StartLessonInput): {
  date: IsoDate;
  startTime: ClockTime;
  endTime: ClockTime | null;
  topic: string;
} {
  const date = (input.date ?? '').trim();
  const startTime = (input.startTime ?? '').trim();
  const endTime = (input.endTime ?? '').trim() || null;
  const topic = (input.topic ?? '').trim();
  if (!date) throw new ValidationError('dateRequired');
  if (!DATE_RE.test(date)) throw new ValidationError('dateInvalid');
  if (!startTime) throw new ValidationError('startTimeRequired');
  if (!TIME_RE.test(startTime)) throw new ValidationError('timeInvalid');
  if (endTime !== null) {
    if (!TIME_RE.test(endTime)) throw new ValidationError('timeInvalid');
    // HH:MM strings compare correctly as text.
    if (endTime <= startTime) throw new ValidationError('endBeforeStart');
  }
  if (topic.length > TOPIC_MAX) throw new ValidationError('topicTooLong', { max: TOPIC_MAX });
  return { date, startTime, endTime, topic };
}

export async function startLesson(
  input: StartLessonInput,
  now: Date = new Date(),
): Promise<LessonRecord> {
  const fields = validateLessonInput(input);
  const db = getDb();
  const ts = nowIso(now);
  const lesson: LessonRecord = {
    id: newId(),
    classId: input.classId,
    ...fields,
    endedAt: null,
    deletedAt: null,
    createdAt: ts,
    updatedAt: ts,
  };
  await db.transaction('rw', db.classes, db.lessons, async () => {
    const cls = await db.classes.get(input.classId);
    if (!cls || cls.deletedAt) throw new ValidationError('classNotFound');
    await db.lessons.add(lesson);
  });
  return lesson;
}

/** Stops live logging. Ending twice keeps the first end time. */
export async function endLesson(id: Id, now: Date = new Date()): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.lessons, async () => {
    const lesson = await db.lessons.get(id);
    if (!lesson) throw new ValidationError('lessonNotFound');
    if (lesson.endedAt) return;
    const ts = nowIso(now);
    await db.lessons.update(id, { endedAt: ts, updatedAt: ts });
  });
}

/** A lesson that is not deleted, or undefined. */
export async function getLesson(id: Id): Promise<LessonRecord | undefined> {
  const lesson = await getDb().lessons.get(id);
  return lesson && !lesson.deletedAt ? lesson : undefined;
}

function newestFirst(a: LessonRecord, b: LessonRecord): number {
  const ka = `${a.date} ${a.startTime} ${a.createdAt}`;
  const kb = `${b.date} ${b.startTime} ${b.createdAt}`;
  return ka < kb ? 1 : ka > kb ? -1 : 0;
}

/** The class's lessons, newest first, without deleted ones. */
export async function listLessons(classId: Id): Promise<LessonRecord[]> {
  const lessons = await classRows(getDb().lessons, classId);
  return lessons.filter((l) => !l.deletedAt).sort(newestFirst);
}

export interface LessonWithCount {
  lesson: LessonRecord;
  eventCount: number;
}

/** Lessons with their event counts (read from an index: no event is loaded). */
export async function listLessonsWithCounts(classId: Id): Promise<LessonWithCount[]> {
  const db = getDb();
  return db.transaction('r', db.lessons, db.lessonEvents, async () => {
    const lessons = await listLessons(classId);
    const counts = await countEventsPerLesson(db, classId);
    return lessons.map((lesson) => ({ lesson, eventCount: counts.get(lesson.id) ?? 0 }));
  });
}

/** Soft delete: the lesson disappears from lists; its events stay for a restore. */
export async function deleteLesson(id: Id, now: Date = new Date()): Promise<void> {
  const ts = nowIso(now);
  await getDb().lessons.update(id, { deletedAt: ts, updatedAt: ts });
}

export async function restoreLesson(id: Id, now: Date = new Date()): Promise<void> {
  await getDb().lessons.update(id, { deletedAt: null, updatedAt: nowIso(now) });
}

/** Everything the live screen needs, read once in one transaction. */
export interface LiveLessonData {
  lesson: LessonRecord;
  cls: ClassRecord;
  /** Current pupils of the class (removed pupils are left out). */
  pupils: PupilRecord[];
  events: InteractionEvent[];
  absences: AbsenceRecord[];
}

export async function loadLiveLessonData(lessonId: Id): Promise<LiveLessonData | null> {
  const db = getDb();
  return db.transaction(
    'r',
    [db.lessons, db.classes, db.pupils, db.lessonEvents, db.absences],
    async () => {
      const lesson = await db.lessons.get(lessonId);
      if (!lesson || lesson.deletedAt) return null;
      const cls = await db.classes.get(lesson.classId);
      if (!cls || cls.deletedAt) return null;
      const [pupils, events, absences] = await Promise.all([
        classRows(db.pupils, lesson.classId),
        readEventsOfLesson(db, lessonId),
        db.absences.where('lessonId').equals(lessonId).toArray(),
      ]);
      return {
        lesson,
        cls,
        pupils: pupils.filter((p) => !p.removedAt),
        events,
        absences,
      };
    },
  );
}

/**
 * The parts of the live screen another tab can change: the lesson, its class and its pupils, and
 * when a backup was last restored (a restore can change the lesson's events under the screen).
 */
export type LiveRosterData = Pick<LiveLessonData, 'lesson' | 'cls' | 'pupils'> & {
  restoredAt: IsoDateTime | null;
};

/**
 * For a live query: null once the lesson or class is gone (deleted, or replaced by a restore in
 * another tab). Reads no events, so the screen's own taps do not wake it.
 */
export async function loadLiveRosterData(lessonId: Id): Promise<LiveRosterData | null> {
  const db = getDb();
  return db.transaction('r', [db.lessons, db.classes, db.pupils, db.settings], async () => {
    const lesson = await db.lessons.get(lessonId);
    if (!lesson || lesson.deletedAt) return null;
    const cls = await db.classes.get(lesson.classId);
    if (!cls || cls.deletedAt) return null;
    const [pupils, restored] = await Promise.all([
      classRows(db.pupils, lesson.classId),
      db.settings.get('lastRestoreAt'),
    ]);
    const restoredAt = typeof restored?.value === 'string' ? restored.value : null;
    return { lesson, cls, pupils: pupils.filter((p) => !p.removedAt), restoredAt };
  });
}
