/**
 * Scope and presence: which lessons, pupils and events an analysis rests on.
 * Presence = the lesson is in scope, the pupil was a member that day and has no absence record —
 * or has a logged interaction in that lesson (evidence beats the absence list).
 */
import { describe, expect, it } from 'vitest';
import { analyseClass, type AnalysisOptions } from '../../../src/analysis';
import { ClassBuilder } from './support/build';

const TODAY = '2025-03-31';
const run = (b: ClassBuilder, o: Partial<AnalysisOptions> = {}) =>
  analyseClass(b.build(), { today: TODAY, ...o });
const attendance = (b: ClassBuilder, o: Partial<AnalysisOptions> = {}) =>
  run(b, o).pupils.map((p) => [p.pupilId, p.presentLessons, p.absentLessons]);

describe('presence', () => {
  const cases: {
    name: string;
    build: () => ClassBuilder;
    options?: Partial<AnalysisOptions>;
    expected: [string, number, number][];
  }[] = [
    {
      name: 'every pupil is present at every lesson unless marked absent',
      build: () => new ClassBuilder().pupils('p1', 'p2').lessons(3).absent('l2', 'p2'),
      expected: [
        ['p1', 3, 0],
        ['p2', 2, 1],
      ],
    },
    {
      name: 'a logged interaction counts as presence even with an absence record',
      build: () =>
        new ClassBuilder()
          .pupils('p1', 'p2')
          .lessons(3)
          .absent('l2', 'p2')
          .event('l2', 'p2', 'help'),
      expected: [
        ['p1', 3, 0],
        ['p2', 3, 0],
      ],
    },
    {
      // Lessons 02-03, 02-04, 02-05, 02-06; removed on 02-05 → present on the first two only.
      name: 'a removed pupil counts only for lessons dated before the day of removal',
      build: () =>
        new ClassBuilder()
          .pupil('p1')
          .pupil('p2', { removedAt: '2025-02-05T10:00:00.000Z' })
          .lessons(4, '2025-02-03'),
      expected: [
        ['p1', 4, 0],
        ['p2', 2, 0],
      ],
    },
    {
      name: 'a pupil removed before the period is left out altogether',
      build: () =>
        new ClassBuilder()
          .pupil('p1')
          .pupil('p2', { removedAt: '2025-01-10T10:00:00.000Z' })
          .lessons(2, '2025-02-03'),
      expected: [['p1', 2, 0]],
    },
    {
      name: 'a pupil removed after the end of the period is a full member of it',
      build: () =>
        new ClassBuilder()
          .pupil('p1')
          .pupil('p2', { removedAt: '2025-03-01T10:00:00.000Z' })
          .lessons(2, '2025-02-03'),
      options: { to: '2025-02-10' },
      expected: [
        ['p1', 2, 0],
        ['p2', 2, 0],
      ],
    },
    {
      name: 'an absence record for a lesson outside the scope changes nothing',
      build: () => new ClassBuilder().pupils('p1').lessons(3, '2025-02-03').absent('l1', 'p1'),
      options: { from: '2025-02-04' },
      expected: [['p1', 2, 0]],
    },
  ];
  it.each(cases)('$name', ({ build, options, expected }) => {
    expect(attendance(build(), options)).toEqual(expected);
  });
});

describe('lessons in scope', () => {
  const base = () => {
    const b = new ClassBuilder().pupils('p1');
    b.lesson('a', '2025-02-03')
      .lesson('b', '2025-02-10')
      .lesson('c', '2025-02-17', { deletedAt: '2025-02-18T00:00:00.000Z' })
      .lesson('d', '2025-02-24')
      .lesson('e', '2025-04-07'); // after today
    b.data.lessons.push({ ...b.data.lessons[0]!, id: 'other', classId: 'c2' });
    return b;
  };
  const cases: { name: string; options: Partial<AnalysisOptions>; expected: string[] }[] = [
    {
      name: 'by default: up to today, without deleted lessons or other classes',
      options: {},
      expected: ['a', 'b', 'd'],
    },
    {
      name: 'from and to bound the period (inclusive)',
      options: { from: '2025-02-10', to: '2025-02-24' },
      expected: ['b', 'd'],
    },
    {
      name: 'a chosen subset of lessons stays inside the period',
      options: { lessonIds: ['a', 'e', 'd'] },
      expected: ['a', 'd'],
    },
    {
      name: 'a period without lessons gives an empty list',
      options: { from: '2025-03-01', to: '2025-03-02' },
      expected: [],
    },
  ];
  it.each(cases)('$name', ({ options, expected }) => {
    expect(run(base(), options).lessonIds).toEqual(expected);
  });

  it('lessons on the same day are ordered by start time', () => {
    const b = new ClassBuilder().pupils('p1');
    b.lesson('late', '2025-02-03', { startTime: '13:00' }).lesson('early', '2025-02-03', {
      startTime: '08:30',
    });
    expect(run(b).lessonIds).toEqual(['early', 'late']);
  });
});

describe('events in scope', () => {
  it('ignores events of other lessons or unknown pupils and reports how many', () => {
    const b = new ClassBuilder().pupils('p1').lessons(2, '2025-02-03');
    b.event('l1', 'p1', 'turn', 2).event('l1', 'ghost', 'turn').event('nope', 'p1', 'turn');
    const r = run(b, { minEvents: 0 });
    expect(r.ignoredEvents).toBe(2);
    expect(r.basis.events).toBe(2);
  });

  it('the kinds filter keeps only the chosen kinds and the qualities built on them', () => {
    const b = new ClassBuilder().pupils('p1').lessons(1, '2025-02-03');
    b.event('l1', 'p1', 'turn', 1, { questionLevel: 'higher' }).event('l1', 'p1', 'praise', 3);
    const r = run(b, { kinds: ['praise'] });
    expect(r.metrics).toEqual(['praise', 'praiseSpecific']);
    expect(r.basis.events).toBe(3);
    expect(r.quality.class).toMatchObject({
      praise: 3,
      turns: null,
      higherOrder: null,
      positiveShare: null,
    });
  });

  it('qualities: corrections sum both kinds; levels count over turns and follow-ups', () => {
    const b = new ClassBuilder().pupils('p1').lessons(1, '2025-02-03');
    b.event('l1', 'p1', 'correctionWork', 2).event('l1', 'p1', 'correctionBehaviour', 3);
    b.event('l1', 'p1', 'turn', 1, {
      questionLevel: 'higher',
      waitTime: true,
      initiative: 'volunteered',
    });
    b.event('l1', 'p1', 'followUp', 2, { questionLevel: 'higher' });
    b.event('l1', 'p1', 'followUp', 1, { questionLevel: 'recall' });
    const r = run(b, { minEvents: 0 });
    const total = (m: string) => r.distribution.find((d) => d.metric === m)?.total;
    expect([total('corrections'), total('higherOrder'), total('recall')]).toEqual([5, 3, 1]);
    expect([total('waitTime'), total('volunteered'), total('called')]).toEqual([1, 1, 0]);
  });
});

describe('edge cases never throw', () => {
  it('an empty class: no pupils, no lessons — empty lists and insufficient patterns', () => {
    const r = run(new ClassBuilder());
    expect(r.pupils).toEqual([]);
    expect(r.basis).toEqual({ lessons: 0, events: 0, pupils: 0 });
    for (const d of r.distribution) {
      expect(d.pattern.status).toBe('insufficient');
      expect(d.meanRate).toBeNull();
    }
    expect(r.quiet.pattern.status).toBe('insufficient');
    expect(r.achievement.pattern.status).toBe('insufficient');
    expect(r.timeline.week).toEqual([]);
  });

  it('a period without lessons: pupils are listed with no presences and no rates', () => {
    const r = run(new ClassBuilder().pupils('p1', 'p2'));
    expect(r.pupils.map((p) => p.presentLessons)).toEqual([0, 0]);
    const turn = r.distribution.find((d) => d.metric === 'turn');
    expect(turn?.pupils.map((p) => p.rate)).toEqual([null, null]);
    expect(turn?.pattern).toMatchObject({
      status: 'insufficient',
      reasons: ['fewLessons', 'fewEvents', 'fewPupils'],
    });
  });

  it('a class of one: counts and rates, but no spread to speak of', () => {
    const b = new ClassBuilder().pupils('solo').lessons(5);
    b.everyLesson('solo', 'turn', 5);
    const r = run(b);
    const turn = r.distribution.find((d) => d.metric === 'turn');
    expect(turn?.pupils[0]).toMatchObject({
      count: 25,
      rate: 5,
      share: 1,
      expectedShare: 1,
      shareRatio: 1,
    });
    expect(turn?.pattern).toMatchObject({ status: 'insufficient', reasons: ['fewPupils'] });
    expect(r.quiet.pattern.status).toBe('insufficient');
    expect(r.expectation.current.metrics[0]?.test.status).toBe('insufficient');
  });
});
