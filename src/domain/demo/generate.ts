/**
 * A pure, deterministic generator for the demo class: the same seed and day give the same
 * records, byte for byte. No database, no Math.random, no Date.now. What is built in, and why,
 * is documented in docs/demo-data.md.
 */
import type {
  AbsenceRecord,
  AchievementRecord,
  BankingSession,
  ClassRecord,
  ExpectationRecord,
  InteractionEvent,
  LensRecord,
  LessonRecord,
  PupilRecord,
  RelationshipRecord,
} from '../../model/types';
import { toIsoDate } from '../dates';
import {
  ABSENCE_P,
  AFTER_LOGGED_LESSONS,
  demoExpectation,
  LATE_LESSONS,
  LESSON_COUNT,
  OVERLOOKED_TURN_LESSON,
} from './bias';
import { addDaysToDate, atTime, clock, mondayOf, planLessons } from './calendar';
import { lessonEvents } from './events';
import { bankingSessions, ratingMoments, relationshipRatings, tests } from './records';
import { mulberry32 } from '../random';
import { chance, uuidFrom } from './prng';
import {
  DEMO_CLASS_NAME,
  DEMO_CONFLICT,
  DEMO_GRID,
  DEMO_OVERLOOKED,
  DEMO_PUPILS,
  DEMO_YEAR_LABEL,
  LENS_ADVICE,
  LENS_HOME_LANGUAGE,
  type DemoPupilSpec,
} from './roster';

/** The seed the app uses, so every teacher sees the same demo class. */
export const DEMO_SEED = 20_250_901;

export interface DemoOptions {
  seed: number;
  /** The day the demo is loaded; lessons fall on the school days before it. */
  today: Date;
  /** Id factory; by default ids are drawn from the seed too (fully deterministic). */
  makeId?: () => string;
}

export interface DemoClassData {
  class: ClassRecord;
  pupils: PupilRecord[];
  lenses: LensRecord[];
  lessons: LessonRecord[];
  absences: AbsenceRecord[];
  events: InteractionEvent[];
  banking: BankingSession[];
  expectations: ExpectationRecord[];
  achievements: AchievementRecord[];
  relationships: RelationshipRecord[];
}

const iso = (d: Date) => d.toISOString();
const stamps = (d: Date) => ({ createdAt: iso(d), updatedAt: iso(d) });
const isConflict = (name: string) => (DEMO_CONFLICT as readonly string[]).includes(name);

export function generateDemoClass({ seed, today, makeId }: DemoOptions): DemoClassData {
  const rng = mulberry32(seed);
  // Ids come from their own stream, so swapping the id factory leaves the data unchanged.
  const idRng = mulberry32((seed ^ 0x5bd1e995) >>> 0);
  const id = makeId ?? (() => uuidFrom(idRng));

  const plan = planLessons(today, LESSON_COUNT);
  const first = plan[0]!;
  const classCreated = atTime(addDaysToDate(first.day, -3), '19:30');
  const classId = id();

  const cls: ClassRecord = {
    id: classId,
    name: DEMO_CLASS_NAME,
    schoolType: 'primary',
    yearLabel: DEMO_YEAR_LABEL,
    seating: { ...DEMO_GRID },
    hiddenKinds: [],
    archivedAt: null,
    deletedAt: null,
    isDemo: true,
    expectationScale: { kind: 'relative5' },
    ...stamps(classCreated),
  };

  const lensAt = atTime(addDaysToDate(first.day, -3), '19:40');
  const homeLens: LensRecord = {
    id: id(),
    classId,
    name: LENS_HOME_LANGUAGE.name,
    values: [
      { id: id(), label: LENS_HOME_LANGUAGE.values.nl },
      { id: id(), label: LENS_HOME_LANGUAGE.values.other },
    ],
    order: 0,
    deletedAt: null,
    ...stamps(lensAt),
  };
  const adviceLens: LensRecord = {
    id: id(),
    classId,
    name: LENS_ADVICE.name,
    values: LENS_ADVICE.values.map((label) => ({ id: id(), label })),
    order: 1,
    deletedAt: null,
    ...stamps(lensAt),
  };

  const pupilsAt = atTime(addDaysToDate(first.day, -3), '19:35');
  const cast = DEMO_PUPILS.map((spec) => ({ spec, id: id() }));
  const pupils: PupilRecord[] = cast.map(({ spec, id: pupilId }) => ({
    id: pupilId,
    classId,
    name: spec.name,
    seat: { row: spec.row, col: spec.col },
    lensValues: {
      [homeLens.id]: homeLens.values[spec.homeLanguage === 'nl' ? 0 : 1]!.id,
      [adviceLens.id]: adviceLens.values[demoExpectation(spec, 1)]!.id,
    },
    removedAt: null,
    ...stamps(pupilsAt),
  }));

  // Two rating moments: the first lesson day, and the first lesson of week 5.
  const week5 = toIsoDate(addDaysToDate(mondayOf(first.day), 28));
  const moment2Lesson = plan.find((l) => l.date >= week5) ?? plan[16]!;
  const expectations = ratingMoments(rng, cast, classId, first.day, moment2Lesson.day, id);

  const lessons: LessonRecord[] = [];
  const absences: AbsenceRecord[] = [];
  const events: InteractionEvent[] = [];
  const credits = new Map<string, number>();
  plan.forEach((planned, index) => {
    const loggedAfter = AFTER_LOGGED_LESSONS.includes(index);
    const enteredAt = new Date(planned.end.getTime() + 3 * 3_600_000);
    const ended = loggedAfter ? enteredAt : planned.end;
    const lessonId = id();
    lessons.push({
      id: lessonId,
      classId,
      date: planned.date,
      startTime: planned.slot.start,
      endTime: clock(planned.end),
      topic: planned.topic,
      endedAt: iso(ended),
      deletedAt: null,
      createdAt: iso(loggedAfter ? enteredAt : planned.start),
      updatedAt: iso(ended),
    });
    const moment = planned.date >= moment2Lesson.date ? 2 : 1;
    const late = index >= LESSON_COUNT - LATE_LESSONS;
    const present: { id: string; state: ReturnType<typeof stateOf> }[] = [];
    for (const { spec, id: pupilId } of cast) {
      // The overlooked pupil is always there: being overlooked must not be explained by absence.
      if (spec.name !== DEMO_OVERLOOKED && chance(rng, ABSENCE_P)) {
        absences.push({
          id: id(),
          classId,
          lessonId,
          pupilId,
          ...stamps(loggedAfter ? enteredAt : planned.start),
        });
        continue;
      }
      present.push({ id: pupilId, state: stateOf(spec, moment, late) });
    }
    const overlooked = cast.find((c) => c.spec.name === DEMO_OVERLOOKED)!;
    events.push(
      ...lessonEvents(
        rng,
        {
          lesson: planned,
          classId,
          lessonId,
          loggedAfter,
          enteredAt,
          present,
          forcedTurnFor: index === OVERLOOKED_TURN_LESSON ? overlooked.id : null,
          credits,
        },
        id,
      ),
    );
  });

  const achievements = tests(rng, cast, classId, [plan[6]!.day, plan[14]!.day], id);
  const relationships = relationshipRatings(rng, cast, classId, plan[5]!.day, plan.at(-1)!.day, id);
  const banking = bankingSessions(rng, cast, classId, [plan[12]!, plan[16]!, plan[20]!], id);

  return {
    class: cls,
    pupils,
    lenses: [homeLens, adviceLens],
    lessons,
    absences,
    events,
    banking,
    expectations,
    achievements,
    relationships,
  };
}

function stateOf(spec: DemoPupilSpec, moment: 1 | 2, lateLesson: boolean) {
  return {
    step: demoExpectation(spec, moment),
    conflict: isConflict(spec.name),
    overlooked: spec.name === DEMO_OVERLOOKED,
    lateLesson,
  };
}
