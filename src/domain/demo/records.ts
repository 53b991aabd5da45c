/** The per-pupil records of the demo class: expectations, test results, relationships, banking. */
import type {
  AchievementRecord,
  BankingSession,
  Confidence,
  ExpectationRecord,
  RelationshipRecord,
} from '../../model/types';
import { toIsoDate } from '../dates';
import { demoExpectation, isHigh } from './bias';
import { atTime } from './calendar';
import type { Rng } from '../random';
import { chance, intBetween, noise } from './prng';
import {
  BANKING_NOTES,
  DEMO_CONFLICT,
  RELATIONSHIP_NOTES,
  TEST_LABELS,
  type DemoPupilSpec,
} from './roster';

const stamps = (d: Date) => ({ createdAt: d.toISOString(), updatedAt: d.toISOString() });
const round1 = (x: number) => Math.round(x * 10) / 10;
const isConflict = (name: string) => (DEMO_CONFLICT as readonly string[]).includes(name);

export type Cast = readonly { spec: DemoPupilSpec; id: string }[];

export function ratingMoments(
  rng: Rng,
  cast: Cast,
  classId: string,
  day1: Date,
  day2: Date,
  id: () => string,
): ExpectationRecord[] {
  const out: ExpectationRecord[] = [];
  for (const [moment, day] of [
    [1, day1],
    [2, day2],
  ] as const) {
    const at = atTime(day, '16:00');
    cast.forEach(({ spec, id: pupilId }, i) => {
      const value = demoExpectation(spec, moment);
      // Less sure at the start of the year; surest about the extremes later on.
      const confidence: Confidence =
        moment === 1
          ? chance(rng, 0.25)
            ? 'unsure'
            : 'fairly'
          : value === 0 || value === 4
            ? 'very'
            : 'fairly';
      out.push({
        id: id(),
        classId,
        pupilId,
        date: toIsoDate(day),
        value,
        confidence,
        scale: { kind: 'relative5' },
        ...stamps(new Date(at.getTime() + i * 20_000)),
      });
    });
  }
  return out;
}

export function tests(
  rng: Rng,
  cast: Cast,
  classId: string,
  days: readonly Date[],
  id: () => string,
): AchievementRecord[] {
  return days.flatMap((day, t) =>
    cast.map(({ spec, id: pupilId }) => ({
      id: id(),
      classId,
      pupilId,
      label: TEST_LABELS[t] ?? `Toets ${t + 1}`,
      date: toIsoDate(day),
      scoreType: 'grade' as const,
      score: Math.min(10, Math.max(1, round1(spec.level + noise(rng, 0.8)))),
      ...stamps(atTime(day, '17:00')),
    })),
  );
}

export function relationshipRatings(
  rng: Rng,
  cast: Cast,
  classId: string,
  day: Date,
  lastDay: Date,
  id: () => string,
): RelationshipRecord[] {
  const base = (d: Date) => ({ classId, date: toIsoDate(d), ...stamps(atTime(d, '16:30')) });
  const out: RelationshipRecord[] = cast.map(({ spec, id: pupilId }) => {
    const conflictName = isConflict(spec.name)
      ? (spec.name as (typeof DEMO_CONFLICT)[number])
      : null;
    if (conflictName) {
      return {
        id: id(),
        pupilId,
        ...base(day),
        closeness: 2,
        conflict: conflictName === 'Finn' ? 5 : 4,
        dependency: 2,
        note: RELATIONSHIP_NOTES[conflictName][0],
      };
    }
    return {
      id: id(),
      pupilId,
      ...base(day),
      closeness: isHigh(demoExpectation(spec, 1)) ? intBetween(rng, 4, 5) : intBetween(rng, 3, 4),
      conflict: intBetween(rng, 1, 2),
      dependency: intBetween(rng, 1, 3),
      note: '',
    };
  });
  // After a few weeks of banking time the two relationships ease a little.
  for (const name of DEMO_CONFLICT) {
    const pupil = cast.find((c) => c.spec.name === name)!;
    out.push({
      id: id(),
      pupilId: pupil.id,
      ...base(lastDay),
      closeness: 3,
      conflict: name === 'Finn' ? 4 : 3,
      dependency: 2,
      note: RELATIONSHIP_NOTES[name][1],
    });
  }
  return out;
}

export function bankingSessions(
  rng: Rng,
  cast: Cast,
  classId: string,
  lessons: readonly { day: Date }[],
  id: () => string,
): BankingSession[] {
  return DEMO_CONFLICT.flatMap((name) => {
    const pupil = cast.find((c) => c.spec.name === name)!;
    return lessons.map(({ day }, i) => {
      // During the lunch break of a lesson day.
      return {
        id: id(),
        classId,
        pupilId: pupil.id,
        date: toIsoDate(day),
        minutes: intBetween(rng, 10, 15),
        note: BANKING_NOTES[name][i] ?? '',
        deletedAt: null,
        ...stamps(atTime(day, '12:15')),
      };
    });
  });
}
