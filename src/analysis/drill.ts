/**
 * Drill-down rows: the lessons and pupils behind a figure of the insights screen, counted straight
 * from the events (one pass; a school year is ~25,000 events, a few milliseconds). They run where
 * the events are, in the analysis worker, so the screen never holds a year of events.
 */
import { countsTowards, type Metric } from './metrics';
import type { Id, LessonRecord } from '../model/types';
import type { ClassData } from '../model/classData';

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
export function pupilLessonRows(
  data: Pick<ClassData, 'lessons' | 'events' | 'absences'>,
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
      if (countsTowards(ev, m)) row.counts[i] = (row.counts[i] ?? 0) + 1;
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
export function lessonMetricRows(
  data: Pick<ClassData, 'lessons' | 'events' | 'absences'>,
  lessonIds: readonly Id[],
  metric: Metric,
  names: ReadonlyMap<Id, string> = new Map(),
): LessonRow[] {
  const scope = new Set(lessonIds);
  const perLesson = new Map<Id, Map<Id, number>>();
  for (const ev of data.events) {
    if (!scope.has(ev.lessonId) || !countsTowards(ev, metric)) continue;
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

/** A drill-down the screen asks the worker for: the rows of one pupil or of some lessons. */
export type DrillQuery =
  | { type: 'pupil'; pupilId: Id; metrics: readonly Metric[]; lessonIds: readonly Id[] }
  | { type: 'lessons'; lessonIds: readonly Id[]; metric: Metric };

export type DrillRows =
  { type: 'pupil'; rows: PupilLessonRow[] } | { type: 'lessons'; rows: LessonRow[] };

/** The rows for a query (pupils of a lesson row with equal counts in name order). */
export function drillRows(
  data: Pick<ClassData, 'lessons' | 'events' | 'absences' | 'pupils'>,
  query: DrillQuery,
): DrillRows {
  if (query.type === 'pupil') {
    return {
      type: 'pupil',
      rows: pupilLessonRows(data, query.lessonIds, query.pupilId, query.metrics),
    };
  }
  const names = new Map(data.pupils.map((p) => [p.id, p.name]));
  return { type: 'lessons', rows: lessonMetricRows(data, query.lessonIds, query.metric, names) };
}
