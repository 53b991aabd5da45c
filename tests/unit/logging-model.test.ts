import { describe, expect, it } from 'vitest';
import {
  addMinutes,
  defaultLessonTimes,
  findNeighbour,
  findRowEdge,
} from '../../src/features/logging/model';

describe('addMinutes', () => {
  it.each([
    ['09:00', 50, '09:50'],
    ['09:15', 50, '10:05'],
    ['23:00', 50, '23:50'],
    ['23:30', 50, '23:59'],
    ['23:59', 50, null],
    ['00:00', 0, null],
  ])('%s + %i = %s', (clock, minutes, expected) => {
    expect(addMinutes(clock, minutes)).toBe(expected);
  });
});

describe('defaultLessonTimes', () => {
  it('is today, now, and now + 50 minutes in local time', () => {
    expect(defaultLessonTimes(new Date(2025, 2, 3, 8, 30, 59))).toEqual({
      date: '2025-03-03',
      startTime: '08:30',
      endTime: '09:20',
    });
  });

  it('leaves the end empty when the day has no time left', () => {
    expect(defaultLessonTimes(new Date(2025, 2, 3, 23, 59)).endTime).toBe('');
  });
});

describe('findNeighbour', () => {
  // A  .  B
  // .  .  C
  // D  E        (an extra row of unseated pupils, shorter)
  const cells = [
    ['A', null, 'B'],
    [null, null, 'C'],
    ['D', 'E'],
  ];
  it.each([
    [0, 0, 'ArrowRight', { row: 0, col: 2 }],
    [0, 2, 'ArrowRight', null],
    [0, 2, 'ArrowDown', { row: 1, col: 2 }],
    [1, 2, 'ArrowDown', null],
    [1, 2, 'ArrowLeft', null],
    [0, 0, 'ArrowDown', { row: 2, col: 0 }],
    [2, 1, 'ArrowUp', null],
    [2, 1, 'ArrowLeft', { row: 2, col: 0 }],
    [2, 0, 'ArrowUp', { row: 0, col: 0 }],
    [0, 0, 'ArrowUp', null],
  ] as const)('from (%i,%i) %s → %o', (row, col, key, expected) => {
    expect(findNeighbour(cells, row, col, key)).toEqual(expected);
  });
});

describe('findRowEdge', () => {
  // Row 0: _ A B _ ; row 1: C _ _ D ; row 2: empty ; row 3 (unseated, shorter): E
  const cells = [[null, 'A', 'B', null], ['C', null, null, 'D'], [null, null, null, null], ['E']];
  it.each<[string, number | null, boolean, { row: number; col: number } | null]>([
    ['Home in row 0 skips the empty seat', 0, true, { row: 0, col: 1 }],
    ['End in row 0', 0, false, { row: 0, col: 2 }],
    ['End in row 1', 1, false, { row: 1, col: 3 }],
    ['an empty row has no edge', 2, true, null],
    ['Ctrl+Home: the first pupil', null, true, { row: 0, col: 1 }],
    ['Ctrl+End: the last pupil, in a shorter row', null, false, { row: 3, col: 0 }],
  ])('%s', (_, row, first, expected) => {
    expect(findRowEdge(cells, row, first)).toEqual(expected);
  });
});
