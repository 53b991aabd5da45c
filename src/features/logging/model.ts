/** Pure helpers of the logging screens (no DOM, no database): times, grid navigation. */
import { toClockTime, toIsoDate } from '../../domain/dates';

/** A lesson lasts 50 minutes unless the teacher says otherwise. */
export const DEFAULT_LESSON_MINUTES = 50;

/** `HH:MM` plus minutes, kept within the same day (null when nothing later is left). */
export function addMinutes(clock: string, minutes: number): string | null {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  const total = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  if (total <= h * 60 + m) return null;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The start form's defaults: today, now, and now + 50 minutes. */
export function defaultLessonTimes(now: Date): {
  date: string;
  startTime: string;
  endTime: string;
} {
  const startTime = toClockTime(now);
  return {
    date: toIsoDate(now),
    startTime,
    endTime: addMinutes(startTime, DEFAULT_LESSON_MINUTES) ?? '',
  };
}

export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

export function isArrowKey(key: string): key is ArrowKey {
  return key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight';
}

/**
 * The next occupied cell from (row, col) in a direction, jumping over empty seats; null at the
 * edge. Rows may differ in length (the extra rows of unseated pupils).
 */
export function findNeighbour<T>(
  cells: ReadonlyArray<ReadonlyArray<T | null>>,
  row: number,
  col: number,
  key: ArrowKey,
): { row: number; col: number } | null {
  const dr = key === 'ArrowUp' ? -1 : key === 'ArrowDown' ? 1 : 0;
  const dc = key === 'ArrowLeft' ? -1 : key === 'ArrowRight' ? 1 : 0;
  const width = Math.max(0, ...cells.map((r) => r.length));
  let r = row + dr;
  let c = col + dc;
  while (r >= 0 && r < cells.length && c >= 0 && c < width) {
    if (cells[r]?.[c] != null) return { row: r, col: c };
    r += dr;
    c += dc;
  }
  return null;
}

/**
 * Home/End: the first or last occupied cell of `row`, or of the whole grid when `row` is null
 * (Ctrl+Home/End). Null when there is none.
 */
export function findRowEdge<T>(
  cells: ReadonlyArray<ReadonlyArray<T | null>>,
  row: number | null,
  first: boolean,
): { row: number; col: number } | null {
  const rows = row === null ? cells.map((_, i) => i) : [row];
  if (!first) rows.reverse();
  for (const r of rows) {
    const line = cells[r] ?? [];
    const cols = line.map((_, i) => i);
    if (!first) cols.reverse();
    for (const c of cols) if (line[c] != null) return { row: r, col: c };
  }
  return null;
}
