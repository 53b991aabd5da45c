import { describe, expect, it } from 'vitest';
import type { Seat } from '../../src/model/types';
import {
  arrangeAlphabetically,
  defaultGrid,
  isInGrid,
  layoutSeats,
  moveToSeat,
  neighbourSeat,
  nextFreeSeats,
  resizeSeating,
  type Direction,
  type Grid,
  type Seated,
} from '../../src/domain/seating';

const s = (row: number, col: number): Seat => ({ row, col });
const p = (id: string, seat: Seat | null): Seated => ({ id, seat });

describe('isInGrid', () => {
  const grid = { rows: 2, cols: 3 };
  it.each<[Seat, boolean]>([
    [s(0, 0), true],
    [s(1, 2), true],
    [s(2, 0), false],
    [s(0, 3), false],
    [s(-1, 0), false],
    [s(0, 1.5), false],
  ])('%o → %s', (seat, expected) => {
    expect(isInGrid(seat, grid)).toBe(expected);
  });
});

describe('moveToSeat', () => {
  // Grid 2 × 3:  A B .   /   . . C   and D has no seat.
  const grid: Grid = { rows: 2, cols: 3 };
  const pupils = [p('A', s(0, 0)), p('B', s(0, 1)), p('C', s(1, 2)), p('D', null)];

  it.each<[string, string, Seat, ReturnType<typeof moveToSeat>]>([
    ['to an empty seat', 'A', s(1, 0), { ok: true, changes: [{ id: 'A', seat: s(1, 0) }] }],
    [
      'onto a taken seat: swap',
      'A',
      s(0, 1),
      {
        ok: true,
        changes: [
          { id: 'A', seat: s(0, 1) },
          { id: 'B', seat: s(0, 0) },
        ],
      },
    ],
    ['onto its own seat: nothing', 'A', s(0, 0), { ok: true, changes: [] }],
    ['outside the grid (row)', 'A', s(2, 0), { ok: false, reason: 'outsideGrid' }],
    ['outside the grid (negative)', 'A', s(-1, 0), { ok: false, reason: 'outsideGrid' }],
    ['outside the grid (fraction)', 'A', s(0, 1.5), { ok: false, reason: 'outsideGrid' }],
    ['an unknown pupil', 'X', s(0, 2), { ok: false, reason: 'unknownPupil' }],
    [
      // D had no seat: B goes to the first free seat, skipping A (0,0), the target (0,1)
      'a seatless pupil onto a taken seat',
      'D',
      s(0, 1),
      {
        ok: true,
        changes: [
          { id: 'D', seat: s(0, 1) },
          { id: 'B', seat: s(0, 2) },
        ],
      },
    ],
    [
      'a seatless pupil onto an empty seat',
      'D',
      s(1, 1),
      { ok: true, changes: [{ id: 'D', seat: s(1, 1) }] },
    ],
  ])('%s', (_label, id, target, expected) => {
    expect(moveToSeat(pupils, id, target, grid)).toEqual(expected);
  });

  it('leaves the displaced pupil without a seat when the grid is full', () => {
    const full = [p('A', s(0, 0)), p('B', s(0, 1)), p('D', null)];
    expect(moveToSeat(full, 'D', s(0, 0), { rows: 1, cols: 2 })).toEqual({
      ok: true,
      changes: [
        { id: 'D', seat: s(0, 0) },
        { id: 'A', seat: null },
      ],
    });
  });

  it('does not hand out a seat outside the grid in a swap', () => {
    // A sits outside the 2 × 3 grid (left over from a larger plan); B is at (0,0), C at (0,1).
    const odd = [p('A', s(5, 5)), p('B', s(0, 0)), p('C', s(0, 1))];
    expect(moveToSeat(odd, 'A', s(0, 0), grid)).toEqual({
      ok: true,
      changes: [
        { id: 'A', seat: s(0, 0) },
        { id: 'B', seat: s(0, 2) },
      ],
    });
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(pupils);
    moveToSeat(pupils, 'A', s(0, 1), grid);
    expect(pupils).toEqual(copy);
  });
});

describe('resizeSeating', () => {
  // From 4 × 6: A (0,0), B (0,5), C (2,1), D (3,3); E has no seat.
  const pupils = [p('A', s(0, 0)), p('B', s(0, 5)), p('C', s(2, 1)), p('D', s(3, 3)), p('E', null)];

  it.each<[string, Grid, ReturnType<typeof resizeSeating>]>([
    [
      'same size: nothing moves',
      { rows: 4, cols: 6 },
      { ok: true, grid: { rows: 4, cols: 6 }, changes: [] },
    ],
    [
      'larger: nothing moves',
      { rows: 12, cols: 12 },
      { ok: true, grid: { rows: 12, cols: 12 }, changes: [] },
    ],
    [
      // D (row 3) falls off; the first free seat is (0,1).
      'one row fewer',
      { rows: 3, cols: 6 },
      { ok: true, grid: { rows: 3, cols: 6 }, changes: [{ id: 'D', seat: s(0, 1) }] },
    ],
    [
      // Only A stays; B, C, D (in reading order) take (0,1), (1,0), (1,1).
      '2 × 2',
      { rows: 2, cols: 2 },
      {
        ok: true,
        grid: { rows: 2, cols: 2 },
        changes: [
          { id: 'B', seat: s(0, 1) },
          { id: 'C', seat: s(1, 0) },
          { id: 'D', seat: s(1, 1) },
        ],
      },
    ],
    [
      // Exactly four seats for four seated pupils (E does not need one).
      '1 × 4',
      { rows: 1, cols: 4 },
      {
        ok: true,
        grid: { rows: 1, cols: 4 },
        changes: [
          { id: 'B', seat: s(0, 1) },
          { id: 'C', seat: s(0, 2) },
          { id: 'D', seat: s(0, 3) },
        ],
      },
    ],
    ['too small', { rows: 1, cols: 3 }, { ok: false, reason: 'tooSmall', needed: 4, available: 3 }],
    ['zero rows', { rows: 0, cols: 6 }, { ok: false, reason: 'invalidSize' }],
    ['13 columns', { rows: 2, cols: 13 }, { ok: false, reason: 'invalidSize' }],
    ['a fraction', { rows: 2.5, cols: 6 }, { ok: false, reason: 'invalidSize' }],
  ])('%s', (_label, to, expected) => {
    expect(resizeSeating(pupils, to)).toEqual(expected);
  });

  it('gives a second pupil on the same seat a seat of their own', () => {
    expect(resizeSeating([p('A', s(0, 0)), p('B', s(0, 0))], { rows: 1, cols: 2 })).toEqual({
      ok: true,
      grid: { rows: 1, cols: 2 },
      changes: [{ id: 'B', seat: s(0, 1) }],
    });
  });
});

describe('arrangeAlphabetically', () => {
  const named = (id: string, name: string, seat: Seat | null) => ({ id, name, seat });

  it('seats in name order, case and accents ignored, rows added when needed', () => {
    const pupils = [
      named('1', 'sem', s(0, 0)),
      named('2', 'Anna', null),
      named('3', 'Bram', s(0, 1)),
      named('4', 'Émile', null),
      named('5', 'eva', null),
    ];
    // Anna, Bram, Émile, eva, sem in a 2-column grid of 1 row → grows to 3 rows.
    expect(arrangeAlphabetically(pupils, { rows: 1, cols: 2 })).toEqual({
      grid: { rows: 3, cols: 2 },
      changes: [
        { id: '2', seat: s(0, 0) },
        // Bram already sits at (0,1): no change for '3'.
        { id: '4', seat: s(1, 0) },
        { id: '5', seat: s(1, 1) },
        { id: '1', seat: s(2, 0) },
      ],
    });
  });

  it('leaves out pupils already in place and sorts numbers naturally', () => {
    const pupils = [named('a', 'Pupil 10', s(0, 0)), named('b', 'Pupil 2', s(0, 1))];
    expect(arrangeAlphabetically(pupils, { rows: 2, cols: 3 })).toEqual({
      grid: { rows: 2, cols: 3 },
      changes: [
        { id: 'b', seat: s(0, 0) },
        { id: 'a', seat: s(0, 1) },
      ],
    });
    const sorted = [named('b', 'Pupil 2', s(0, 0)), named('a', 'Pupil 10', s(0, 1))];
    expect(arrangeAlphabetically(sorted, { rows: 2, cols: 3 }).changes).toEqual([]);
  });
});

describe('layoutSeats', () => {
  const grid: Grid = { rows: 2, cols: 3 };
  const A = p('A', s(0, 0));
  const B = p('B', s(1, 2));
  const C = p('C', null);
  const D = p('D', s(0, 0)); // same seat as A
  const E = p('E', s(5, 0)); // outside the grid
  const F = p('F', s(0, 2));
  const G = p('G', null);

  it.each<[string, Seated[], Array<Array<Seated | null>>]>([
    [
      'empty class',
      [],
      [
        [null, null, null],
        [null, null, null],
      ],
    ],
    [
      'seated pupils and empty seats',
      [A, B, F],
      [
        [A, null, F],
        [null, null, B],
      ],
    ],
    [
      'the rest in an extra row',
      [A, B, C, D, E, F],
      [
        [A, null, F],
        [null, null, B],
        [C, D, E],
      ],
    ],
    [
      'a short last extra row',
      [G, A, B, C, D, E, F],
      [[A, null, F], [null, null, B], [G, C, D], [E]],
    ],
  ])('%s', (_label, pupils, expected) => {
    expect(layoutSeats(pupils, grid)).toEqual(expected);
  });

  it('returns the very same pupil objects', () => {
    expect(layoutSeats([A], grid)[0]?.[0]).toBe(A);
  });
});

describe('neighbourSeat', () => {
  const grid: Grid = { rows: 2, cols: 3 };
  it.each<[Seat, Direction, Seat | null]>([
    [s(0, 0), 'up', null],
    [s(0, 0), 'left', null],
    [s(0, 0), 'down', s(1, 0)],
    [s(0, 0), 'right', s(0, 1)],
    [s(1, 2), 'down', null],
    [s(1, 2), 'right', null],
    [s(1, 2), 'up', s(0, 2)],
    [s(1, 2), 'left', s(1, 1)],
  ])('%o %s → %o', (seat, direction, expected) => {
    expect(neighbourSeat(seat, direction, grid)).toEqual(expected);
  });
});

describe('nextFreeSeats and defaultGrid', () => {
  it('fills gaps first, then adds rows', () => {
    expect(nextFreeSeats([s(0, 0), s(0, 2)], { rows: 1, cols: 3 }, 3)).toEqual({
      seats: [s(0, 1), s(1, 0), s(1, 1)],
      grid: { rows: 2, cols: 3 },
    });
  });
  it.each<[number, Grid]>([
    [0, { rows: 1, cols: 6 }],
    [6, { rows: 1, cols: 6 }],
    [7, { rows: 2, cols: 6 }],
    [25, { rows: 5, cols: 6 }],
  ])('%i pupils → %o', (n, expected) => {
    expect(defaultGrid(n)).toEqual(expected);
  });
});
