/** Drill-down counting and the seating-plan groups, on small hand-made classes. */
import { describe, expect, it } from 'vitest';
import type { ClassData, PupilShare } from '../../src/analysis';
import type { InteractionEvent, LessonRecord } from '../../src/model/types';
import { countsTowards, lessonMetricRows, pupilLessonRows } from '../../src/analysis';
import { seatGroups } from '../../src/features/insights/seatGroups';

const T = '2025-01-01T00:00:00.000Z';
const stamps = { createdAt: T, updatedAt: T };
const lesson = (id: string, date: string, startTime = '09:00'): LessonRecord => ({
  id,
  classId: 'c',
  date,
  startTime,
  endTime: null,
  topic: `t-${id}`,
  endedAt: null,
  deletedAt: null,
  ...stamps,
});
let n = 0;
const ev = (
  lessonId: string,
  pupilId: string,
  kind: InteractionEvent['kind'],
  extra: Partial<InteractionEvent> = {},
): InteractionEvent => ({
  id: `e${n++}`,
  classId: 'c',
  lessonId,
  pupilId,
  kind,
  date: '2025-01-01',
  at: null,
  loggedAfter: false,
  ...stamps,
  ...extra,
});

describe('countsTowards', () => {
  it.each([
    [ev('l', 'p', 'turn'), 'turn', true],
    [ev('l', 'p', 'turn'), 'praise', false],
    [ev('l', 'p', 'turn', { questionLevel: 'higher' }), 'higherOrder', true],
    [ev('l', 'p', 'followUp', { questionLevel: 'higher' }), 'higherOrder', true],
    [ev('l', 'p', 'praise', { questionLevel: 'higher' }), 'higherOrder', false],
    [ev('l', 'p', 'followUp', { questionLevel: 'recall' }), 'recall', true],
    [ev('l', 'p', 'turn', { initiative: 'called' }), 'called', true],
    [ev('l', 'p', 'turn', { initiative: 'called' }), 'volunteered', false],
    [ev('l', 'p', 'turn', { waitTime: true }), 'waitTime', true],
    [ev('l', 'p', 'turn', { waitTime: false }), 'waitTime', false],
    [ev('l', 'p', 'praise', { praiseType: 'specific' }), 'praiseSpecific', true],
    [ev('l', 'p', 'correctionWork'), 'corrections', true],
    [ev('l', 'p', 'correctionBehaviour'), 'corrections', true],
    [ev('l', 'p', 'help'), 'corrections', false],
  ] as const)('%#: %s counts for %s: %s', (event, metric, expected) => {
    expect(countsTowards(event, metric)).toBe(expected);
  });
});

function classData(): ClassData {
  // Lessons out of order on purpose; l4 is outside the scope asked for.
  const lessons = [
    lesson('l2', '2025-01-08'),
    lesson('l1', '2025-01-06'),
    lesson('l3', '2025-01-08', '08:00'),
    lesson('l4', '2025-01-09'),
  ];
  return {
    cls: {} as ClassData['cls'],
    pupils: [],
    lenses: [],
    lessons,
    absences: [
      { id: 'a1', classId: 'c', lessonId: 'l2', pupilId: 'ann', ...stamps },
      // Absent on paper, yet logged: counts as present.
      { id: 'a2', classId: 'c', lessonId: 'l3', pupilId: 'bob', ...stamps },
    ],
    events: [
      ev('l1', 'ann', 'turn'),
      ev('l1', 'ann', 'turn', { questionLevel: 'higher' }),
      ev('l1', 'ann', 'praise'),
      ev('l1', 'bob', 'turn'),
      ev('l3', 'bob', 'turn'),
      ev('l3', 'bob', 'correctionBehaviour'),
      ev('l3', 'ann', 'turn'),
      ev('l4', 'ann', 'turn'),
    ],
    banking: [],
    expectations: [],
    achievements: [],
    relationships: [],
  };
}

describe('pupilLessonRows', () => {
  const scope = ['l1', 'l2', 'l3'];
  it('lists the lessons in scope, oldest first, with a count per metric and absences', () => {
    const rows = pupilLessonRows(classData(), scope, 'ann', ['turn', 'higherOrder', 'praise']);
    expect(rows.map((r) => r.lesson.id)).toEqual(['l1', 'l3', 'l2']);
    expect(rows.map((r) => r.counts)).toEqual([
      [2, 1, 1],
      [1, 0, 0],
      [0, 0, 0],
    ]);
    expect(rows.map((r) => r.present)).toEqual([true, true, false]);
  });
  it('counts a pupil with an absence record but logged interactions as present', () => {
    const rows = pupilLessonRows(classData(), scope, 'bob', ['turn', 'corrections']);
    expect(rows.find((r) => r.lesson.id === 'l3')).toMatchObject({ present: true, counts: [1, 1] });
  });
});

describe('lessonMetricRows', () => {
  it('gives per lesson the total and who got it, most first', () => {
    const names = new Map([
      ['ann', 'Ann'],
      ['bob', 'Bob'],
    ]);
    const rows = lessonMetricRows(classData(), ['l1', 'l2', 'l3'], 'turn', names);
    expect(rows.map((r) => [r.lesson.id, r.total])).toEqual([
      ['l1', 3],
      ['l3', 2],
      ['l2', 0],
    ]);
    expect(rows[0]?.pupils).toEqual([
      { pupilId: 'ann', count: 2 },
      { pupilId: 'bob', count: 1 },
    ]);
    // A tie is ordered by name.
    expect(rows[1]?.pupils.map((p) => p.pupilId)).toEqual(['ann', 'bob']);
  });
});

describe('seatGroups', () => {
  const share = (pupilId: string, count: number, presentLessons: number): PupilShare => ({
    pupilId,
    count,
    presentLessons,
    rate: count / presentLessons,
    share: null,
    expectedShare: null,
    shareRatio: null,
  });
  // A 2 × 2 room: a and b in front, c behind on the left, d without a seat, e outside the grid.
  const seats = new Map([
    ['a', { row: 0, col: 0 }],
    ['b', { row: 0, col: 1 }],
    ['c', { row: 1, col: 0 }],
    ['d', null],
    ['e', { row: 5, col: 0 }],
  ]);
  const shares = [
    share('a', 6, 10),
    share('b', 4, 10),
    share('c', 2, 20),
    share('d', 9, 10),
    share('e', 9, 10),
  ];

  it('per row: the share of the turns against the share of the presences', () => {
    const rows = seatGroups(shares, seats, { rows: 2, cols: 2 }, 'row');
    expect(rows.map((r) => r.index)).toEqual([0, 1]);
    // Front: 10 of 12 turns with 20 of 40 presences → ratio (10/12)/(20/40) = 5/3.
    expect(rows[0]).toMatchObject({ pupils: ['a', 'b'], count: 10, presences: 20 });
    expect(rows[0]?.ratio).toBeCloseTo(5 / 3, 10);
    expect(rows[0]?.rate).toBeCloseTo(0.5, 10);
    // Back: 2 of 12 with 20 of 40 → 1/3.
    expect(rows[1]?.ratio).toBeCloseTo(1 / 3, 10);
  });
  it('per column, leaving out empty columns', () => {
    const cols = seatGroups(shares, seats, { rows: 2, cols: 3 }, 'col');
    expect(cols.map((c) => [c.index, c.pupils])).toEqual([
      [0, ['a', 'c']],
      [1, ['b']],
    ]);
    expect(cols[0]?.share).toBeCloseTo(8 / 12, 10);
    expect(cols[0]?.presenceShare).toBeCloseTo(30 / 40, 10);
  });
  it('gives no ratio when nothing was counted', () => {
    const none = seatGroups([share('a', 0, 5)], seats, { rows: 2, cols: 2 }, 'row');
    expect(none[0]).toMatchObject({ share: null, ratio: null, rate: 0 });
  });
});
