/**
 * Where in the room a kind goes: per row (front to back) or per column of the seating grid, the
 * share of the events against the share of the presences (the equity ratio of a part of the room).
 * Pure.
 */
import type { PupilShare } from '../../analysis';
import type { Id, Seat } from '../../model/types';
import { isInGrid, type Grid } from '../../domain/seating';

export interface SeatGroup {
  /** Row or column index, 0 = front row / leftmost column. */
  index: number;
  pupils: Id[];
  count: number;
  presences: number;
  /** count / total count; null when nothing was counted. */
  share: number | null;
  presenceShare: number | null;
  ratio: number | null;
  /** count / presences. */
  rate: number | null;
}

export function seatGroups(
  shares: readonly PupilShare[],
  seats: ReadonlyMap<Id, Seat | null>,
  grid: Grid,
  by: 'row' | 'col',
): SeatGroup[] {
  const size = by === 'row' ? grid.rows : grid.cols;
  const groups: SeatGroup[] = Array.from({ length: Math.max(0, size) }, (_, index) => ({
    index,
    pupils: [],
    count: 0,
    presences: 0,
    share: null,
    presenceShare: null,
    ratio: null,
    rate: null,
  }));
  let total = 0;
  let presences = 0;
  for (const p of shares) {
    const seat = seats.get(p.pupilId) ?? null;
    if (!seat || !isInGrid(seat, grid)) continue;
    const g = groups[by === 'row' ? seat.row : seat.col];
    if (!g) continue;
    g.pupils.push(p.pupilId);
    g.count += p.count;
    g.presences += p.presentLessons;
    total += p.count;
    presences += p.presentLessons;
  }
  for (const g of groups) {
    g.share = total > 0 ? g.count / total : null;
    g.presenceShare = presences > 0 ? g.presences / presences : null;
    g.ratio = g.share !== null && g.presenceShare ? g.share / g.presenceShare : null;
    g.rate = g.presences > 0 ? g.count / g.presences : null;
  }
  return groups.filter((g) => g.pupils.length > 0);
}
