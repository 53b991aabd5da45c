/**
 * Seating-plan arithmetic (pure). Seats are (row, col) inside a rows × cols grid; empty seats
 * are allowed, as in a real classroom. Row 0 is the front row (nearest the board), col 0 the
 * leftmost seat as drawn on screen.
 */
import type { Seat } from '../model/types';

export interface Grid {
  rows: number;
  cols: number;
}

/** The smallest and largest number of rows or columns a class grid may have. */
export const GRID_MIN = 1;
export const GRID_MAX = 12;

/** Anything with an id and a seat: a pupil record, or a light-weight stand-in in tests. */
export interface Seated {
  id: string;
  seat: Seat | null;
}

/** One pupil's new seat, produced by a move, resize or arrangement. */
export interface SeatChange {
  id: string;
  seat: Seat | null;
}

export const seatKey = (s: Seat): string => `${s.row}:${s.col}`;

export const sameSeat = (a: Seat | null, b: Seat | null): boolean =>
  a !== null && b !== null && a.row === b.row && a.col === b.col;

export function isInGrid(seat: Seat, grid: Grid): boolean {
  return (
    Number.isInteger(seat.row) &&
    Number.isInteger(seat.col) &&
    seat.row >= 0 &&
    seat.col >= 0 &&
    seat.row < grid.rows &&
    seat.col < grid.cols
  );
}

export function isValidGridSize(n: number): boolean {
  return Number.isInteger(n) && n >= GRID_MIN && n <= GRID_MAX;
}

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

/** Orders seats front row first, left to right. */
export function compareSeats(a: Seat, b: Seat): number {
  return a.row - b.row || a.col - b.col;
}

/** Free seats inside the grid (no growing), in reading order. */
function freeSeatsInGrid(occupied: readonly Seat[], grid: Grid): Seat[] {
  const taken = new Set(occupied.map(seatKey));
  const free: Seat[] = [];
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++) {
      if (!taken.has(seatKey({ row, col }))) free.push({ row, col });
    }
  }
  return free;
}

export type MoveResult =
  { ok: true; changes: SeatChange[] } | { ok: false; reason: 'unknownPupil' | 'outsideGrid' };

/**
 * Moves a pupil to a seat. When another pupil sits there, the two swap; if the mover had no
 * seat, the displaced pupil takes the first free seat (or none when the grid is full).
 * Only pupils whose seat changes are in `changes`; moving onto one's own seat changes nothing.
 */
export function moveToSeat(
  pupils: readonly Seated[],
  pupilId: string,
  target: Seat,
  grid: Grid,
): MoveResult {
  const mover = pupils.find((p) => p.id === pupilId);
  if (!mover) return { ok: false, reason: 'unknownPupil' };
  if (!isInGrid(target, grid)) return { ok: false, reason: 'outsideGrid' };
  if (sameSeat(mover.seat, target)) return { ok: true, changes: [] };
  const to = { row: target.row, col: target.col };
  const occupant = pupils.find((p) => p.id !== pupilId && sameSeat(p.seat, target));
  const changes: SeatChange[] = [{ id: mover.id, seat: to }];
  if (occupant) {
    let seatForOccupant: Seat | null = mover.seat && isInGrid(mover.seat, grid) ? mover.seat : null;
    if (!seatForOccupant) {
      const others = pupils
        .filter((p) => p.id !== mover.id && p.id !== occupant.id && p.seat)
        .map((p) => p.seat as Seat);
      seatForOccupant = freeSeatsInGrid([...others, to], grid)[0] ?? null;
    }
    changes.push({ id: occupant.id, seat: seatForOccupant ? { ...seatForOccupant } : null });
  }
  return { ok: true, changes };
}

export type ResizeResult =
  | { ok: true; grid: Grid; changes: SeatChange[] }
  | { ok: false; reason: 'invalidSize' }
  | { ok: false; reason: 'tooSmall'; needed: number; available: number };

/**
 * Resizes the grid without losing anyone: pupils whose seat falls outside the new grid move
 * to free seats inside it (in their old reading order). Refused when the seated pupils do not
 * fit. Pupils without a seat stay without one.
 */
export function resizeSeating(pupils: readonly Seated[], to: Grid): ResizeResult {
  if (!isValidGridSize(to.rows) || !isValidGridSize(to.cols)) {
    return { ok: false, reason: 'invalidSize' };
  }
  const grid = { rows: to.rows, cols: to.cols };
  const seated = pupils.filter((p): p is Seated & { seat: Seat } => p.seat !== null);
  const available = grid.rows * grid.cols;
  if (seated.length > available) {
    return { ok: false, reason: 'tooSmall', needed: seated.length, available };
  }
  // A pupil keeps an inside seat unless someone earlier already holds it (corrupt duplicates).
  const keep = new Set<string>();
  const kept: Seat[] = [];
  const displaced: Array<Seated & { seat: Seat }> = [];
  for (const p of [...seated].sort((a, b) => compareSeats(a.seat, b.seat))) {
    if (isInGrid(p.seat, grid) && !keep.has(seatKey(p.seat))) {
      keep.add(seatKey(p.seat));
      kept.push(p.seat);
    } else displaced.push(p);
  }
  const free = freeSeatsInGrid(kept, grid);
  const changes = displaced.map((p, i) => ({ id: p.id, seat: free[i] as Seat }));
  return { ok: true, grid, changes };
}

/** Compares names the way a Dutch teacher expects ("de Vries" near "Daan", ignoring case). */
export function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'nl', { sensitivity: 'base', numeric: true });
}

/**
 * Seats everyone alphabetically in reading order (front row first), adding rows below when the
 * grid has too few seats. Only pupils whose seat changes are in `changes`.
 */
export function arrangeAlphabetically<P extends Seated & { name: string }>(
  pupils: readonly P[],
  grid: Grid,
): { grid: Grid; changes: SeatChange[] } {
  const sorted = [...pupils].sort((a, b) => compareNames(a.name, b.name) || (a.id < b.id ? -1 : 1));
  const { seats, grid: grown } = nextFreeSeats([], grid, sorted.length);
  const changes: SeatChange[] = [];
  sorted.forEach((p, i) => {
    const seat = seats[i] as Seat;
    if (!sameSeat(p.seat, seat)) changes.push({ id: p.id, seat });
  });
  return { grid: grown, changes };
}

/**
 * Lays pupils out as rows of cells, as the teacher sees the classroom (row 0 = front). Cells
 * without a pupil are `null` (an empty seat). Pupils without a seat, outside the grid, or on a
 * seat someone earlier in the list already holds, follow in extra rows of at most `cols` cells;
 * the last extra row is not padded.
 */
export function layoutSeats<P extends Seated>(
  pupils: readonly P[],
  grid: Grid,
): Array<Array<P | null>> {
  const rows = Math.max(0, grid.rows);
  const cols = Math.max(1, grid.cols);
  const cells: Array<Array<P | null>> = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => null),
  );
  const rest: P[] = [];
  for (const p of pupils) {
    const row = p.seat && isInGrid(p.seat, { rows, cols }) ? cells[p.seat.row] : undefined;
    if (row && p.seat && row[p.seat.col] === null) row[p.seat.col] = p;
    else rest.push(p);
  }
  for (let i = 0; i < rest.length; i += cols) cells.push(rest.slice(i, i + cols));
  return cells;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/** The neighbouring seat in a direction ("up" is towards the board), or null at the edge. */
export function neighbourSeat(seat: Seat, direction: Direction, grid: Grid): Seat | null {
  const next =
    direction === 'up'
      ? { row: seat.row - 1, col: seat.col }
      : direction === 'down'
        ? { row: seat.row + 1, col: seat.col }
        : direction === 'left'
          ? { row: seat.row, col: seat.col - 1 }
          : { row: seat.row, col: seat.col + 1 };
  return isInGrid(next, grid) ? next : null;
}
