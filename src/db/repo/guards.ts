/**
 * The checks a write makes inside its own transaction, because another tab may have removed the
 * lesson or pupil since the screen read them. Call them within a transaction that holds the
 * tables they read (lessons, pupils), so the check and the write see the same state.
 */
import { getDb } from '../db';
import { ValidationError } from '../../model/errors';
import type { Id, LessonRecord, PupilRecord } from '../../model/types';

/** The lesson, unless it is gone or deleted (code lessonNotFound). */
export async function requireLesson(lessonId: Id): Promise<LessonRecord> {
  const lesson = await getDb().lessons.get(lessonId);
  if (!lesson || lesson.deletedAt) throw new ValidationError('lessonNotFound');
  return lesson;
}

/**
 * A pupil of the class (code pupilNotFound). `current` also refuses a removed pupil: new events
 * go only to pupils still in the class; an absence may be marked for any pupil of the class.
 */
export async function requirePupilOf(
  pupilId: Id,
  classId: Id,
  { current }: { current: boolean },
): Promise<PupilRecord> {
  const pupil = await getDb().pupils.get(pupilId);
  if (!pupil || pupil.classId !== classId || (current && pupil.removedAt))
    throw new ValidationError('pupilNotFound');
  return pupil;
}
