/**
 * The after-lesson minute's questions follow from what was logged. Each row is a lesson summary
 * and the keys (and the named pupils) expected, worked out by hand from the thresholds.
 */
import { describe, expect, it } from 'vitest';
import type { IntentionRecord, LessonRecord, PupilRecord } from '../../src/model/types';
import type { IntentionData } from '../../src/domain/intentions';
import {
  levelNotMarked,
  reflectionQuestions,
  summariseLesson,
  type LessonIntentionSummary,
  type LessonPupilSummary,
  type ReflectionQuestion,
} from '../../src/domain/reflectionQuestions';

function p(name: string, counts: Partial<LessonPupilSummary> = {}): LessonPupilSummary {
  const base = {
    turns: 0,
    followUps: 0,
    praise: 0,
    corrections: 0,
    higherOrder: 0,
    levelMarked: 0,
  };
  const merged = { ...base, ...counts };
  return {
    id: name.toLowerCase(),
    name,
    present: true,
    total: merged.turns + merged.followUps + merged.praise + merged.corrections,
    ...merged,
  };
}

/** Six pupils, one turn each, one of them higher-order: nothing stands out. */
const EVEN = ['Sem', 'Noor', 'Ayoub', 'Daan', 'Emma', 'Fenna'].map((n, i) =>
  p(n, { turns: 1, higherOrder: i === 0 ? 1 : 0 }),
);

const semIntention: LessonIntentionSummary = {
  intentionId: 'i1',
  pupilId: 'sem',
  pupilName: 'Sem',
  measure: { kind: 'followUp', perLesson: 2 },
  present: 1,
  reached: 0,
  count: 1,
};

type Row = [string, LessonPupilSummary[], LessonIntentionSummary[], string[]];

const ROWS: Row[] = [
  // Nothing stands out: the two open questions.
  ['an even lesson', EVEN, [], ['wentWell', 'roomFor']],
  // Nothing logged: too little to ask about patterns, even though everyone is "not addressed".
  [
    'an empty lesson',
    EVEN.map((x) => ({ ...x, turns: 0, higherOrder: 0, total: 0 })),
    [],
    ['wentWell', 'roomFor'],
  ],
  // 4 events (< 5): the quiet pupil is not named yet.
  [
    'too few events to name anyone',
    [p('Sem', { turns: 2, higherOrder: 1 }), p('Noor', { turns: 2 }), p('Ayoub')],
    [],
    ['wentWell', 'roomFor'],
  ],
  // 5 events, Ayoub 0: one pupil not addressed, named and linked; one open question added.
  [
    'one pupil not addressed',
    [p('Sem', { turns: 3, higherOrder: 1 }), p('Noor', { turns: 2 }), p('Ayoub')],
    [],
    ['notAddressedOne', 'wentWell'],
  ],
  // Ayoub absent: not asked about.
  [
    'an absent pupil is not "not addressed"',
    [
      p('Sem', { turns: 3, higherOrder: 1 }),
      p('Noor', { turns: 2 }),
      { ...p('Ayoub'), present: false },
    ],
    [],
    ['wentWell', 'roomFor'],
  ],
  // Sem 3 corrections, no praise; Noor and Ayoub not addressed: the many-question names both.
  [
    'corrections for one pupil and two quiet ones',
    [p('Sem', { corrections: 3, turns: 2, higherOrder: 1 }), p('Noor'), p('Ayoub')],
    [],
    ['notAddressedMany', 'correctionsPupil'],
  ],
  // Corrections 4 > praise 1, spread over pupils (none with 3 and no praise).
  [
    'more corrections than praise in the class',
    [
      p('Sem', { corrections: 2, turns: 1, higherOrder: 1 }),
      p('Noor', { corrections: 2, praise: 1 }),
      p('Ayoub', { turns: 1 }),
    ],
    [],
    ['correctionsOverPraise', 'wentWell'],
  ],
  // Corrections 3 = praise 3: not "more".
  [
    'as many corrections as praise',
    [
      p('Sem', { corrections: 2, praise: 2, higherOrder: 1, turns: 1 }),
      p('Noor', { corrections: 1, praise: 1 }),
    ],
    [],
    ['wentWell', 'roomFor'],
  ],
  // 10 present, k = 2 top pupils: Sem 5 + Noor 3 = 8 of 10 turns ≥ ½ and ≥ 2·2/10 → concentrated.
  [
    'turns to a few pupils',
    [
      p('Sem', { turns: 5, higherOrder: 1 }),
      p('Noor', { turns: 3 }),
      ...['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((n, i) =>
        p(n, { turns: i < 2 ? 1 : 0, praise: i < 2 ? 0 : 1 }),
      ),
    ],
    [],
    ['turnsConcentrated', 'wentWell'],
  ],
  // Six questions, none higher-order, the level marked on them (recall).
  [
    'no higher-order questions',
    EVEN.map((x) => ({ ...x, higherOrder: 0, levelMarked: 1 })),
    [],
    ['noHigherOrder', 'wentWell'],
  ],
  // Six questions and no level marked on any: "not marked" is not "not asked", so no question.
  [
    'no question level marked at all',
    EVEN.map((x) => ({ ...x, higherOrder: 0, levelMarked: 0 })),
    [],
    ['wentWell', 'roomFor'],
  ],
  // The intention comes first; then at most two more.
  [
    'an intention and three patterns: at most three questions',
    [p('Sem', { corrections: 3, turns: 3 }), p('Noor'), p('Ayoub', { followUps: 1 })],
    [semIntention],
    ['intention', 'notAddressedOne', 'correctionsPupil'],
  ],
  // The intention's pupil was absent: not asked.
  [
    'an intention whose pupil was absent',
    EVEN,
    [{ ...semIntention, present: 0, count: 0 }],
    ['wentWell', 'roomFor'],
  ],
];

describe('reflectionQuestions', () => {
  it.each(ROWS)('%s', (_label, pupils, intentions, expected) => {
    const questions = reflectionQuestions({ pupils, intentions });
    expect(questions.map((q) => q.key)).toEqual(expected);
    expect(questions.length).toBeGreaterThanOrEqual(2);
    expect(questions.length).toBeLessThanOrEqual(3);
  });

  const find = <K extends ReflectionQuestion['key']>(qs: ReflectionQuestion[], key: K) =>
    qs.find((q): q is Extract<ReflectionQuestion, { key: K }> => q.key === key);

  it('names the pupil and links the answer to them', () => {
    const qs = reflectionQuestions({
      pupils: [p('Sem', { turns: 3, higherOrder: 1 }), p('Noor', { turns: 2 }), p('Ayoub')],
      intentions: [],
    });
    const q = find(qs, 'notAddressedOne');
    expect(q).toMatchObject({
      name: 'Ayoub',
      pupilId: 'ayoub',
      insightKey: 'reflect:notAddressed:ayoub',
    });
  });

  it('lists at most three names and counts the others', () => {
    const quiet = ['A', 'B', 'C', 'D', 'E'].map((n) => p(n));
    const qs = reflectionQuestions({
      pupils: [p('Sem', { turns: 5, higherOrder: 1 }), ...quiet],
      intentions: [],
    });
    expect(find(qs, 'notAddressedMany')).toMatchObject({
      names: ['A', 'B', 'C'],
      others: 2,
      pupilId: null,
    });
  });

  it('gives the counts for the corrections and intention questions', () => {
    const qs = reflectionQuestions({
      pupils: [p('Sem', { corrections: 4, turns: 1 }), p('Noor', { corrections: 3, turns: 1 })],
      intentions: [semIntention],
    });
    // Sem has the most corrections.
    expect(find(qs, 'correctionsPupil')).toMatchObject({
      name: 'Sem',
      corrections: 4,
      pupilId: 'sem',
    });
    expect(find(qs, 'intention')).toMatchObject({
      name: 'Sem',
      count: 1,
      insightKey: 'intention:i1',
    });
  });
});

describe('summariseLesson', () => {
  const TS = '2025-03-03T08:00:00.000Z';
  const lesson: LessonRecord = {
    id: 'l1',
    classId: 'c',
    date: '2025-03-10',
    startTime: '09:00',
    endTime: null,
    topic: '',
    endedAt: null,
    deletedAt: null,
    createdAt: TS,
    updatedAt: TS,
  };
  const pupil = (id: string, removedAt: string | null = null): PupilRecord => ({
    id,
    classId: 'c',
    name: id.toUpperCase(),
    seat: null,
    lensValues: {},
    removedAt,
    createdAt: TS,
    updatedAt: TS,
  });
  const pupils = [pupil('sem'), pupil('noor'), pupil('gone', '2025-03-01T10:00:00.000Z')];
  const e = (
    pupilId: string,
    kind: 'turn' | 'followUp' | 'praise' | 'correctionWork',
    extra = {},
  ) => ({
    id: crypto.randomUUID(),
    classId: 'c',
    lessonId: 'l1',
    pupilId,
    kind,
    date: lesson.date,
    at: null,
    loggedAfter: false,
    createdAt: TS,
    updatedAt: TS,
    ...extra,
  });
  const intention: IntentionRecord = {
    id: 'i1',
    classId: 'c',
    target: { type: 'pupil', pupilId: 'sem' },
    measure: { kind: 'followUp', perLesson: 2 },
    from: '2025-03-03',
    to: '2025-03-14',
    note: '',
    closingReflection: '',
    closedAt: null,
    deletedAt: null,
    createdAt: TS,
    updatedAt: TS,
  };
  const data: IntentionData = {
    classId: 'c',
    expectationScale: { kind: 'relative5' },
    pupils,
    lessons: [lesson],
    absences: [
      { id: 'a', classId: 'c', lessonId: 'l1', pupilId: 'noor', createdAt: TS, updatedAt: TS },
    ],
    events: [
      e('sem', 'turn', { questionLevel: 'higher' }),
      e('sem', 'followUp'),
      e('sem', 'correctionWork'),
      { ...e('noor', 'praise'), lessonId: 'other' },
    ],
    expectations: [],
    today: '2025-03-10',
  };

  it('counts per pupil, leaves out pupils removed before the lesson and marks absence', () => {
    const s = summariseLesson(lesson, pupils, [intention], data);
    expect(
      s.pupils.map((x) => [
        x.id,
        x.present,
        x.turns,
        x.followUps,
        x.corrections,
        x.higherOrder,
        x.total,
      ]),
    ).toEqual([
      ['sem', true, 1, 1, 1, 1, 3],
      // Noor's praise belongs to another lesson.
      ['noor', false, 0, 0, 0, 0, 0],
    ]);
    // Sem: 1 follow-up of the 2 intended.
    expect(s.intentions).toEqual([
      {
        intentionId: 'i1',
        pupilId: 'sem',
        pupilName: 'SEM',
        measure: intention.measure,
        present: 1,
        reached: 0,
        count: 1,
      },
    ]);
  });

  it('leaves out intentions that are closed or outside their period', () => {
    const closed = { ...intention, closedAt: TS };
    const later = { ...intention, id: 'i2', from: '2025-03-11' };
    expect(summariseLesson(lesson, pupils, [closed, later], data).intentions).toEqual([]);
  });
});

describe('the level not marked', () => {
  it.each([
    // Six questions, no level marked: the screen says so (6), instead of asking.
    ['none marked', EVEN.map((x) => ({ ...x, higherOrder: 0, levelMarked: 0 })), 6],
    // One level marked (recall): the question can be asked, nothing to say.
    [
      'one marked',
      EVEN.map((x, i) => ({ ...x, higherOrder: 0, levelMarked: i === 0 ? 1 : 0 })),
      null,
    ],
    // Four questions: below minQuestions (5), neither asked nor said.
    ['too few', EVEN.slice(0, 4).map((x) => ({ ...x, higherOrder: 0, levelMarked: 0 })), null],
    // An absent pupil's turns do not count: five present questions still reach the threshold.
    [
      'absent pupil left out',
      EVEN.map((x, i) => ({ ...x, higherOrder: 0, levelMarked: 0, present: i !== 5 })),
      5,
    ],
  ] as const)('%s', (_name, pupils, expected) => {
    expect(levelNotMarked({ pupils: [...pupils], intentions: [] })).toBe(expected);
  });
});
