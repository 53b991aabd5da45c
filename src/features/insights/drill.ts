/**
 * Drill-down: the lessons and pupils behind a figure, counted straight from the events the
 * screen already holds (one pass; a school year is ~25,000 events, a few milliseconds).
 */
import { countsTowards, type ClassData, type Metric } from '../../analysis';
import type { Id, LessonRecord } from '../../model/types';

/** What a tap on a figure opens. */
export type Drill =
  | { type: 'pupil'; pupilId: Id; metrics: Metric[] }
  | { type: 'group'; title: string; pupilIds: Id[]; metric: Metric }
  | { type: 'lessons'; title: string; lessonIds: Id[]; metric: Metric };

/** Does this event count towards the metric? The analysis's counting rule (metrics.ts). */
export const matchesMetric = countsTowards;

export interface PupilLessonRow {
  lesson: LessonRecord;
  /** False when an absence was recorded and nothing was logged for the pupil. */
  present: boolean;
  /** One count per metric asked for, in order. */
  counts: number[];
}

const lessonOrder = (a: LessonRecord, b: LessonRecord) =>
  a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.startTime < b.startTime ? -1 : 1;

/** The lessons in scope (oldest first) with the pupil's count of each metric. */
export function pupilLessonCounts(
  data: ClassData,
  lessonIds: readonly Id[],
  pupilId: Id,
  metrics: readonly Metric[],
): PupilLessonRow[] {
  const scope = new Set(lessonIds);
  const rows = new Map<Id, PupilLessonRow>();
  for (const lesson of data.lessons) {
    if (scope.has(lesson.id)) {
      rows.set(lesson.id, { lesson, present: true, counts: metrics.map(() => 0) });
    }
  }
  const logged = new Set<Id>();
  for (const ev of data.events) {
    if (ev.pupilId !== pupilId) continue;
    const row = rows.get(ev.lessonId);
    if (!row) continue;
    logged.add(ev.lessonId);
    metrics.forEach((m, i) => {
      if (matchesMetric(ev, m)) row.counts[i] = (row.counts[i] ?? 0) + 1;
    });
  }
  for (const a of data.absences) {
    const row = a.pupilId === pupilId ? rows.get(a.lessonId) : undefined;
    if (row && !logged.has(a.lessonId)) row.present = false;
  }
  return [...rows.values()].sort((a, b) => lessonOrder(a.lesson, b.lesson));
}

export interface LessonRow {
  lesson: LessonRecord;
  total: number;
  /** Pupils who got the metric in this lesson, most first (ties by name). */
  pupils: { pupilId: Id; count: number }[];
}

/** Lessons (oldest first) with the metric's total and who got it. */
export function lessonCounts(
  data: ClassData,
  lessonIds: readonly Id[],
  metric: Metric,
  names: ReadonlyMap<Id, string> = new Map(),
): LessonRow[] {
  const scope = new Set(lessonIds);
  const perLesson = new Map<Id, Map<Id, number>>();
  for (const ev of data.events) {
    if (!scope.has(ev.lessonId) || !matchesMetric(ev, metric)) continue;
    const m = perLesson.get(ev.lessonId) ?? new Map<Id, number>();
    m.set(ev.pupilId, (m.get(ev.pupilId) ?? 0) + 1);
    perLesson.set(ev.lessonId, m);
  }
  return data.lessons
    .filter((l) => scope.has(l.id))
    .sort(lessonOrder)
    .map((lesson) => {
      const m = perLesson.get(lesson.id) ?? new Map<Id, number>();
      const pupils = [...m.entries()]
        .map(([pupilId, count]) => ({ pupilId, count }))
        .sort(
          (a, b) =>
            b.count - a.count ||
            (names.get(a.pupilId) ?? '').localeCompare(names.get(b.pupilId) ?? ''),
        );
      return { lesson, total: pupils.reduce((s, p) => s + p.count, 0), pupils };
    });
}
