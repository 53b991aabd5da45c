/**
 * The one date module. A `Date` (the clock, always passed in) becomes a local calendar day or
 * clock time; calendar arithmetic on `YYYY-MM-DD` strings runs in UTC so no time zone can shift a
 * day. ISO 8601 weeks start on Monday; week 1 holds the year's first Thursday.
 */
import type { IsoDate } from '../model/types';

/** The local calendar day of a moment, `YYYY-MM-DD`. */
export function toIsoDate(d: Date): IsoDate {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** The local clock time of a moment, `HH:MM`. */
export function toClockTime(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * A clock time `HH:MM` plus some minutes, or null when it is not a clock time or the sum passes
 * midnight (a lesson does not run into the next day).
 */
export function addMinutesToClock(time: string, minutes: number): string | null {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) return null;
  const total = Number(m[1]) * 60 + Number(m[2]) + minutes;
  if (Number(m[1]) > 23 || Number(m[2]) > 59 || total >= 24 * 60 || total < 0) return null;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

const DAY = 86_400_000;

function parts(date: IsoDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

function toUtc(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): IsoDate {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY);
}

/** Whole days from `from` to `to`, negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY);
}

/** The date part of an ISO date-time (or of a date). */
export function dateOf(dateTime: string): IsoDate {
  return dateTime.slice(0, 10);
}

/** ISO week as `YYYY-Www` with its Monday and Sunday. */
export function isoWeek(date: IsoDate): { key: string; from: IsoDate; to: IsoDate } {
  const t = toUtc(date);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = t - weekday * DAY;
  const thursday = monday + 3 * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return {
    key: `${year}-W${String(week).padStart(2, '0')}`,
    from: fromUtc(monday),
    to: fromUtc(monday + 6 * DAY),
  };
}

/** Calendar month as `YYYY-MM` with its first and last day. */
export function isoMonth(date: IsoDate): { key: string; from: IsoDate; to: IsoDate } {
  const [y, m] = parts(date);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const key = `${y}-${String(m).padStart(2, '0')}`;
  return { key, from: `${key}-01`, to: `${key}-${String(last).padStart(2, '0')}` };
}
