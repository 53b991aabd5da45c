/**
 * The record behind "who next?" on the live screen: per pupil, the turns and the lessons present
 * in the class's last few lessons before this one. Read once, when the teacher asks.
 */
import { getDb } from '../db';
import { classRows } from '../classRows';
import { eventsOfRecord } from '../eventStore';
import type { Id, LessonRecord } from '../../model/types';

export interface PupilRecentTurns {
  turns: number;
  lessons: number;
}

/** Per current pupil of the class, their recent turns and lessons present. */
export type RecentTurnsData = Map<Id, PupilRecentTurns>;

const earlier = (a: LessonRecord, b: LessonRecord) =>
  a.date < b.date || (a.date === b.date && a.startTime < b.startTime);

/** Current pupils of the lesson's class, each with turns and lessons present in `count` lessons. */
export async function loadRecentTurnsData(lessonId: Id, count: number): Promise<RecentTurnsData> {
  const db = getDb();
  return db.transaction('r', [db.lessons, db.pupils, db.lessonEvents, db.absences], async () => {
    const out = new Map<Id, PupilRecentTurns>();
    const lesson = await db.lessons.get(lessonId);
    if (!lesson) return out;
    const [lessons, pupils] = await Promise.all([
      classRows(db.lessons, lesson.classId),
      classRows(db.pupils, lesson.classId),
    ]);
    const recent = lessons
      .filter((l) => !l.deletedAt && l.id !== lesson.id && earlier(l, lesson))
      .sort((a, b) => (earlier(a, b) ? 1 : earlier(b, a) ? -1 : 0))
      .slice(0, count);
    const ids = recent.map((l) => l.id);
    const [records, absences] = await Promise.all([
      db.lessonEvents.bulkGet(ids),
      db.absences.where('lessonId').anyOf(ids).toArray(),
    ]);
    const absent = new Set(absences.map((a) => `${a.lessonId}|${a.pupilId}`));
    for (const p of pupils) {
      if (p.removedAt) continue;
      const present = ids.filter((id) => !absent.has(`${id}|${p.id}`)).length;
      out.set(p.id, { turns: 0, lessons: present });
    }
    for (const record of records) {
      if (!record) continue;
      for (const e of eventsOfRecord(record)) {
        const r = out.get(e.pupilId);
        if (r && e.kind === 'turn' && !absent.has(`${e.lessonId}|${e.pupilId}`)) r.turns++;
      }
    }
    return out;
  });
}
