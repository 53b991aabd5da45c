/**
 * Everything recorded about one pupil, for the pupil page and its export. One read transaction
 * so the page (and an exported file) never mixes two moments. Records are returned as stored,
 * soft-deleted ones included: the page leaves those out (src/features/pupil/timeline.ts), the
 * export shows everything the device holds about the pupil.
 */
import { getDb } from '../db';
import { classRows } from '../classRows';
import { readPupilEvents } from '../eventStore';
import type {
  AbsenceRecord,
  AchievementRecord,
  BankingSession,
  ClassRecord,
  ExpectationRecord,
  Id,
  InteractionEvent,
  LensRecord,
  LessonRecord,
  PupilRecord,
  RelationshipRecord,
} from '../../model/types';

export interface PupilTimelineData {
  pupil: PupilRecord;
  cls: ClassRecord;
  /** The class's lenses that are not deleted, in the teacher's order. */
  lenses: LensRecord[];
  /** The class's lessons (deleted ones included: the timeline leaves them out). */
  lessons: LessonRecord[];
  events: InteractionEvent[];
  absences: AbsenceRecord[];
  banking: BankingSession[];
  expectations: ExpectationRecord[];
  achievements: AchievementRecord[];
  relationships: RelationshipRecord[];
}

/**
 * The pupil, their class and every record about them; null when the pupil does not exist or
 * their class was deleted (a deleted class waits for its undo window to pass, then is purged).
 */
export async function loadPupilTimelineData(pupilId: Id): Promise<PupilTimelineData | null> {
  const db = getDb();
  return db.transaction(
    'r',
    [
      db.pupils,
      db.classes,
      db.lenses,
      db.lessons,
      db.lessonEvents,
      db.absences,
      db.banking,
      db.expectations,
      db.achievements,
      db.relationships,
    ],
    async () => {
      const pupil = await db.pupils.get(pupilId);
      if (!pupil) return null;
      const cls = await db.classes.get(pupil.classId);
      if (!cls || cls.deletedAt) return null;
      const [
        lenses,
        lessons,
        events,
        absences,
        banking,
        expectations,
        achievements,
        relationships,
      ] = await Promise.all([
        classRows(db.lenses, cls.id),
        classRows(db.lessons, cls.id),
        readPupilEvents(db, cls.id, pupilId),
        db.absences.where('pupilId').equals(pupilId).toArray(),
        db.banking.where('pupilId').equals(pupilId).toArray(),
        db.expectations.where('pupilId').equals(pupilId).toArray(),
        db.achievements.where('pupilId').equals(pupilId).toArray(),
        db.relationships.where('pupilId').equals(pupilId).toArray(),
      ]);
      return {
        pupil,
        cls,
        lenses: lenses.filter((l) => !l.deletedAt).sort((a, b) => a.order - b.order),
        lessons,
        events,
        absences,
        banking,
        expectations,
        achievements,
        relationships,
      };
    },
  );
}
