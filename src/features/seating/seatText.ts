import type { PupilRecord, Seat } from '../../model/types';
import { t } from '../../i18n';

/** Rows and seats are counted from 1 for people (row 1 is the front row). */
export function seatPosition(seat: Seat): { row: number; seat: number } {
  return { row: seat.row + 1, seat: seat.col + 1 };
}

export function pupilSeatLabel(pupil: PupilRecord): string {
  return pupil.seat
    ? t('seating:seatPupil', { name: pupil.name, ...seatPosition(pupil.seat) })
    : t('seating:noSeat', { name: pupil.name });
}

/** "Sem moved to row 2, seat 3." for a pupil's new seat (or "has no seat for now"). */
export function movedText(name: string, seat: Seat | null): string {
  return seat
    ? t('seating:status.moved', { name, ...seatPosition(seat) })
    : t('seating:status.unseated', { name });
}
