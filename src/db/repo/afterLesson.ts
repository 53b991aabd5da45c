/**
 * Logging a lesson afterwards: a past lesson, per-pupil steppers that add or remove events
 * flagged `loggedAfter` (no exact time), and absences. Events logged live are counted but never
 * removed here: the teacher's taps during the lesson are the better record.
 */
import { getDb } from '../db';
import { classRows } from '../classRows';
import { modifyLessonEvents, putEvents, readEventsOfLesson } from '../eventStore';
import { ValidationError } from '../../model/errors';
import { newId, nowIso } from '../ids';
import type {
  ClassRecord,
  Id,
  InteractionEvent,
  LessonRecord,
  PupilRecord,
} from '../../model/types';
import { INTERACTION_KINDS, type InteractionKind } from '../../model/kinds';
import { toIsoDate } from '../../domain/dates';
import { listAbsences, setAbsent } from './absences';
import { requireLesson, requirePupilOf } from './guards';
import { validateLessonInput } from './lessons';
import { comparePupils } from './pupils';

// The absence toggle is shared with the live screen: one writer for the absences table.
export { setAbsent };

export interface PastLessonInput {
  classId: Id;
  /** `YYYY-MM-DD`; today or earlier. */
  date: string;
  /** `HH:MM`. */
  startTime: string;
  /** `HH:MM`, or empty when unknown. */
  endTime: string;
  topic: string;
}

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2024-02-30). */
export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Creates a lesson that already took place (today or earlier), so it is ended at once. Codes:
 * those of validateLessonInput (dateRequired, dateInvalid, startTimeRequired, timeInvalid,
 * endBeforeStart, topicTooLong), plus dateFuture and classNotFound.
 */
export async function createPastLesson(
  input: PastLessonInput,
  now: Date = new Date(),
): Promise<LessonRecord> {
  const fields = validateLessonInput(input);
  if (!isValidIsoDate(fields.date)) throw new ValidationError('dateInvalid');
  // ISO dates compare correctly as strings.
  if (fields.date > toIsoDate(now)) throw new ValidationError('dateFuture');

  const db = getDb();
  const stamp = nowIso(now);
  const lesson: LessonRecord = {
    id: newId(),
    classId: input.classId,
    ...fields,
    endedAt: stamp,
    deletedAt: null,
    createdAt: stamp,
    updatedAt: stamp,
  };
  await db.transaction('rw', db.classes, db.lessons, async () => {
    const cls = await db.classes.get(input.classId);
    if (!cls || cls.deletedAt) throw new ValidationError('classNotFound');
    await db.lessons.add(lesson);
  });
  return lesson;
}

export interface KindCount {
  live: number;
  after: number;
}
export type PupilLiveAfterCounts = Record<InteractionKind, KindCount>;
/** pupilId → kind → counts. Pupils without any event in the lesson are absent from the map. */
export type LessonCounts = Record<Id, PupilLiveAfterCounts>;

export function emptyKindCounts(): PupilLiveAfterCounts {
  const counts = {} as PupilLiveAfterCounts;
  for (const kind of INTERACTION_KINDS) counts[kind] = { live: 0, after: 0 };
  return counts;
}

/** Tallies events per pupil and kind, split into live taps and afterwards-logged ones. */
export function tallyLiveAfter(events: readonly InteractionEvent[]): LessonCounts {
  const result: LessonCounts = {};
  for (const e of events) {
    const perPupil = (result[e.pupilId] ??= emptyKindCounts());
    const cell = perPupil[e.kind];
    if (!cell) continue; // an unknown kind from a newer version: leave it alone
    if (e.loggedAfter) cell.after += 1;
    else cell.live += 1;
  }
  return result;
}

export async function afterLessonCounts(lessonId: Id): Promise<LessonCounts> {
  return tallyLiveAfter(await readEventsOfLesson(getDb(), lessonId));
}

/** Adds one afterwards-logged event (no exact time; the lesson's date). */
export async function incrementAfter(
  lessonId: Id,
  pupilId: Id,
  kind: InteractionKind,
  now: Date = new Date(),
): Promise<InteractionEvent> {
  const db = getDb();
  return db.transaction('rw', db.lessons, db.pupils, db.lessonEvents, async () => {
    const lesson = await requireLesson(lessonId);
    await requirePupilOf(pupilId, lesson.classId, { current: false });
    const stamp = nowIso(now);
    const event: InteractionEvent = {
      id: newId(),
      classId: lesson.classId,
      lessonId,
      pupilId,
      kind,
      date: lesson.date,
      at: null,
      loggedAfter: true,
      createdAt: stamp,
      updatedAt: stamp,
    };
    await putEvents(db, [event]);
    return event;
  });
}

/**
 * Removes the most recent afterwards-logged event of this kind for this pupil. Live events are
 * never touched; returns false when there was nothing afterwards-logged to remove.
 */
export async function decrementAfter(
  lessonId: Id,
  pupilId: Id,
  kind: InteractionKind,
  now: Date = new Date(),
): Promise<boolean> {
  const db = getDb();
  return db.transaction('rw', db.lessonEvents, async () => {
    const candidates = (await readEventsOfLesson(db, lessonId)).filter(
      (e) => e.pupilId === pupilId && e.kind === kind && e.loggedAfter,
    );
    if (candidates.length === 0) return false;
    const latest = candidates.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
    await modifyLessonEvents(db, lessonId, (e) => (e.id === latest.id ? null : e), nowIso(now));
    return true;
  });
}

export async function listAbsentPupilIds(lessonId: Id): Promise<Id[]> {
  return (await listAbsences(lessonId)).map((r) => r.pupilId);
}

export interface AfterLessonData {
  lesson: LessonRecord;
  cls: ClassRecord;
  /** Current pupils of the class, in seating order. */
  pupils: PupilRecord[];
  counts: LessonCounts;
  absentIds: Id[];
}

/** Everything the after-lesson screen shows, in one read (null when the lesson is gone). */
export async function loadAfterLessonData(lessonId: Id): Promise<AfterLessonData | null> {
  const db = getDb();
  const lesson = await db.lessons.get(lessonId);
  if (!lesson || lesson.deletedAt) return null;
  const cls = await db.classes.get(lesson.classId);
  if (!cls || cls.deletedAt) return null;
  const [pupils, counts, absentIds] = await Promise.all([
    classRows(db.pupils, cls.id),
    afterLessonCounts(lessonId),
    listAbsentPupilIds(lessonId),
  ]);
  return {
    lesson,
    cls,
    pupils: pupils.filter((p) => !p.removedAt).sort(comparePupils),
    counts,
    absentIds,
  };
}

/** The class a past lesson is being created for (null when it is gone). */
export async function classForPastLesson(classId: Id): Promise<ClassRecord | null> {
  const cls = await getDb().classes.get(classId);
  return cls && !cls.deletedAt ? cls : null;
}
