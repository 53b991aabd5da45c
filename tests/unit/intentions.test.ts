/**
 * Intentions followed from the logged data: an intention set on day 1 (Mon 3 March 2025) and
 * lessons on the days around it. Every expected value is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type {
  AbsenceRecord,
  ExpectationRecord,
  IntentionMeasure,
  IntentionRecord,
  IntentionTarget,
  InteractionEvent,
  LessonRecord,
  PupilRecord,
} from '../../src/model/types';
import {
  expectationGroupSizes,
  intentionPhase,
  intentionProgress,
  lessonCountsForIntention,
  madeAt,
  matchesMeasure,
  qualitiesFor,
  targetPupilIds,
  type IntentionData,
} from '../../src/domain/intentions';
import type { InteractionKind } from '../../src/model/kinds';

const CLASS = 'c1';
const TS = '2025-03-03T08:00:00.000Z';

function pupil(id: string, extra: Partial<PupilRecord> = {}): PupilRecord {
  return {
    id,
    classId: CLASS,
    name: id,
    seat: null,
    lensValues: {},
    removedAt: null,
    createdAt: TS,
    updatedAt: TS,
    ...extra,
  };
}

function lesson(id: string, date: string): LessonRecord {
  return {
    id,
    classId: CLASS,
    date,
    startTime: '09:00',
    endTime: null,
    topic: `topic ${id}`,
    endedAt: TS,
    deletedAt: null,
    createdAt: TS,
    updatedAt: TS,
  };
}

let seq = 0;
/** `n` events of one kind for a pupil in a lesson. */
function ev(
  lessonId: string,
  pupilId: string,
  kind: InteractionKind,
  n = 1,
  q: Partial<InteractionEvent> = {},
): InteractionEvent[] {
  return Array.from({ length: n }, () => ({
    id: `e${++seq}`,
    classId: CLASS,
    lessonId,
    pupilId,
    kind,
    date: '2025-03-03',
    at: null,
    loggedAfter: true,
    createdAt: TS,
    updatedAt: TS,
    ...q,
  }));
}

function absent(lessonId: string, pupilId: string): AbsenceRecord {
  return {
    id: `a-${lessonId}-${pupilId}`,
    classId: CLASS,
    lessonId,
    pupilId,
    createdAt: TS,
    updatedAt: TS,
  };
}

function rating(pupilId: string, date: string, value: number, createdAt = TS): ExpectationRecord {
  return {
    id: `r-${pupilId}-${date}-${value}`,
    classId: CLASS,
    pupilId,
    date,
    value,
    confidence: null,
    createdAt,
    updatedAt: createdAt,
  };
}

function intention(
  target: IntentionTarget,
  measure: IntentionMeasure,
  from = '2025-03-03',
  to = '2025-03-12',
): IntentionRecord {
  return {
    id: 'i1',
    classId: CLASS,
    target,
    measure,
    from,
    to,
    note: '',
    closingReflection: '',
    closedAt: null,
    deletedAt: null,
    createdAt: TS,
    updatedAt: TS,
  };
}

const PUPILS = [pupil('sem'), pupil('noor'), pupil('ayoub')];

/**
 * Day 1 = Mon 3 March (the intention is set), period 3–12 March. Lessons:
 *  before: 24 Feb (Sem 1 follow-up), 27 Feb (Sem 2 turns, 0 follow-ups), 28 Feb (Sem absent)
 *  day 2  (4 Mar): Sem 2 follow-ups                         → 2 ≥ 2 met
 *  day 3  (5 Mar): Sem 1 follow-up, 1 turn                   → 1 < 2 not met
 *  day 5  (7 Mar): Sem absent; Noor 3 follow-ups             → not counted (skipped)
 *  day 8 (10 Mar): Sem 3 follow-ups                          → met
 *  day 10 (12 Mar): Sem 2 follow-ups, one of them higher     → met
 *  day 12 (14 Mar): outside the period, Sem 0                → ignored
 *  a deleted lesson on day 4 (6 Mar) with Sem 0              → ignored
 */
function semData(today: string): IntentionData {
  const deleted = { ...lesson('del', '2025-03-06'), deletedAt: TS };
  return {
    classId: CLASS,
    expectationScale: { kind: 'relative5' },
    pupils: PUPILS,
    lessons: [
      lesson('b1', '2025-02-24'),
      lesson('b2', '2025-02-27'),
      lesson('b3', '2025-02-28'),
      lesson('d2', '2025-03-04'),
      lesson('d3', '2025-03-05'),
      lesson('d5', '2025-03-07'),
      deleted,
      lesson('d8', '2025-03-10'),
      lesson('d10', '2025-03-12'),
      lesson('d12', '2025-03-14'),
    ],
    absences: [absent('b3', 'sem'), absent('d5', 'sem')],
    events: [
      ...ev('b1', 'sem', 'followUp'),
      ...ev('b2', 'sem', 'turn', 2),
      ...ev('d2', 'sem', 'followUp', 2),
      ...ev('d3', 'sem', 'followUp'),
      ...ev('d3', 'sem', 'turn'),
      ...ev('d5', 'noor', 'followUp', 3),
      ...ev('d8', 'sem', 'followUp', 3),
      ...ev('d10', 'sem', 'followUp', 1),
      ...ev('d10', 'sem', 'followUp', 1, { questionLevel: 'higher' }),
      ...ev('d12', 'noor', 'turn'),
    ],
    expectations: [],
    today,
  };
}

const SEM_FOLLOW_UPS = intention(
  { type: 'pupil', pupilId: 'sem' },
  { kind: 'followUp', perLesson: 2 },
);

describe('intentionProgress: at least two follow-up questions per lesson for Sem', () => {
  const p = intentionProgress(SEM_FOLLOW_UPS, semData('2025-03-12'));

  it('counts only the lessons in the period where Sem was present', () => {
    expect(p.lessons.map((l) => l.lessonId)).toEqual(['d2', 'd3', 'd8', 'd10']);
    // d5: Sem absent.
    expect(p.skipped).toBe(1);
    expect(p.targetPupils).toBe(1);
  });

  it('gives achieved vs target and met per lesson', () => {
    expect(p.lessons.map((l) => [l.count, l.target, l.met])).toEqual([
      [2, 2, true],
      [1, 2, false],
      [3, 2, true],
      // The higher-order follow-up counts too: no quality asked.
      [2, 2, true],
    ]);
  });

  it('is on track: met in 3 of 4 lessons (3/4 ≥ 2/3)', () => {
    expect(p.met).toBe(3);
    expect(p.status).toBe('onTrack');
    expect(p.phase).toBe('active');
  });

  it('compares with the same number of lessons before the start', () => {
    // During: 2+1+3+2 = 8 follow-ups over 4 lessons → 2 per lesson.
    expect(p.during).toEqual({ lessons: 4, met: 3, count: 8, presences: 4, rate: 2 });
    // Before: at most 4 lessons with Sem present; only b1 (1) and b2 (0) — b3 Sem absent.
    expect(p.before).toEqual({ lessons: 2, met: 0, count: 1, presences: 2, rate: 0.5 });
  });

  it('is not on track at 1 of 2 lessons met (1/2 < 2/3)', () => {
    const early = semData('2025-03-05');
    const shortened = { ...SEM_FOLLOW_UPS, to: '2025-03-05' };
    const q = intentionProgress(shortened, early);
    expect(q.lessons.map((l) => l.lessonId)).toEqual(['d2', 'd3']);
    expect(q.met).toBe(1);
    expect(q.status).toBe('notYet');
    // Two lessons before: b1 and b2.
    expect(q.before.lessons).toBe(2);
  });

  it('has no lessons yet right after it is set', () => {
    const later = { ...SEM_FOLLOW_UPS, from: '2025-03-15', to: '2025-03-20' };
    const q = intentionProgress(later, semData('2025-03-15'));
    expect(q.status).toBe('noLessons');
    expect(q.lessons).toEqual([]);
    // Nothing to compare with yet.
    expect(q.before.lessons).toBe(0);
    expect(q.during.rate).toBeNull();
  });

  it('counts a pupil marked absent who still got an interaction as present', () => {
    const data = semData('2025-03-12');
    const withEvent = { ...data, events: [...data.events, ...ev('d5', 'sem', 'followUp', 2)] };
    const q = intentionProgress(SEM_FOLLOW_UPS, withEvent);
    expect(q.lessons.map((l) => l.lessonId)).toEqual(['d2', 'd3', 'd5', 'd8', 'd10']);
    // 4 of 5 met.
    expect(q.met).toBe(4);
  });
});

describe('intentionProgress with a quality filter', () => {
  // At least one higher-order turn per lesson for Noor.
  const higher = intention(
    { type: 'pupil', pupilId: 'noor' },
    { kind: 'turn', quality: 'higher', perLesson: 1 },
  );
  const data: IntentionData = {
    ...semData('2025-03-12'),
    lessons: [lesson('d2', '2025-03-04'), lesson('d3', '2025-03-05')],
    absences: [],
    events: [
      // d2: two recall turns → 0 higher-order turns.
      ...ev('d2', 'noor', 'turn', 1, { questionLevel: 'recall' }),
      ...ev('d2', 'noor', 'turn', 1),
      // A higher-order follow-up is not a turn.
      ...ev('d2', 'noor', 'followUp', 1, { questionLevel: 'higher' }),
      // d3: one higher-order turn → met.
      ...ev('d3', 'noor', 'turn', 1, { questionLevel: 'higher' }),
    ],
  };

  it('counts only the events of the quality', () => {
    const p = intentionProgress(higher, data);
    expect(p.lessons.map((l) => [l.lessonId, l.count, l.met])).toEqual([
      ['d2', 0, false],
      ['d3', 1, true],
    ]);
    // 1 of 2 → not yet on track.
    expect(p.status).toBe('notYet');
  });

  it('matches each quality to its qualifier', () => {
    const [turn] = ev('x', 'noor', 'turn', 1, { initiative: 'volunteered', waitTime: true });
    const [praise] = ev('x', 'noor', 'praise', 1, { praiseType: 'specific' });
    expect(matchesMeasure(turn!, { kind: 'turn', quality: 'volunteered', perLesson: 1 })).toBe(
      true,
    );
    expect(matchesMeasure(turn!, { kind: 'turn', quality: 'waitTime', perLesson: 1 })).toBe(true);
    expect(matchesMeasure(turn!, { kind: 'turn', quality: 'higher', perLesson: 1 })).toBe(false);
    expect(matchesMeasure(praise!, { kind: 'praise', quality: 'specific', perLesson: 1 })).toBe(
      true,
    );
    expect(matchesMeasure(praise!, { kind: 'turn', perLesson: 1 })).toBe(false);
  });

  it.each([
    ['turn', ['higher', 'volunteered', 'waitTime']],
    ['followUp', ['higher']],
    ['praise', ['specific']],
    ['help', []],
    ['personal', []],
  ] as const)('offers the qualities of %s', (kind, expected) => {
    expect(qualitiesFor(kind)).toEqual(expected);
  });
});

describe('groups as targets', () => {
  const base: IntentionData = {
    ...semData('2025-03-12'),
    pupils: [
      pupil('sem', { lensValues: { lens: 'a' } }),
      pupil('noor', { lensValues: { lens: 'b' } }),
      pupil('ayoub', { lensValues: { lens: 'a' } }),
      // Removed on 6 March: counts for lessons before that day only.
      pupil('gijs', { removedAt: '2025-03-06T12:00:00.000Z' }),
    ],
    lessons: [lesson('d2', '2025-03-04'), lesson('d8', '2025-03-10')],
    absences: [],
    events: [
      ...ev('d2', 'sem', 'praise'),
      ...ev('d2', 'ayoub', 'praise'),
      ...ev('d2', 'gijs', 'praise'),
      ...ev('d8', 'noor', 'praise'),
      ...ev('d8', 'ayoub', 'praise'),
    ],
    expectations: [
      rating('sem', '2025-02-01', 2), // middle
      rating('ayoub', '2025-02-01', 1), // low
      rating('noor', '2025-02-01', 4), // high …
      rating('noor', '2025-03-01', 0), // … but the latest rating is low
      rating('gijs', '2025-02-01', 3, '2025-02-01T08:00:00.000Z'), // high …
      rating('gijs', '2025-02-01', 1, '2025-02-01T09:00:00.000Z'), // … re-entered the same day: low
      rating('sem', '2025-04-01', 0), // after today: not yet in force
    ],
  };
  const praise = { kind: 'praise', perLesson: 1 } as const;

  it('resolves lens values, expectation bands and the class', () => {
    const ids = (t: IntentionTarget) => [...targetPupilIds(t, base)].sort();
    expect(ids({ type: 'lens', lensId: 'lens', valueId: 'a' })).toEqual(['ayoub', 'sem']);
    expect(ids({ type: 'expectation', group: 'low' })).toEqual(['ayoub', 'gijs', 'noor']);
    expect(ids({ type: 'expectation', group: 'middle' })).toEqual(['sem']);
    expect(ids({ type: 'expectation', group: 'high' })).toEqual([]);
    expect(ids({ type: 'class' })).toEqual(['ayoub', 'gijs', 'noor', 'sem']);
    // Current pupils only: Gijs was removed.
    expect(expectationGroupSizes(base)).toEqual({ high: 0, middle: 1, low: 2 });
  });

  it('is met only when every present target pupil reached the target', () => {
    const p = intentionProgress(intention({ type: 'class' }, praise), base);
    // d2: Sem, Noor, Ayoub, Gijs present (Gijs removed later) → 3 of 4 reached, 3 praise.
    // d8: Gijs removed before → Sem, Noor, Ayoub present, 2 of 3 reached.
    expect(p.lessons.map((l) => [l.present, l.reached, l.count, l.target, l.met])).toEqual([
      [4, 3, 3, 4, false],
      [3, 2, 2, 3, false],
    ]);
    expect(p.status).toBe('notYet');
  });

  it('follows a lens group', () => {
    const p = intentionProgress(
      intention({ type: 'lens', lensId: 'lens', valueId: 'a' }, praise),
      base,
    );
    // d2: Sem 1, Ayoub 1 → met. d8: Sem 0, Ayoub 1 → not met. 1 of 2 → not yet.
    expect(p.lessons.map((l) => [l.reached, l.present, l.met])).toEqual([
      [2, 2, true],
      [1, 2, false],
    ]);
    expect(p.during).toEqual({ lessons: 2, met: 1, count: 3, presences: 4, rate: 0.75 });
  });

  it('follows an expectation group', () => {
    const p = intentionProgress(intention({ type: 'expectation', group: 'low' }, praise), base);
    // Low: Ayoub, Noor, Gijs. d2: all three present, Ayoub 1 + Gijs 1 → 2 of 3.
    // d8: Gijs gone; Noor 1, Ayoub 1 → 2 of 2 met.
    expect(p.lessons.map((l) => [l.reached, l.present, l.met])).toEqual([
      [2, 3, false],
      [2, 2, true],
    ]);
  });
});

describe('intentionPhase', () => {
  const i = { from: '2025-03-03', to: '2025-03-12', closedAt: null };
  it.each([
    ['2025-03-02', 'upcoming'],
    ['2025-03-03', 'active'],
    ['2025-03-12', 'active'],
    ['2025-03-13', 'ended'],
  ] as const)('on %s it is %s', (today, phase) => {
    expect(intentionPhase(i, today)).toBe(phase);
  });
  it('is closed once reflected on, whatever the date', () => {
    expect(intentionPhase({ ...i, closedAt: TS }, '2025-03-05')).toBe('closed');
  });
});

/** A local moment on 3 March 2025 as an ISO instant (the app stores createdAt in UTC). */
function localIso(hh: number, mm: number, ss = 0): string {
  return new Date(2025, 2, 3, hh, mm, ss).toISOString();
}

describe('lessons count only when held after the intention was made', () => {
  // The intention is made on 3 March at 10:15 local time, period 3–12 March.
  const made = { ...SEM_FOLLOW_UPS, createdAt: localIso(10, 15, 30) };
  const at = (date: string, startTime: string, createdAt = TS) => ({ date, startTime, createdAt });

  it('reads the moment it was made in local time', () => {
    expect(madeAt(made)).toBe('2025-03-03 10:15');
    expect(madeAt({ createdAt: 'not a date' })).toBe('');
  });

  it.each([
    ['a lesson earlier that day', at('2025-03-03', '08:30'), false],
    ['a lesson that started before it and was still going', at('2025-03-03', '10:00'), false],
    ['a lesson later that day', at('2025-03-03', '13:00'), true],
    // Same minute: recorded before the intention (already running) or after it (just started).
    [
      'a lesson that minute, recorded before it',
      at('2025-03-03', '10:15', localIso(10, 15, 5)),
      false,
    ],
    [
      'a lesson that minute, recorded after it',
      at('2025-03-03', '10:15', localIso(10, 15, 50)),
      true,
    ],
    ['a lesson the next day', at('2025-03-04', '08:00'), true],
    ['a lesson after the end date', at('2025-03-13', '09:00'), false],
    ['a lesson before the start date', at('2025-03-02', '23:00'), false],
  ])('%s → %s', (_label, l, counts) => {
    expect(lessonCountsForIntention(made, l)).toBe(counts);
  });

  it('counts from the start date when that is later than the moment it was made', () => {
    const later = { ...made, from: '2025-03-05' };
    expect(lessonCountsForIntention(later, at('2025-03-04', '13:00'))).toBe(false);
    expect(lessonCountsForIntention(later, at('2025-03-05', '00:00'))).toBe(true);
  });

  it('says nothing about being on track before the first lesson that counts', () => {
    // Sem got nothing in a lesson at 09:00 that day; the intention is made at 10:15.
    const data: IntentionData = {
      ...semData('2025-03-03'),
      lessons: [lesson('early', '2025-03-03')],
      absences: [],
      events: [],
    };
    const p = intentionProgress(made, data);
    expect(p.status).toBe('noLessons');
    expect(p.lessons).toEqual([]);
    expect(p.skipped).toBe(0);
    // The earlier lesson is the 'before' side once a lesson counts.
    const later = { ...lesson('later', '2025-03-03'), startTime: '13:00' };
    const p2 = intentionProgress(made, {
      ...data,
      lessons: [lesson('early', '2025-03-03'), later],
      events: ev('later', 'sem', 'followUp', 2),
    });
    expect(p2.lessons.map((l) => l.lessonId)).toEqual(['later']);
    expect(p2.status).toBe('onTrack');
    expect(p2.before).toEqual({ lessons: 1, met: 0, count: 0, presences: 1, rate: 0 });
  });
});
