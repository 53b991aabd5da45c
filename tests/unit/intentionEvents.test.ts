/**
 * `eventsNeededFrom`: the intentions' progress read with only the events from that date on is
 * the same as with every event (the loader leaves the rest unread). Hand-worked cases, then a
 * property over generated classes.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  eventsNeededFrom,
  intentionProgress,
  type IntentionData,
} from '../../src/domain/intentions';
import type {
  AbsenceRecord,
  IntentionRecord,
  InteractionEvent,
  LessonRecord,
  PupilRecord,
} from '../../src/model/types';

const CLASS = 'c1';
const TS = '2025-03-01T08:00:00.000Z';

const pupil = (id: string, removedAt: string | null = null): PupilRecord => ({
  id,
  classId: CLASS,
  name: id,
  seat: null,
  lensValues: {},
  removedAt,
  createdAt: TS,
  updatedAt: TS,
});

const lesson = (id: string, date: string, startTime = '09:00'): LessonRecord => ({
  id,
  classId: CLASS,
  date,
  startTime,
  endTime: null,
  topic: '',
  endedAt: TS,
  deletedAt: null,
  createdAt: TS,
  updatedAt: TS,
});

const event = (id: string, l: LessonRecord, pupilId: string): InteractionEvent => ({
  id,
  classId: CLASS,
  lessonId: l.id,
  pupilId,
  kind: 'turn',
  date: l.date,
  at: null,
  loggedAfter: true,
  createdAt: TS,
  updatedAt: TS,
});

const absence = (lessonId: string, pupilId: string): AbsenceRecord => ({
  id: `a-${lessonId}-${pupilId}`,
  classId: CLASS,
  lessonId,
  pupilId,
  createdAt: TS,
  updatedAt: TS,
});

/** Made on `made` (08:00 UTC), running from..to, about one pupil or the class. */
const intention = (
  id: string,
  from: string,
  to: string,
  made: string,
  pupilId: string | null = null,
): IntentionRecord => ({
  id,
  classId: CLASS,
  target: pupilId ? { type: 'pupil', pupilId } : { type: 'class' },
  measure: { kind: 'turn', perLesson: 1 },
  from,
  to,
  note: '',
  closingReflection: '',
  closedAt: null,
  deletedAt: null,
  createdAt: `${made}T08:00:00.000Z`,
  updatedAt: `${made}T08:00:00.000Z`,
});

const data = (
  pupils: PupilRecord[],
  lessons: LessonRecord[],
  absences: AbsenceRecord[] = [],
  events: InteractionEvent[] = [],
): IntentionData => ({
  classId: CLASS,
  expectationScale: { kind: 'relative5' },
  pupils,
  lessons,
  absences,
  events,
  expectations: [],
  today: '2025-06-30',
});

describe('eventsNeededFrom, worked by hand', () => {
  const l = [
    lesson('l1', '2025-03-03'),
    lesson('l2', '2025-03-10'),
    lesson('l3', '2025-03-17'),
    lesson('l4', '2025-03-24'),
    lesson('l5', '2025-03-31'),
  ];

  it('needs no events without intentions, or before an intention has a lesson', () => {
    expect(eventsNeededFrom([], data([pupil('p1')], l))).toBeNull();
    // Made on 1 April, after the last lesson.
    const late = intention('i1', '2025-04-01', '2025-04-30', '2025-04-01');
    expect(eventsNeededFrom([late], data([pupil('p1')], l))).toBeNull();
  });

  it('two counted lessons (l4, l5) compare with the two before them: from l2 on', () => {
    const i = intention('i1', '2025-03-20', '2025-04-30', '2025-03-20');
    expect(eventsNeededFrom([i], data([pupil('p1')], l))).toBe('2025-03-10');
  });

  it('a lesson the target missed does not fill the comparison: one further back', () => {
    const i = intention('i1', '2025-03-20', '2025-04-30', '2025-03-20', 'p1');
    const d = data([pupil('p1'), pupil('p2')], l, [absence('l3', 'p1')]);
    expect(eventsNeededFrom([i], d)).toBe('2025-03-03');
  });

  it('several intentions: the earliest date any of them needs', () => {
    const a = intention('a', '2025-03-28', '2025-04-30', '2025-03-28');
    const b = intention('b', '2025-03-20', '2025-04-30', '2025-03-20');
    // a: l5 and one before it (l4); b: from l2 on.
    expect(eventsNeededFrom([a], data([pupil('p1')], l))).toBe('2025-03-24');
    expect(eventsNeededFrom([a, b], data([pupil('p1')], l))).toBe('2025-03-10');
  });
});

const DATES = ['2025-03-03', '2025-03-05', '2025-03-10', '2025-03-12', '2025-03-17', '2025-03-19'];
const PUPILS = ['p1', 'p2', 'p3'];

const classArb = fc.record({
  lessons: fc.array(fc.tuple(fc.nat(DATES.length - 1), fc.constantFrom('08:30', '10:00')), {
    maxLength: 8,
  }),
  absences: fc.array(fc.tuple(fc.nat(7), fc.nat(2)), { maxLength: 10 }),
  events: fc.array(fc.tuple(fc.nat(7), fc.nat(2)), { maxLength: 30 }),
  removed: fc.option(fc.nat(DATES.length - 1)),
  intentions: fc.array(
    fc.record({
      from: fc.nat(DATES.length - 1),
      length: fc.nat(DATES.length - 1),
      made: fc.nat(DATES.length - 1),
      pupil: fc.option(fc.nat(2)),
    }),
    { maxLength: 3 },
  ),
});

describe('eventsNeededFrom, as a property', () => {
  it('progress from the events on that date on equals progress from every event', () => {
    fc.assert(
      fc.property(classArb, (s) => {
        const lessons = s.lessons.map(([d, time], i) => lesson(`l${i}`, DATES[d]!, time));
        const pupils = PUPILS.map((id, i) =>
          pupil(id, i === 0 && s.removed !== null ? `${DATES[s.removed]}T12:00:00.000Z` : null),
        );
        const at = (n: number) => lessons[n % Math.max(1, lessons.length)];
        const absences = lessons.length
          ? s.absences.map(([l, p]) => absence(at(l)!.id, PUPILS[p]!))
          : [];
        const events = lessons.length
          ? s.events.map(([l, p], k) => event(`e${k}`, at(l)!, PUPILS[p]!))
          : [];
        const intentions = s.intentions.map((x, k) => {
          const to = Math.min(DATES.length - 1, x.from + x.length);
          return intention(
            `i${k}`,
            DATES[x.from]!,
            DATES[to]!,
            DATES[x.made]!,
            x.pupil === null ? null : PUPILS[x.pupil]!,
          );
        });
        const full = data(pupils, lessons, absences, events);
        const from = eventsNeededFrom(intentions, full);
        const dateOf = new Map(lessons.map((l) => [l.id, l.date]));
        const kept = events.filter((e) => from !== null && (dateOf.get(e.lessonId) ?? '') >= from);
        const part = data(pupils, lessons, absences, kept);
        for (const i of intentions) {
          expect(intentionProgress(i, part)).toEqual(intentionProgress(i, full));
        }
      }),
      { numRuns: 300 },
    );
  });
});
