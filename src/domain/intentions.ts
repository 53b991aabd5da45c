/**
 * Intentions (voornemens) followed from the logged data alone: who the intention is about, which
 * lessons count, how many matching interactions each present target pupil received, and whether
 * the intention is on track. Pure: the clock (`today`) and every record come in as data.
 */
import type {
  AbsenceRecord,
  ExpectationRecord,
  ExpectationScale,
  Id,
  IntentionMeasure,
  IntentionRecord,
  IntentionTarget,
  InteractionEvent,
  IsoDate,
  LessonRecord,
  PupilRecord,
} from '../model/types';
import { KIND_INFO, type InteractionKind, type QualifierName } from '../model/kinds';
import { toClockTime, toIsoDate } from './dates';
import { bandOf } from './scales';

export type IntentionQuality = NonNullable<IntentionMeasure['quality']>;
export type ExpectationGroup = Extract<IntentionTarget, { type: 'expectation' }>['group'];

export const INTENTION_QUALITIES: readonly IntentionQuality[] = [
  'higher',
  'specific',
  'volunteered',
  'waitTime',
];

/** The event qualifier each quality reads. */
const QUALIFIER_OF: Readonly<Record<IntentionQuality, QualifierName>> = {
  higher: 'questionLevel',
  specific: 'praiseType',
  volunteered: 'initiative',
  waitTime: 'waitTime',
};

/** The qualities that make sense for a kind (those whose qualifier the kind carries). */
export function qualitiesFor(kind: InteractionKind): IntentionQuality[] {
  const carried = KIND_INFO[kind].qualifiers;
  return INTENTION_QUALITIES.filter((q) => carried.includes(QUALIFIER_OF[q]));
}

/** True when the event counts for the measure: the right kind and, if asked, the quality. */
export function matchesMeasure(ev: InteractionEvent, measure: IntentionMeasure): boolean {
  if (ev.kind !== measure.kind) return false;
  switch (measure.quality) {
    case undefined:
      return true;
    case 'higher':
      return ev.questionLevel === 'higher';
    case 'specific':
      return ev.praiseType === 'specific';
    case 'volunteered':
      return ev.initiative === 'volunteered';
    case 'waitTime':
      return ev.waitTime === true;
  }
}

/** Everything of one class the progress needs. Records of other classes are ignored. */
export interface IntentionData {
  classId: Id;
  expectationScale: ExpectationScale;
  /** Every pupil ever in the class (removed ones too: their history counts). */
  pupils: readonly PupilRecord[];
  lessons: readonly LessonRecord[];
  absences: readonly AbsenceRecord[];
  events: readonly InteractionEvent[];
  expectations: readonly ExpectationRecord[];
  /** The teacher's today (the clock is a parameter). */
  today: IsoDate;
}

export type IntentionPhase = 'upcoming' | 'active' | 'ended' | 'closed';

/** Closed once reflected on; otherwise by the dates (`ended` asks for the closing reflection). */
export function intentionPhase(
  intention: Pick<IntentionRecord, 'from' | 'to' | 'closedAt'>,
  today: IsoDate,
): IntentionPhase {
  if (intention.closedAt) return 'closed';
  if (today < intention.from) return 'upcoming';
  if (today > intention.to) return 'ended';
  return 'active';
}

/** Latest rating per pupil on or before `today` (same date: the one entered later wins). */
function latestRatings(data: IntentionData): Map<Id, ExpectationRecord> {
  const latest = new Map<Id, ExpectationRecord>();
  for (const r of data.expectations) {
    if (r.classId !== data.classId || r.date > data.today) continue;
    const seen = latest.get(r.pupilId);
    if (!seen || r.date > seen.date || (r.date === seen.date && r.createdAt > seen.createdAt)) {
      latest.set(r.pupilId, r);
    }
  }
  return latest;
}

/** The pupils an intention is about, from the class's records (lens values, latest ratings). */
export function targetPupilIds(target: IntentionTarget, data: IntentionData): Set<Id> {
  const pupils = data.pupils.filter((p) => p.classId === data.classId);
  switch (target.type) {
    case 'class':
      return new Set(pupils.map((p) => p.id));
    case 'pupil':
      return new Set(pupils.filter((p) => p.id === target.pupilId).map((p) => p.id));
    case 'lens':
      return new Set(
        pupils.filter((p) => p.lensValues[target.lensId] === target.valueId).map((p) => p.id),
      );
    case 'expectation': {
      const ratings = latestRatings(data);
      return new Set(
        pupils
          .filter((p) => {
            const r = ratings.get(p.id);
            return r !== undefined && bandOf(r.value, data.expectationScale) === target.group;
          })
          .map((p) => p.id),
      );
    }
  }
}

/** How many of the class's pupils fall in each expectation group (for the form's hints). */
export function expectationGroupSizes(data: IntentionData): Record<ExpectationGroup, number> {
  const sizes = { high: 0, middle: 0, low: 0 };
  const current = new Set(
    data.pupils.filter((p) => p.classId === data.classId && !p.removedAt).map((p) => p.id),
  );
  for (const [pupilId, r] of latestRatings(data)) {
    const band = bandOf(r.value, data.expectationScale);
    if (band && current.has(pupilId)) sizes[band] += 1;
  }
  return sizes;
}

/** A lesson's place in time, comparable as a string: `YYYY-MM-DD HH:MM`. */
function lessonMoment(l: Pick<LessonRecord, 'date' | 'startTime'>): string {
  return `${l.date} ${l.startTime}`;
}

/** The moment the intention was made, as `YYYY-MM-DD HH:MM` in the teacher's local time. */
export function madeAt(intention: Pick<IntentionRecord, 'createdAt'>): string {
  const made = new Date(intention.createdAt);
  if (Number.isNaN(made.getTime())) return '';
  return `${toIsoDate(made)} ${toClockTime(made)}`;
}

/**
 * True when a lesson counts for the intention: dated within its period and held after it was
 * made. A lesson held earlier on the day the intention was made (or while it was being made) was
 * not held with it in mind. Within the same minute, the lesson must have been recorded after it.
 */
export function lessonCountsForIntention(
  intention: Pick<IntentionRecord, 'from' | 'to' | 'createdAt'>,
  lesson: Pick<LessonRecord, 'date' | 'startTime' | 'createdAt'>,
): boolean {
  if (lesson.date < intention.from || lesson.date > intention.to) return false;
  const made = madeAt(intention);
  const held = lessonMoment(lesson);
  return held > made || (held === made && lesson.createdAt > intention.createdAt);
}

export function compareLessons(a: LessonRecord, b: LessonRecord): number {
  const ka = `${a.date} ${a.startTime} ${a.id}`;
  const kb = `${b.date} ${b.startTime} ${b.id}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export interface LessonProgress {
  lessonId: Id;
  date: IsoDate;
  startTime: string;
  topic: string;
  /** Target pupils present at the lesson. */
  present: number;
  /** Present target pupils who received at least `perLesson`. */
  reached: number;
  /** Matching interactions, summed over the present target pupils. */
  count: number;
  /** perLesson × present. */
  target: number;
  /** Every present target pupil reached `perLesson`. */
  met: boolean;
}

/**
 * Presence follows the analysis (src/analysis/indexer.ts): a pupil is present unless marked
 * absent or removed before the lesson's date, and a logged interaction always proves presence.
 */
function lessonProgress(
  lesson: LessonRecord,
  targets: ReadonlySet<Id>,
  measure: IntentionMeasure,
  removedOn: ReadonlyMap<Id, IsoDate | null>,
  absent: ReadonlySet<string>,
  events: readonly InteractionEvent[],
): LessonProgress {
  const counts = new Map<Id, number>();
  for (const id of targets) {
    const until = removedOn.get(id) ?? null;
    const there = (until === null || lesson.date < until) && !absent.has(`${lesson.id}|${id}`);
    if (there) counts.set(id, 0);
  }
  for (const ev of events) {
    if (!targets.has(ev.pupilId)) continue;
    const n = counts.get(ev.pupilId) ?? 0;
    counts.set(ev.pupilId, n + (matchesMeasure(ev, measure) ? 1 : 0));
  }
  let reached = 0;
  let count = 0;
  for (const n of counts.values()) {
    count += n;
    if (n >= measure.perLesson) reached += 1;
  }
  const present = counts.size;
  return {
    lessonId: lesson.id,
    date: lesson.date,
    startTime: lesson.startTime,
    topic: lesson.topic,
    present,
    reached,
    count,
    target: measure.perLesson * present,
    met: present > 0 && reached === present,
  };
}

/** The measure summed over a run of lessons. */
export interface PeriodMeasure {
  lessons: number;
  /** Lessons in which every present target pupil reached the target. */
  met: number;
  count: number;
  /** Pupil-lessons: present target pupils summed over the lessons. */
  presences: number;
  /** Matching interactions per present target pupil per lesson; null without presences. */
  rate: number | null;
}

function periodMeasure(lessons: readonly LessonProgress[]): PeriodMeasure {
  const count = lessons.reduce((s, l) => s + l.count, 0);
  const presences = lessons.reduce((s, l) => s + l.present, 0);
  return {
    lessons: lessons.length,
    met: lessons.filter((l) => l.met).length,
    count,
    presences,
    rate: presences > 0 ? count / presences : null,
  };
}

export type IntentionStatus = 'noLessons' | 'onTrack' | 'notYet';

/** On track when the target was met in at least this share of the lessons so far. */
export const ON_TRACK = { met: 2, of: 3 } as const;

export interface IntentionProgress {
  phase: IntentionPhase;
  /** How many pupils the intention is about now. */
  targetPupils: number;
  /** Lessons in the period at which a target pupil was present, oldest first. */
  lessons: LessonProgress[];
  /** Lessons in the period without any target pupil present (not counted). */
  skipped: number;
  met: number;
  status: IntentionStatus;
  /** The same number of counted lessons just before the first that counts (before `from`, or
   * before the intention was made) … */
  before: PeriodMeasure;
  /** … and the counted lessons in the period. */
  during: PeriodMeasure;
}

/** The intention's progress, lesson by lesson, from the logged data alone. */
export function intentionProgress(
  intention: IntentionRecord,
  data: IntentionData,
): IntentionProgress {
  const targets = targetPupilIds(intention.target, data);
  const removedOn = new Map(
    data.pupils.map((p) => [p.id, p.removedAt ? p.removedAt.slice(0, 10) : null] as const),
  );
  const absent = new Set(data.absences.map((a) => `${a.lessonId}|${a.pupilId}`));
  const eventsOf = new Map<Id, InteractionEvent[]>();
  for (const ev of data.events) {
    if (ev.classId !== data.classId) continue;
    const list = eventsOf.get(ev.lessonId);
    if (list) list.push(ev);
    else eventsOf.set(ev.lessonId, [ev]);
  }
  const lessons = data.lessons
    .filter((l) => l.classId === data.classId && !l.deletedAt)
    .sort(compareLessons);
  const progressOf = (l: LessonRecord) =>
    lessonProgress(l, targets, intention.measure, removedOn, absent, eventsOf.get(l.id) ?? []);

  // Only lessons held after the intention was made count; before that nothing is judged.
  const inPeriod = lessons.filter((l) => lessonCountsForIntention(intention, l));
  const all = inPeriod.map(progressOf);
  const counted = all.filter((p) => p.present > 0);
  const beforeAll = lessons
    .filter((l) => l.date <= intention.to && !lessonCountsForIntention(intention, l))
    .map(progressOf)
    .filter((p) => p.present > 0);
  const before = counted.length > 0 ? beforeAll.slice(-counted.length) : [];
  const met = counted.filter((p) => p.met).length;
  const status: IntentionStatus =
    counted.length === 0
      ? 'noLessons'
      : met * ON_TRACK.of >= counted.length * ON_TRACK.met
        ? 'onTrack'
        : 'notYet';
  return {
    phase: intentionPhase(intention, data.today),
    targetPupils: targets.size,
    lessons: counted,
    skipped: all.length - counted.length,
    met,
    status,
    before: periodMeasure(before),
    during: periodMeasure(counted),
  };
}

/**
 * The first date whose events the intentions' progress can depend on; null when none can (no
 * intention has a lesson yet). Lets a loader leave a year of events unread for a few weeks'
 * intentions: `intentionProgress` gives the same answer with only the events from this date on.
 *
 * Per intention: its counted lessons, and the comparison before it — the last lessons with a
 * target pupil present, as many as were counted. An event also proves presence, so presence by
 * attendance alone is a lower bound: going back until as many lessons have a target pupil there
 * by attendance (or to the first lesson) reaches the comparison's first lesson or earlier.
 */
export function eventsNeededFrom(
  intentions: readonly IntentionRecord[],
  data: Omit<IntentionData, 'events'>,
): IsoDate | null {
  const withoutEvents: IntentionData = { ...data, events: [] };
  const removedOn = new Map(
    data.pupils.map((p) => [p.id, p.removedAt ? p.removedAt.slice(0, 10) : null] as const),
  );
  const absent = new Set(data.absences.map((a) => `${a.lessonId}|${a.pupilId}`));
  const lessons = data.lessons
    .filter((l) => l.classId === data.classId && !l.deletedAt)
    .sort(compareLessons);
  const bounds: IsoDate[] = [];
  for (const intention of intentions) {
    const counted = lessons.filter((l) => lessonCountsForIntention(intention, l));
    const first = counted[0];
    if (!first) continue;
    const targets = targetPupilIds(intention.target, withoutEvents);
    const candidates = lessons.filter(
      (l) => l.date <= intention.to && !lessonCountsForIntention(intention, l),
    );
    let bound = first.date;
    let seen = 0;
    for (let i = candidates.length - 1; i >= 0 && seen < counted.length; i--) {
      const l = candidates[i] as LessonRecord;
      bound = l.date < bound ? l.date : bound;
      const there = lessonProgress(l, targets, intention.measure, removedOn, absent, []);
      if (there.present > 0) seen += 1;
    }
    bounds.push(bound);
  }
  return bounds.length === 0 ? null : bounds.reduce((a, b) => (b < a ? b : a));
}

/** One lesson's progress for an intention (the after-lesson minute asks about it). */
export function intentionLessonProgress(
  intention: IntentionRecord,
  lesson: LessonRecord,
  data: IntentionData,
): LessonProgress {
  const targets = targetPupilIds(intention.target, data);
  const removedOn = new Map(
    data.pupils.map((p) => [p.id, p.removedAt ? p.removedAt.slice(0, 10) : null] as const),
  );
  const absent = new Set(data.absences.map((a) => `${a.lessonId}|${a.pupilId}`));
  const events = data.events.filter((e) => e.lessonId === lesson.id);
  return lessonProgress(lesson, targets, intention.measure, removedOn, absent, events);
}
