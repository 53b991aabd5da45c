import { describe, expect, it } from 'vitest';
import { addMinutes, defaultLessonTimes, findNeighbour } from '../../src/features/logging/model';

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
