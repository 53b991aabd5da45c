/**
 * The pupil timeline merge, on small hand-worked cases: every expected value below was worked
 * out by hand from the records listed in each case.
 */
import { classRecord, STAMP, stamps } from '../support/records';
import { describe, expect, it } from 'vitest';
import type {
  AbsenceRecord,
  AchievementRecord,
  BankingSession,
  ClassRecord,
  ExpectationRecord,
  InteractionEvent,
  LessonRecord,
  PupilRecord,
  RelationshipRecord,
} from '../../src/model/types';
import type { InteractionKind } from '../../src/model/kinds';
import {
  buildPupilTimeline,
  emptyCounts,
  type TimelineSource,
} from '../../src/features/pupil/timeline';

const cls: ClassRecord = classRecord('c1', {
  name: '2 havo',
  schoolType: 'secondary',
  yearLabel: '2',
  seating: { rows: 1, cols: 2 },
  ...stamps,
});
const pupil: PupilRecord = {
  id: 'p1',
  classId: 'c1',
  name: 'Sanne',
  seat: null,
  lensValues: {},
  removedAt: null,
  ...stamps,
};

function lesson(id: string, date: string, startTime: string, extra: Partial<LessonRecord> = {}) {
  return {
    id,
    classId: 'c1',
    date,
    startTime,
    endTime: null,
    topic: '',
    endedAt: null,
    deletedAt: null,
    ...stamps,
    ...extra,
  } satisfies LessonRecord;
}

let seq = 0;
function events(lessonId: string, date: string, kind: InteractionKind, n: number) {
  return Array.from({ length: n }, (): InteractionEvent => ({
    id: `e${++seq}`,
    classId: 'c1',
    lessonId,
    pupilId: 'p1',
    kind,
    date,
    at: null,
    loggedAfter: true,
    ...stamps,
  }));
}
const absence = (lessonId: string): AbsenceRecord => ({
  id: `a-${lessonId}`,
  classId: 'c1',
  lessonId,
  pupilId: 'p1',
  ...stamps,
});
function expectation(id: string, date: string, value: number, extra = {}): ExpectationRecord {
  return { id, classId: 'c1', pupilId: 'p1', date, value, confidence: null, ...stamps, ...extra };
}
function relationship(id: string, date: string, c: number, f: number, d: number, note = '') {
  return {
    id,
    classId: 'c1',
    pupilId: 'p1',
    date,
    closeness: c,
    conflict: f,
    dependency: d,
    note,
    ...stamps,
  } satisfies RelationshipRecord;
}

function source(parts: Partial<TimelineSource>): TimelineSource {
  return {
    pupil,
    cls,
    lessons: [],
    events: [],
    absences: [],
    banking: [],
    expectations: [],
    achievements: [],
    relationships: [],
    ...parts,
  };
}

describe('buildPupilTimeline', () => {
  it('gives an empty timeline and zero summary when nothing is recorded', () => {
    const result = buildPupilTimeline(source({}));
    expect(result.days).toEqual([]);
    expect(result.series).toEqual([]);
    expect(result.summary).toEqual({
      lessonsPresent: 0,
      lessonsAbsent: 0,
      totals: emptyCounts(),
      totalInteractions: 0,
      bankingSessions: 0,
      bankingMinutes: 0,
      currentExpectation: null,
      latestAchievement: null,
      latestRelationship: null,
      firstDate: null,
      lastDate: null,
    });
  });

  it('merges lessons, absence, banking, ratings and results into dated days', () => {
    const banking: BankingSession[] = [
      {
        id: 'b1',
        classId: 'c1',
        pupilId: 'p1',
        date: '2025-03-05',
        minutes: 10,
        note: 'Lego',
        deletedAt: null,
        ...stamps,
      },
      // Deleted (undo window passed or not): not on the page.
      {
        id: 'b2',
        classId: 'c1',
        pupilId: 'p1',
        date: '2025-03-05',
        minutes: 99,
        note: '',
        deletedAt: STAMP,
        ...stamps,
      },
    ];
    const achievements: AchievementRecord[] = [
      {
        id: 'r1',
        classId: 'c1',
        pupilId: 'p1',
        label: 'Toets H3',
        date: '2025-03-07',
        scoreType: 'grade',
        score: 7.5,
        ...stamps,
      },
    ];
    const result = buildPupilTimeline(
      source({
        lessons: [
          lesson('L1', '2025-03-03', '09:00', { topic: 'Breuken' }),
          lesson('L2', '2025-03-05', '09:00'),
          lesson('L3', '2025-03-07', '09:00'),
          lesson('L4', '2025-03-06', '09:00', { deletedAt: STAMP }),
        ],
        events: [
          ...events('L1', '2025-03-03', 'turn', 2),
          ...events('L1', '2025-03-03', 'praise', 1),
          ...events('L4', '2025-03-06', 'turn', 5),
        ],
        absences: [absence('L2')],
        banking,
        achievements,
        expectations: [
          expectation('x1', '2025-03-03', 2),
          // Two on one date (a merged backup): the later change counts.
          expectation('x2old', '2025-03-07', 1, { updatedAt: '2025-03-07T08:00:00.000Z' }),
          expectation('x2', '2025-03-07', 3, {
            confidence: 'fairly',
            updatedAt: '2025-03-07T09:00:00.000Z',
          }),
        ],
        relationships: [
          relationship('s1', '2025-03-03', 4, 2, 1),
          relationship('s2', '2025-03-07', 4, 1, 1, 'Nieuwsgierig'),
        ],
      }),
    );

    expect(result.days.map((d) => [d.date, d.entries.map((e) => `${e.type}:${e.id}`)])).toEqual([
      ['2025-03-07', ['lesson:L3', 'achievement:r1', 'expectation:x2', 'relationship:s2']],
      ['2025-03-05', ['lesson:L2', 'banking:b1']],
      ['2025-03-03', ['lesson:L1', 'expectation:x1', 'relationship:s1']],
    ]);
    const l1 = result.days[2]!.entries[0]!;
    expect(l1).toEqual({
      type: 'lesson',
      date: '2025-03-03',
      id: 'L1',
      startTime: '09:00',
      topic: 'Breuken',
      absent: false,
      counts: { ...emptyCounts(), turn: 2, praise: 1 },
      total: 3,
    });
    expect(result.days[1]!.entries[0]).toMatchObject({ absent: true, total: 0 });
    expect(result.days[0]!.entries[0]).toMatchObject({ absent: false, total: 0 });

    expect(result.series).toEqual([
      { lessonId: 'L1', date: '2025-03-03', total: 3, absent: false },
      { lessonId: 'L2', date: '2025-03-05', total: 0, absent: true },
      { lessonId: 'L3', date: '2025-03-07', total: 0, absent: false },
    ]);

    const { summary } = result;
    expect(summary.lessonsPresent).toBe(2);
    expect(summary.lessonsAbsent).toBe(1);
    expect(summary.totals).toEqual({ ...emptyCounts(), turn: 2, praise: 1 });
    expect(summary.totalInteractions).toBe(3);
    expect(summary.bankingSessions).toBe(1);
    expect(summary.bankingMinutes).toBe(10);
    expect(summary.currentExpectation).toEqual({
      type: 'expectation',
      date: '2025-03-07',
      id: 'x2',
      value: 3,
      confidence: 'fairly',
      scale: { kind: 'relative5' },
      current: true,
      previous: 2,
      movement: 'up',
    });
    expect(summary.latestAchievement).toMatchObject({ id: 'r1', score: 7.5, scoreType: 'grade' });
    expect(summary.latestRelationship).toMatchObject({
      id: 's2',
      conflict: 1,
      note: 'Nieuwsgierig',
      previous: { closeness: 4, conflict: 2, dependency: 1 },
    });
    expect(summary.firstDate).toBe('2025-03-03');
    expect(summary.lastDate).toBe('2025-03-07');
  });

  it('leaves out lessons after a removed pupil left, and before they were on the list', () => {
    const removed: PupilRecord = {
      ...pupil,
      createdAt: '2025-03-04T10:00:00.000Z',
      removedAt: '2025-03-10T12:00:00.000Z',
    };
    const result = buildPupilTimeline(
      source({
        pupil: removed,
        lessons: [
          // Before the pupil was listed, and recorded then: not theirs.
          lesson('L1', '2025-03-03', '09:00', { createdAt: '2025-03-03T09:00:00.000Z' }),
          // Dated earlier but logged afterwards, when the pupil was on the list: theirs.
          lesson('L2', '2025-03-03', '13:00', { createdAt: '2025-03-05T16:00:00.000Z' }),
          lesson('L3', '2025-03-06', '09:00'),
          // On the day of removal and after: not theirs.
          lesson('L4', '2025-03-10', '09:00'),
          lesson('L5', '2025-03-12', '09:00'),
        ],
        events: events('L3', '2025-03-06', 'help', 1),
      }),
    );
    expect(result.series.map((p) => p.lessonId)).toEqual(['L2', 'L3']);
    expect(result.summary.lessonsPresent).toBe(2);
    expect(result.summary.totals.help).toBe(1);
  });

  it('keeps a lesson with records even when the pupil was removed before it', () => {
    const removed = { ...pupil, removedAt: '2025-03-01T12:00:00.000Z' };
    const result = buildPupilTimeline(
      source({
        pupil: removed,
        lessons: [lesson('L1', '2025-03-03', '09:00'), lesson('L2', '2025-03-04', '09:00')],
        absences: [absence('L2')],
      }),
    );
    expect(result.series).toEqual([{ lessonId: 'L2', date: '2025-03-04', total: 0, absent: true }]);
  });

  it('counts a pupil with interactions as present, whatever the absence list says', () => {
    const result = buildPupilTimeline(
      source({
        lessons: [lesson('L1', '2025-03-03', '09:00')],
        events: events('L1', '2025-03-03', 'correctionBehaviour', 2),
        absences: [absence('L1')],
      }),
    );
    expect(result.summary).toMatchObject({ lessonsPresent: 1, lessonsAbsent: 0 });
    expect(result.summary.totals.correctionBehaviour).toBe(2);
  });

  it('orders two lessons on one day by start time, and keeps events whose lesson is missing', () => {
    const result = buildPupilTimeline(
      source({
        lessons: [lesson('late', '2025-03-03', '13:00'), lesson('early', '2025-03-03', '08:30')],
        events: [
          ...events('late', '2025-03-03', 'turn', 1),
          ...events('gone', '2025-03-02', 'personal', 2),
        ],
      }),
    );
    expect(result.days.map((d) => d.entries.map((e) => e.id))).toEqual([
      ['early', 'late'],
      ['gone'],
    ]);
    expect(result.days[1]!.entries[0]).toMatchObject({ startTime: null, topic: '', total: 2 });
  });

  it('says how each expectation moved, and when a value lies outside the current scale', () => {
    const levels: ClassRecord = {
      ...cls,
      expectationScale: { kind: 'levels', levels: ['vmbo-gt', 'havo', 'vwo'] },
    };
    const result = buildPupilTimeline(
      source({
        cls: levels,
        expectations: [
          expectation('a', '2025-01-10', 1),
          expectation('b', '2025-02-10', 1),
          expectation('c', '2025-03-10', 0),
          expectation('d', '2025-04-10', 4), // from a longer, earlier scale
          expectation('e', '2025-05-10', 2),
        ],
      }),
    );
    const moves = result.days
      .flatMap((d) => d.entries)
      .reverse()
      .map((e) => (e.type === 'expectation' ? [e.id, e.previous, e.movement] : null));
    expect(moves).toEqual([
      ['a', null, 'first'],
      ['b', 1, 'same'],
      ['c', 1, 'down'],
      ['d', 0, 'unknown'],
      ['e', 4, 'unknown'],
    ]);
  });

  it('reads each rating on the scale it was made on, and compares only ratings on one scale', () => {
    const levels = { kind: 'levels' as const, levels: ['vmbo-gt', 'havo', 'vwo'] };
    const result = buildPupilTimeline(
      source({
        cls: { ...cls, expectationScale: levels },
        expectations: [
          // Made on the relative scale before the class switched to levels.
          expectation('x', '2025-01-10', 2, { scale: { kind: 'relative5' } }),
          expectation('y', '2025-02-10', 1), // no scale recorded: read on the class's
          expectation('z', '2025-03-10', 2, { scale: levels }),
        ],
      }),
    );
    const entries = result.days
      .flatMap((d) => d.entries)
      .reverse()
      .flatMap((e) =>
        e.type === 'expectation' ? [[e.id, e.scale.kind, e.current, e.movement]] : [],
      );
    expect(entries).toEqual([
      ['x', 'relative5', false, 'first'],
      ['y', 'levels', true, 'unknown'],
      ['z', 'levels', true, 'up'],
    ]);
  });
});
