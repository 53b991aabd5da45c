/**
 * Fixing a lesson afterwards: its events per pupil, an event's kind, qualifiers or pupil changed,
 * one event removed. Everything derived (insights, timelines, intentions, thresholds) reads the
 * events again, so it follows by itself. Deleting the whole lesson is `deleteLesson` (soft, with
 * `restoreLesson` as its undo) in ./lessons.ts.
 */
import { getDb } from '../db';
import { classRows } from '../classRows';
import { requireLesson, requirePupilOf } from './guards';
import { modifyLessonEvents, putEvents, readEventsOfLesson } from '../eventStore';
import { ValidationError } from '../../model/errors';
import { nowIso } from '../ids';
import type {
  ClassRecord,
  Id,
  InteractionEvent,
  LessonRecord,
  PupilRecord,
} from '../../model/types';
import {
  isInteractionKind,
  KIND_INFO,
  QUALIFIER_NAMES,
  type InteractionKind,
  type QualifierName,
} from '../../model/kinds';
import { comparePupils } from './pupils';
import { checkQualifiers, type QualifierUpdate } from './events';

export interface LessonEditData {
  lesson: LessonRecord;
  cls: ClassRecord;
  /** Current pupils, and removed ones who have an event in this lesson, in seating order. */
  pupils: PupilRecord[];
  /** The lesson's events, oldest first. */
  events: InteractionEvent[];
}

function byTime(a: InteractionEvent, b: InteractionEvent): number {
  const ka = a.at ?? a.createdAt;
  const kb = b.at ?? b.createdAt;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** For a live query: null when the lesson or its class is gone. */
export async function loadLessonEditData(lessonId: Id): Promise<LessonEditData | null> {
  const db = getDb();
  return db.transaction('r', [db.lessons, db.classes, db.pupils, db.lessonEvents], async () => {
    const lesson = await db.lessons.get(lessonId);
    if (!lesson || lesson.deletedAt) return null;
    const cls = await db.classes.get(lesson.classId);
    if (!cls || cls.deletedAt) return null;
    const [pupils, events] = await Promise.all([
      classRows(db.pupils, lesson.classId),
      readEventsOfLesson(db, lessonId),
    ]);
    const withEvents = new Set(events.map((e) => e.pupilId));
    return {
      lesson,
      cls,
      pupils: pupils.filter((p) => !p.removedAt || withEvents.has(p.id)).sort(comparePupils),
      events: events.sort(byTime),
    };
  });
}

export interface EventChange {
  kind?: InteractionKind;
  pupilId?: Id;
  qualifiers?: QualifierUpdate;
}

/**
 * Changes one event of a lesson. A new kind keeps only the qualifiers it carries; a new pupil
 * must be a current pupil of the lesson's class (checked inside the write). Codes: unknownKind,
 * qualifierNotForKind, pupilNotFound, lessonNotFound, eventNotFound.
 */
export async function updateEvent(
  lessonId: Id,
  id: Id,
  change: EventChange,
  now: Date = new Date(),
): Promise<InteractionEvent> {
  if (change.kind !== undefined && !isInteractionKind(change.kind))
    throw new ValidationError('unknownKind');
  const db = getDb();
  const stamp = nowIso(now);
  return db.transaction('rw', db.lessons, db.pupils, db.lessonEvents, async () => {
    const lesson = await requireLesson(lessonId);
    if (change.pupilId !== undefined) {
      await requirePupilOf(change.pupilId, lesson.classId, { current: true });
    }
    const { replaced } = await modifyLessonEvents(
      db,
      lessonId,
      (event) => {
        if (event.id !== id) return event;
        const kind = change.kind ?? event.kind;
        const next: InteractionEvent = {
          ...event,
          kind,
          pupilId: change.pupilId ?? event.pupilId,
          updatedAt: stamp,
        };
        // A refused qualifier throws here, inside the transaction: nothing is written.
        checkQualifiers(kind, change.qualifiers ?? {});
        const allowed = KIND_INFO[kind].qualifiers;
        for (const name of QUALIFIER_NAMES) {
          if (!allowed.includes(name)) delete next[name];
        }
        for (const [name, value] of Object.entries(change.qualifiers ?? {}) as [
          QualifierName,
          unknown,
        ][]) {
          if (value === undefined) continue;
          if (value === null) delete next[name];
          else Object.assign(next, { [name]: value });
        }
        return next;
      },
      stamp,
    );
    const updated = replaced[0];
    if (!updated) throw new ValidationError('eventNotFound');
    return updated;
  });
}

/** Undo of a removed event: it comes back as it was (its lesson must still exist). */
export async function restoreEvent(event: InteractionEvent): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.lessons, db.lessonEvents, async () => {
    await requireLesson(event.lessonId);
    await putEvents(db, [event]);
  });
}
