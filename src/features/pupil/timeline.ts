/**
 * Merges everything recorded about one pupil into one dated timeline plus a short summary and a
 * per-lesson series for the sparkline. Pure: no DOM, no database, no clock, no translations —
 * the screen turns the result into words.
 *
 * Which lessons count for the pupil follows the analyses (src/analysis/indexer.ts): a lesson of
 * the class counts unless it was deleted or lies on or after the day the pupil was removed; a
 * logged interaction always means the pupil was there. One addition: a lesson dated before the
 * pupil was put on the class list, and recorded before that too, is not theirs.
 */
import type { PupilTimelineData } from '../../db/repo/pupilPage';
import type {
  AchievementRecord,
  Confidence,
  ExpectationScale,
  Id,
  IsoDate,
  LessonRecord,
  ScoreType,
} from '../../model/types';
import { INTERACTION_KINDS, type InteractionKind } from '../../model/kinds';
import { isValidStep, onClassScale, sameScale, scaleOfRating } from '../../domain/scales';

export type KindCounts = Record<InteractionKind, number>;

export interface LessonEntry {
  type: 'lesson';
  date: IsoDate;
  /** The lesson's id (or, for events whose lesson record is missing, the id they refer to). */
  id: Id;
  startTime: string | null;
  topic: string;
  absent: boolean;
  counts: KindCounts;
  total: number;
}

export interface BankingEntry {
  type: 'banking';
  date: IsoDate;
  id: Id;
  minutes: number;
  note: string;
}

/** How a rating relates to the one before; 'unknown' when either lies outside the current scale. */
export type Movement = 'first' | 'up' | 'down' | 'same' | 'unknown';

export interface ExpectationEntry {
  type: 'expectation';
  date: IsoDate;
  id: Id;
  value: number;
  confidence: Confidence | null;
  /** The scale the rating was made on. */
  scale: ExpectationScale;
  /** Made on the class's current scale (else shown as "on an earlier scale"). */
  current: boolean;
  previous: number | null;
  movement: Movement;
}

export interface AchievementEntry {
  type: 'achievement';
  date: IsoDate;
  id: Id;
  label: string;
  scoreType: ScoreType;
  score: number;
}

export interface RelationshipScores {
  closeness: number;
  conflict: number;
  dependency: number;
}

export interface RelationshipEntry extends RelationshipScores {
  type: 'relationship';
  date: IsoDate;
  id: Id;
  note: string;
  previous: RelationshipScores | null;
  /** The two optional questions (issue 14), when answered. */
  pupilView?: number;
  capability?: number;
}

export type TimelineEntry =
  LessonEntry | BankingEntry | ExpectationEntry | AchievementEntry | RelationshipEntry;

export interface TimelineDay {
  date: IsoDate;
  entries: TimelineEntry[];
}

/** One lesson of the pupil, for the sparkline (oldest first). */
export interface SparkPoint {
  lessonId: Id;
  date: IsoDate;
  total: number;
  absent: boolean;
}

/** The figures at the top of the pupil page (shown by the `PupilSummary` component). */
export interface TimelineSummary {
  lessonsPresent: number;
  lessonsAbsent: number;
  totals: KindCounts;
  totalInteractions: number;
  bankingSessions: number;
  bankingMinutes: number;
  currentExpectation: ExpectationEntry | null;
  latestAchievement: AchievementEntry | null;
  latestRelationship: RelationshipEntry | null;
  /** First and last date on the timeline (null when nothing is recorded). */
  firstDate: IsoDate | null;
  lastDate: IsoDate | null;
}

export interface PupilTimeline {
  /** Newest day first; within a day: lessons by start time, then banking, results, ratings. */
  days: TimelineDay[];
  summary: TimelineSummary;
  series: SparkPoint[];
}

/** The part of PupilTimelineData the merge reads (lenses are not needed). */
export type TimelineSource = Omit<PupilTimelineData, 'lenses'>;

export function emptyCounts(): KindCounts {
  return Object.fromEntries(INTERACTION_KINDS.map((k) => [k, 0])) as KindCounts;
}

const TYPE_ORDER: Record<TimelineEntry['type'], number> = {
  lesson: 0,
  banking: 1,
  achievement: 2,
  expectation: 3,
  relationship: 4,
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Oldest first by date, then by the last change, then by id (a stable order for equal rows). */
function chronological<T extends { date: IsoDate; updatedAt: string; id: Id }>(a: T, b: T) {
  return byText(a.date, b.date) || byText(a.updatedAt, b.updatedAt) || byText(a.id, b.id);
}

/** Keeps the last-changed record of each date (two per date only arise from merged backups). */
function onePerDate<T extends { date: IsoDate; updatedAt: string; id: Id }>(rows: readonly T[]) {
  const perDate = new Map<IsoDate, T>();
  for (const row of [...rows].sort(chronological)) perDate.set(row.date, row);
  return [...perDate.values()];
}

function movement(
  previous: { value: number; scale: ExpectationScale } | null,
  value: number,
  scale: ExpectationScale,
): Movement {
  if (previous === null) return 'first';
  if (!sameScale(previous.scale, scale)) return 'unknown';
  if (!isValidStep(scale, previous.value) || !isValidStep(scale, value)) return 'unknown';
  return value > previous.value ? 'up' : value < previous.value ? 'down' : 'same';
}

/** Whether a lesson without any record of the pupil still counts as one they were in. */
function inClassAt(source: TimelineSource, lesson: LessonRecord): boolean {
  const { pupil } = source;
  if (pupil.removedAt && lesson.date >= pupil.removedAt.slice(0, 10)) return false;
  const notYetListed =
    lesson.date < pupil.createdAt.slice(0, 10) && lesson.createdAt < pupil.createdAt;
  return !notYetListed;
}

function lessonEntries(source: TimelineSource): LessonEntry[] {
  const lessons = new Map(source.lessons.map((l) => [l.id, l]));
  const entries = new Map<Id, LessonEntry & { order: string }>();
  const entryFor = (lessonId: Id, fallbackDate: IsoDate | null) => {
    const existing = entries.get(lessonId);
    if (existing) return existing;
    const lesson = lessons.get(lessonId);
    if (lesson?.deletedAt) return null;
    if (!lesson && fallbackDate === null) return null;
    const entry = {
      type: 'lesson' as const,
      date: lesson?.date ?? fallbackDate ?? '',
      id: lessonId,
      startTime: lesson?.startTime ?? null,
      topic: lesson?.topic ?? '',
      absent: false,
      counts: emptyCounts(),
      total: 0,
      order: lesson ? `${lesson.startTime} ${lesson.createdAt}` : '',
    };
    entries.set(lessonId, entry);
    return entry;
  };

  for (const event of source.events) {
    const entry = entryFor(event.lessonId, event.date);
    if (!entry) continue;
    entry.counts[event.kind] += 1;
    entry.total += 1;
  }
  for (const absence of source.absences) {
    const entry = entryFor(absence.lessonId, null);
    // A logged interaction is evidence the pupil was there, whatever the absence list says.
    if (entry && entry.total === 0) entry.absent = true;
  }
  for (const lesson of source.lessons) {
    if (!lesson.deletedAt && !entries.has(lesson.id) && inClassAt(source, lesson)) {
      entryFor(lesson.id, null);
    }
  }
  return [...entries.values()]
    .sort((a, b) => byText(a.date, b.date) || byText(a.order, b.order) || byText(a.id, b.id))
    .map(({ order: _order, ...entry }) => entry);
}

function expectationEntries(source: TimelineSource): ExpectationEntry[] {
  const classScale = source.cls.expectationScale;
  let previous: { value: number; scale: ExpectationScale } | null = null;
  return onePerDate(source.expectations).map((r) => {
    const scale = scaleOfRating(r, classScale);
    const entry: ExpectationEntry = {
      type: 'expectation',
      date: r.date,
      id: r.id,
      value: r.value,
      confidence: r.confidence,
      scale,
      current: onClassScale(r, classScale),
      previous: previous?.value ?? null,
      movement: movement(previous, r.value, scale),
    };
    previous = { value: r.value, scale };
    return entry;
  });
}

function relationshipEntries(source: TimelineSource): RelationshipEntry[] {
  let previous: RelationshipScores | null = null;
  return onePerDate(source.relationships).map((r) => {
    const scores = { closeness: r.closeness, conflict: r.conflict, dependency: r.dependency };
    const entry: RelationshipEntry = {
      type: 'relationship',
      date: r.date,
      id: r.id,
      ...scores,
      note: r.note,
      previous,
      ...(r.pupilView !== undefined ? { pupilView: r.pupilView } : {}),
      ...(r.capability !== undefined ? { capability: r.capability } : {}),
    };
    previous = scores;
    return entry;
  });
}

function achievementEntry(r: AchievementRecord): AchievementEntry {
  return {
    type: 'achievement',
    date: r.date,
    id: r.id,
    label: r.label,
    scoreType: r.scoreType,
    score: r.score,
  };
}

function summarise(
  lessons: readonly LessonEntry[],
  banking: readonly BankingEntry[],
  expectations: readonly ExpectationEntry[],
  achievements: readonly AchievementEntry[],
  relationships: readonly RelationshipEntry[],
  dates: readonly IsoDate[],
): TimelineSummary {
  const totals = emptyCounts();
  let lessonsAbsent = 0;
  for (const lesson of lessons) {
    if (lesson.absent) lessonsAbsent++;
    for (const kind of INTERACTION_KINDS) totals[kind] += lesson.counts[kind];
  }
  return {
    lessonsPresent: lessons.length - lessonsAbsent,
    lessonsAbsent,
    totals,
    totalInteractions: lessons.reduce((sum, l) => sum + l.total, 0),
    bankingSessions: banking.length,
    bankingMinutes: banking.reduce((sum, b) => sum + b.minutes, 0),
    currentExpectation: expectations.at(-1) ?? null,
    latestAchievement: achievements.at(-1) ?? null,
    latestRelationship: relationships.at(-1) ?? null,
    firstDate: dates[0] ?? null,
    lastDate: dates.at(-1) ?? null,
  };
}

export function buildPupilTimeline(source: TimelineSource): PupilTimeline {
  const lessons = lessonEntries(source);
  const banking: BankingEntry[] = source.banking
    .filter((b) => !b.deletedAt)
    .sort(chronological)
    .map((b) => ({ type: 'banking', date: b.date, id: b.id, minutes: b.minutes, note: b.note }));
  const expectations = expectationEntries(source);
  const achievements = [...source.achievements].sort(chronological).map(achievementEntry);
  const relationships = relationshipEntries(source);

  // Every list is oldest first and a stable sort keeps that order within a date and type.
  const all: TimelineEntry[] = [
    ...lessons,
    ...banking,
    ...achievements,
    ...expectations,
    ...relationships,
  ].sort((a, b) => byText(a.date, b.date) || TYPE_ORDER[a.type] - TYPE_ORDER[b.type]);
  const days: TimelineDay[] = [];
  for (const entry of all) {
    const last = days.at(-1);
    if (last?.date === entry.date) last.entries.push(entry);
    else days.push({ date: entry.date, entries: [entry] });
  }
  const dates = days.map((d) => d.date);
  return {
    days: days.reverse(),
    summary: summarise(lessons, banking, expectations, achievements, relationships, dates),
    series: lessons.map((l) => ({
      lessonId: l.id,
      date: l.date,
      total: l.total,
      absent: l.absent,
    })),
  };
}
