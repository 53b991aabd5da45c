/**
 * The after-lesson minute: two or three short questions that follow from what was logged in one
 * lesson. Pure; the screen words them (src/i18n/locales/<lang>/reflection.json). The questions are
 * invitations to look again, never verdicts: a lesson is a small sample (RESEARCH.md §4).
 */
import type {
  Id,
  IntentionMeasure,
  IntentionRecord,
  LessonRecord,
  PupilRecord,
} from '../model/types';
import {
  intentionLessonProgress,
  intentionPhase,
  lessonCountsForIntention,
  type IntentionData,
} from './intentions';

export interface LessonPupilSummary {
  id: Id;
  name: string;
  present: boolean;
  turns: number;
  followUps: number;
  praise: number;
  /** On work and on behaviour together. */
  corrections: number;
  /** Turns and follow-up questions marked as higher-order. */
  higherOrder: number;
  /**
   * Turns and follow-up questions with any question level marked (higher or recall). The level is
   * optional and afterwards-logged turns carry none: with nothing marked, "no higher-order
   * question" cannot be told from "not marked", so that question is not asked.
   */
  levelMarked: number;
  /** Every logged interaction of the lesson. */
  total: number;
}

/** An active intention and how this lesson went for it. */
export interface LessonIntentionSummary {
  intentionId: Id;
  /** Set when the intention is about one pupil. */
  pupilId: Id | null;
  pupilName: string | null;
  measure: IntentionMeasure;
  /** Target pupils present at the lesson. */
  present: number;
  reached: number;
  /** Matching interactions, summed over the present target pupils. */
  count: number;
}

export interface ReflectionLessonSummary {
  /** In the order the questions should name them (seating order). */
  pupils: readonly LessonPupilSummary[];
  intentions: readonly LessonIntentionSummary[];
}

interface Base {
  /** Stable key saved with the answer (journal `insightKey`). */
  insightKey: string;
  /** The pupil the question is about, when it is about one. */
  pupilId: Id | null;
}

export type ReflectionQuestion = Base &
  (
    | {
        key: 'intention';
        intentionId: Id;
        name: string | null;
        measure: IntentionMeasure;
        present: number;
        reached: number;
        count: number;
      }
    | { key: 'notAddressedOne'; name: string }
    | { key: 'notAddressedMany'; names: string[]; others: number }
    | { key: 'correctionsPupil'; name: string; corrections: number }
    | { key: 'correctionsOverPraise'; corrections: number; praise: number }
    | { key: 'turnsConcentrated'; names: string[]; turns: number; total: number }
    | { key: 'noHigherOrder'; questions: number }
    | { key: 'wentWell' }
    | { key: 'roomFor' }
  );

export type ReflectionQuestionKey = ReflectionQuestion['key'];

/** Thresholds, so a handful of taps never becomes a question about a pattern. */
export const REFLECTION_THRESHOLDS = {
  /** Interactions logged in the lesson before any data-driven question is asked. */
  minEvents: 5,
  /** A pupil's corrections (with no praise) before the question names them. */
  pupilCorrections: 3,
  /** The class's corrections before more-corrections-than-praise is asked. */
  classCorrections: 3,
  /** Turns logged before their spread is looked at. */
  minTurns: 8,
  /** Present pupils before the spread of turns is looked at. */
  minPresent: 6,
  /** Turns and follow-up questions before the missing higher-order ones are noticed. */
  minQuestions: 5,
  /** Names shown in a list before "and N others". */
  maxNames: 3,
} as const;

export const MAX_QUESTIONS = 3;
export const MIN_QUESTIONS = 2;

const key = (name: string, pupilId: Id | null = null) =>
  pupilId ? `reflect:${name}:${pupilId}` : `reflect:${name}`;

function notAddressed(present: readonly LessonPupilSummary[]): ReflectionQuestion | null {
  const quiet = present.filter((p) => p.total === 0);
  if (quiet.length === 0) return null;
  const [only] = quiet;
  if (quiet.length === 1 && only) {
    return {
      key: 'notAddressedOne',
      insightKey: key('notAddressed', only.id),
      pupilId: only.id,
      name: only.name,
    };
  }
  const shown = quiet.slice(0, REFLECTION_THRESHOLDS.maxNames);
  return {
    key: 'notAddressedMany',
    insightKey: key('notAddressed'),
    pupilId: null,
    names: shown.map((p) => p.name),
    others: quiet.length - shown.length,
  };
}

function corrections(present: readonly LessonPupilSummary[]): ReflectionQuestion | null {
  let pick: LessonPupilSummary | null = null;
  for (const p of present) {
    if (p.praise > 0 || p.corrections < REFLECTION_THRESHOLDS.pupilCorrections) continue;
    if (!pick || p.corrections > pick.corrections) pick = p;
  }
  if (pick) {
    return {
      key: 'correctionsPupil',
      insightKey: key('correctionsPupil', pick.id),
      pupilId: pick.id,
      name: pick.name,
      corrections: pick.corrections,
    };
  }
  const c = present.reduce((s, p) => s + p.corrections, 0);
  const praise = present.reduce((s, p) => s + p.praise, 0);
  if (c < REFLECTION_THRESHOLDS.classCorrections || c <= praise) return null;
  return {
    key: 'correctionsOverPraise',
    insightKey: key('correctionsOverPraise'),
    pupilId: null,
    corrections: c,
    praise,
  };
}

/**
 * The top fifth of the present pupils (at least two) got at least half of the turns, and at
 * least twice their fair share.
 */
function turnsConcentrated(present: readonly LessonPupilSummary[]): ReflectionQuestion | null {
  const total = present.reduce((s, p) => s + p.turns, 0);
  if (total < REFLECTION_THRESHOLDS.minTurns || present.length < REFLECTION_THRESHOLDS.minPresent)
    return null;
  const k = Math.max(2, Math.ceil(present.length / 5));
  // Stable: equal counts keep the seating order.
  const top = present
    .map((p, i) => ({ p, i }))
    .sort((a, b) => b.p.turns - a.p.turns || a.i - b.i)
    .slice(0, k)
    .map((x) => x.p);
  const turns = top.reduce((s, p) => s + p.turns, 0);
  // turns/total ≥ 1/2 and turns/total ≥ 2k/n, in integers.
  if (2 * turns < total || turns * present.length < 2 * k * total) return null;
  return {
    key: 'turnsConcentrated',
    insightKey: key('turnsConcentrated'),
    pupilId: null,
    names: top.filter((p) => p.turns > 0).map((p) => p.name),
    turns,
    total,
  };
}

/**
 * The questions (turns and follow-ups) of a lesson in which no question level was marked, when
 * there are enough of them for the higher-order question: the screen says the level was not
 * marked instead of asking it. Null when a level was marked or there were too few questions.
 */
export function levelNotMarked(summary: ReflectionLessonSummary): number | null {
  const present = summary.pupils.filter((p) => p.present);
  const questions = present.reduce((s, p) => s + p.turns + p.followUps, 0);
  const marked = present.reduce((s, p) => s + p.levelMarked, 0);
  return questions >= REFLECTION_THRESHOLDS.minQuestions && marked === 0 ? questions : null;
}

function noHigherOrder(present: readonly LessonPupilSummary[]): ReflectionQuestion | null {
  const questions = present.reduce((s, p) => s + p.turns + p.followUps, 0);
  const higher = present.reduce((s, p) => s + p.higherOrder, 0);
  const marked = present.reduce((s, p) => s + p.levelMarked, 0);
  if (questions < REFLECTION_THRESHOLDS.minQuestions || higher > 0 || marked === 0) return null;
  return { key: 'noHigherOrder', insightKey: key('noHigherOrder'), pupilId: null, questions };
}

function intention(summary: LessonIntentionSummary): ReflectionQuestion {
  return {
    key: 'intention',
    insightKey: `intention:${summary.intentionId}`,
    pupilId: summary.pupilId,
    intentionId: summary.intentionId,
    name: summary.pupilName,
    measure: summary.measure,
    present: summary.present,
    reached: summary.reached,
    count: summary.count,
  };
}

const FALLBACKS: readonly ReflectionQuestion[] = [
  { key: 'wentWell', insightKey: key('wentWell'), pupilId: null },
  { key: 'roomFor', insightKey: key('roomFor'), pupilId: null },
];

/**
 * Two or three questions for the lesson, most specific first: an intention whose pupils were
 * there, pupils not addressed, corrections, the spread of turns, missing higher-order questions;
 * open questions fill up to two.
 */
export function reflectionQuestions(summary: ReflectionLessonSummary): ReflectionQuestion[] {
  const present = summary.pupils.filter((p) => p.present);
  const events = present.reduce((s, p) => s + p.total, 0);
  const out: ReflectionQuestion[] = [];
  const firstIntention = summary.intentions.find((i) => i.present > 0);
  if (firstIntention) out.push(intention(firstIntention));
  if (events >= REFLECTION_THRESHOLDS.minEvents) {
    for (const rule of [notAddressed, corrections, turnsConcentrated, noHigherOrder]) {
      const q = rule(present);
      if (q) out.push(q);
    }
  }
  for (const f of FALLBACKS) if (out.length < MIN_QUESTIONS) out.push(f);
  return out.slice(0, MAX_QUESTIONS);
}

/**
 * Builds the summary of one lesson from the class's records. `pupils` come in the order the
 * questions should name them; pupils removed before the lesson's date are left out. Intentions
 * count when the lesson falls in their period, was held after they were made, and they are not
 * closed.
 */
export function summariseLesson(
  lesson: LessonRecord,
  pupils: readonly PupilRecord[],
  intentions: readonly IntentionRecord[],
  data: IntentionData,
): ReflectionLessonSummary {
  const events = data.events.filter((e) => e.lessonId === lesson.id);
  const absent = new Set(
    data.absences.filter((a) => a.lessonId === lesson.id).map((a) => a.pupilId),
  );
  const rows = pupils
    .filter((p) => !p.removedAt || lesson.date < p.removedAt.slice(0, 10))
    .map((p): LessonPupilSummary => {
      const own = events.filter((e) => e.pupilId === p.id);
      const of = (...kinds: string[]) => own.filter((e) => kinds.includes(e.kind)).length;
      return {
        id: p.id,
        name: p.name,
        // A logged interaction proves presence, whatever the absence list says.
        present: own.length > 0 || !absent.has(p.id),
        turns: of('turn'),
        followUps: of('followUp'),
        praise: of('praise'),
        corrections: of('correctionWork', 'correctionBehaviour'),
        higherOrder: own.filter(
          (e) => (e.kind === 'turn' || e.kind === 'followUp') && e.questionLevel === 'higher',
        ).length,
        levelMarked: own.filter(
          (e) => (e.kind === 'turn' || e.kind === 'followUp') && e.questionLevel !== undefined,
        ).length,
        total: own.length,
      };
    });
  const names = new Map(pupils.map((p) => [p.id, p.name]));
  const running = intentions.filter(
    (i) =>
      !i.deletedAt &&
      intentionPhase(i, lesson.date) !== 'closed' &&
      lessonCountsForIntention(i, lesson),
  );
  return {
    pupils: rows,
    intentions: running.map((i): LessonIntentionSummary => {
      const p = intentionLessonProgress(i, lesson, data);
      const pupilId = i.target.type === 'pupil' ? i.target.pupilId : null;
      return {
        intentionId: i.id,
        pupilId,
        pupilName: pupilId ? (names.get(pupilId) ?? null) : null,
        measure: i.measure,
        present: p.present,
        reached: p.reached,
        count: p.count,
      };
    }),
  };
}
