/**
 * Turns the stored records into compact arrays, in one pass over the events:
 * - lessons in scope (sorted by date, start time, id) and pupils (sorted by id, so the input
 *   order never changes a result — not even a permutation p-value);
 * - presence per lesson × pupil;
 * - counts per lesson × pupil × metric.
 * Every measure then works on these arrays, never on the events again.
 */
import type { Id, LessonRecord, PupilRecord } from '../model/types';
import { INTERACTION_KINDS } from '../model/kinds';
import { dateOf } from '../domain/dates';
import { countEvent, type Metric, metricsFor, type Slots, slotsFor } from './metrics';
import { CHANCE, DATA } from './thresholds';
import type { AnalysisOptions, ClassData, ResolvedOptions } from './types';

export interface ClassIndex {
  data: ClassData;
  options: ResolvedOptions;
  lessons: readonly LessonRecord[];
  pupils: readonly PupilRecord[];
  nL: number;
  nP: number;
  nM: number;
  metrics: readonly Metric[];
  slots: Slots;
  pupilIdx: ReadonlyMap<Id, number>;
  lessonIdx: ReadonlyMap<Id, number>;
  /** present[l * nP + p] = 1 when pupil p counts as present at lesson l. */
  present: Uint8Array;
  /** absent[l * nP + p] = 1 when an absence record was honoured. */
  absent: Uint8Array;
  /** cells[(l * nP + p) * nM + m] = count of metric m. */
  cells: Float64Array;
  /** Events of the chosen kinds per lesson. */
  lessonEvents: Float64Array;
  /** Of those, the events logged afterwards (from memory, `loggedAfter`) per lesson. */
  lessonAfter: Float64Array;
  /** afterCells[l * nM + m] = of metric m's counts at lesson l, those logged afterwards. */
  afterCells: Float64Array;
  ignoredEvents: number;
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

export function resolveOptions(o: AnalysisOptions): ResolvedOptions {
  return {
    today: o.today,
    from: o.from ?? null,
    to: o.to ?? o.today,
    lessonIds: o.lessonIds ? new Set(o.lessonIds) : null,
    kinds: o.kinds ? INTERACTION_KINDS.filter((k) => o.kinds?.includes(k)) : [...INTERACTION_KINDS],
    seed: o.seed !== undefined && Number.isFinite(o.seed) ? Math.trunc(o.seed) >>> 0 : 1,
    minLessons: positive(o.minLessons, DATA.minLessons),
    minEvents: positive(o.minEvents, DATA.minEvents),
    lastN: Math.max(1, Math.trunc(positive(o.lastN, DATA.lastN))),
    permutations: Math.trunc(positive(o.permutations, DATA.permutations)),
    alpha: positive(o.alpha, CHANCE.alpha),
    q: positive(o.q, CHANCE.q),
    correction: o.correction === 'none' ? 'none' : 'bh',
    fewFraction: positive(o.fewFraction, DATA.fewFraction),
    gapThreshold: positive(o.gapThreshold, DATA.gapThreshold),
    minPupils: Math.max(2, Math.trunc(positive(o.minPupils, DATA.minPupils))),
    minCorrelationPupils: Math.max(
      2,
      Math.trunc(positive(o.minCorrelationPupils, DATA.minCorrelationPupils)),
    ),
    splitDate: o.splitDate ?? null,
  };
}

const byId = (a: { id: Id }, b: { id: Id }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function lessonOrder(a: LessonRecord, b: LessonRecord): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.startTime !== b.startTime) return a.startTime < b.startTime ? -1 : 1;
  return byId(a, b);
}

export function buildIndex(data: ClassData, options: ResolvedOptions): ClassIndex {
  const classId = data.cls.id;
  const { from, to, lessonIds } = options;
  const lessons = data.lessons
    .filter(
      (l) =>
        l.classId === classId &&
        l.deletedAt === null &&
        l.date <= to &&
        (from === null || l.date >= from) &&
        (lessonIds === null || lessonIds.has(l.id)),
    )
    .sort(lessonOrder);
  const candidates = data.pupils.filter((p) => p.classId === classId).sort(byId);
  const nL = lessons.length;
  const nC = candidates.length;
  const metrics = metricsFor(options.kinds);
  const nM = metrics.length;
  const slots = slotsFor(metrics);
  const lessonIdx = new Map(lessons.map((l, i) => [l.id, i]));
  const candIdx = new Map(candidates.map((p, i) => [p.id, i]));

  const absent = new Uint8Array(nL * nC);
  for (const a of data.absences) {
    const l = lessonIdx.get(a.lessonId);
    const p = candIdx.get(a.pupilId);
    if (l !== undefined && p !== undefined) absent[l * nC + p] = 1;
  }
  // Removed pupils count only for lessons dated before the day they were removed.
  const present = new Uint8Array(nL * nC);
  for (let pi = 0; pi < nC; pi++) {
    const removedAt = candidates[pi]?.removedAt ?? null;
    const until = removedAt ? dateOf(removedAt) : null;
    for (let li = 0; li < nL; li++) {
      if ((until === null || (lessons[li]?.date ?? '') < until) && absent[li * nC + pi] === 0) {
        present[li * nC + pi] = 1;
      }
    }
  }

  const cells = new Float64Array(nL * nC * nM);
  const lessonEvents = new Float64Array(nL);
  const lessonAfter = new Float64Array(nL);
  const afterCells = new Float64Array(nL * nM);
  let ignoredEvents = 0;
  // Events usually come grouped by lesson: remember the last lesson looked up.
  let lastLessonId = '';
  let lastL: number | undefined;
  for (const ev of data.events) {
    if (ev.lessonId !== lastLessonId) {
      lastLessonId = ev.lessonId;
      lastL = lessonIdx.get(ev.lessonId);
    }
    const l = lastL;
    const p = candIdx.get(ev.pupilId);
    if (l === undefined || p === undefined) {
      ignoredEvents++;
      continue;
    }
    // A logged interaction is evidence the pupil was there, whatever the absence list says.
    present[l * nC + p] = 1;
    absent[l * nC + p] = 0;
    if (countEvent(cells, (l * nC + p) * nM, ev, slots)) {
      lessonEvents[l] = (lessonEvents[l] ?? 0) + 1;
      if (ev.loggedAfter) {
        lessonAfter[l] = (lessonAfter[l] ?? 0) + 1;
        countEvent(afterCells, l * nM, ev, slots);
      }
    }
  }

  // Keep current pupils (and those removed after `to`) plus anyone present in scope.
  const keep: number[] = [];
  candidates.forEach((p, pi) => {
    const current = p.removedAt === null || dateOf(p.removedAt) > to;
    let seen = false;
    for (let li = 0; li < nL && !seen; li++) seen = present[li * nC + pi] === 1;
    if (current || seen) keep.push(pi);
  });
  const pupils = keep.map((pi) => candidates[pi] as PupilRecord);
  const nP = pupils.length;
  let compactPresent = present;
  let compactAbsent = absent;
  let compactCells = cells;
  if (nP !== nC) {
    compactPresent = new Uint8Array(nL * nP);
    compactAbsent = new Uint8Array(nL * nP);
    compactCells = new Float64Array(nL * nP * nM);
    for (let li = 0; li < nL; li++) {
      for (let k = 0; k < nP; k++) {
        const pi = keep[k] ?? 0;
        compactPresent[li * nP + k] = present[li * nC + pi] ?? 0;
        compactAbsent[li * nP + k] = absent[li * nC + pi] ?? 0;
        const src = (li * nC + pi) * nM;
        const dst = (li * nP + k) * nM;
        for (let m = 0; m < nM; m++) compactCells[dst + m] = cells[src + m] ?? 0;
      }
    }
  }
  return {
    data,
    options,
    lessons,
    pupils,
    nL,
    nP,
    nM,
    metrics,
    slots,
    pupilIdx: new Map(pupils.map((p, i) => [p.id, i])),
    lessonIdx,
    present: compactPresent,
    absent: compactAbsent,
    cells: compactCells,
    lessonEvents,
    lessonAfter,
    afterCells,
    ignoredEvents,
  };
}

/** Per-pupil sums over a subset of lessons. */
export interface Aggregate {
  lessonIdxs: readonly number[];
  lessons: number;
  events: number;
  /** Of `events`, those logged afterwards. */
  loggedAfter: number;
  /** afterTotals[m]: of totals[m], the counts logged afterwards. */
  afterTotals: Float64Array;
  /** Presences per pupil. */
  presences: Float64Array;
  totalPresences: number;
  /** counts[p * nM + m]. */
  counts: Float64Array;
  /** totals[m]. */
  totals: Float64Array;
  /** Pupils present at least once. */
  pupilsPresent: number;
}

export function aggregate(index: ClassIndex, lessonIdxs?: readonly number[]): Aggregate {
  const { nP, nM, present, cells } = index;
  const idxs = lessonIdxs ?? Array.from({ length: index.nL }, (_, i) => i);
  const presences = new Float64Array(nP);
  const counts = new Float64Array(nP * nM);
  let events = 0;
  let loggedAfter = 0;
  const afterTotals = new Float64Array(nM);
  for (const l of idxs) {
    events += index.lessonEvents[l] ?? 0;
    loggedAfter += index.lessonAfter[l] ?? 0;
    for (let m = 0; m < nM; m++)
      afterTotals[m] = (afterTotals[m] ?? 0) + (index.afterCells[l * nM + m] ?? 0);
    for (let p = 0; p < nP; p++) {
      presences[p] = (presences[p] ?? 0) + (present[l * nP + p] ?? 0);
      const src = (l * nP + p) * nM;
      for (let m = 0; m < nM; m++)
        counts[p * nM + m] = (counts[p * nM + m] ?? 0) + (cells[src + m] ?? 0);
    }
  }
  const totals = new Float64Array(nM);
  let totalPresences = 0;
  let pupilsPresent = 0;
  for (let p = 0; p < nP; p++) {
    totalPresences += presences[p] ?? 0;
    if ((presences[p] ?? 0) > 0) pupilsPresent++;
    for (let m = 0; m < nM; m++) totals[m] = (totals[m] ?? 0) + (counts[p * nM + m] ?? 0);
  }
  return {
    lessonIdxs: idxs,
    lessons: idxs.length,
    events,
    loggedAfter,
    afterTotals,
    presences,
    totalPresences,
    counts,
    totals,
    pupilsPresent,
  };
}
