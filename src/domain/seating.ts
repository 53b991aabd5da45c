/**
 * Seating-plan arithmetic (pure). Seats are (row, col) inside a rows × cols grid; empty seats
 * are allowed, as in a real classroom.
 */
import type { Seat } from '../db/types';

export interface Grid {
  rows: number;
  cols: number;
}

export const seatKey = (s: Seat): string => `${s.row}:${s.col}`;

/**
 * The first `count` free seats in reading order (front row first, left to right). When the
 * grid is full, rows are added below; the returned grid is the (possibly grown) grid.
 */
export function nextFreeSeats(
  occupied: readonly Seat[],
  grid: Grid,
  count: number,
): { seats: Seat[]; grid: Grid } {
  const taken = new Set(occupied.map(seatKey));
  const seats: Seat[] = [];
  let rows = Math.max(1, grid.rows);
  const cols = Math.max(1, grid.cols);
  for (let row = 0; seats.length < count; row++) {
    if (row >= rows) rows = row + 1;
    for (let col = 0; col < cols && seats.length < count; col++) {
      const seat = { row, col };
      if (!taken.has(seatKey(seat))) seats.push(seat);
    }
  }
  return { seats, grid: { rows, cols } };
}

/** A default grid for n pupils: 6 columns (three double desks), enough rows. */
export function defaultGrid(n: number): Grid {
  const cols = 6;
  return { rows: Math.max(1, Math.ceil(n / cols)), cols };
}
