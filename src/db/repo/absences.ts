/**
 * Attendance: presence is the default, so only absences are stored — one record per lesson and
 * pupil at most (a unique index guards it).
 */
import { getDb } from '../db';
import { requireLesson, requirePupilOf } from './guards';
import { newId, nowIso } from '../ids';
import type { AbsenceRecord, Id } from '../../model/types';

/** Marks a pupil absent (or present again) for one lesson. Idempotent. */
export async function setAbsent(
  lessonId: Id,
  pupilId: Id,
  absent: boolean,
  now: Date = new Date(),
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.lessons, db.pupils, db.absences, async () => {
    const existing = await db.absences.where({ lessonId, pupilId }).first();
    if (!absent) {
      if (existing) await db.absences.delete(existing.id);
      return;
    }
    if (existing) return;
    const lesson = await requireLesson(lessonId);
    await requirePupilOf(pupilId, lesson.classId, { current: false });
    const ts = nowIso(now);
    await db.absences.add({
      id: newId(),
      classId: lesson.classId,
      lessonId,
      pupilId,
      createdAt: ts,
      updatedAt: ts,
    });
  });
}

export async function listAbsences(lessonId: Id): Promise<AbsenceRecord[]> {
  return getDb().absences.where('lessonId').equals(lessonId).toArray();
}
