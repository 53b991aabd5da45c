import { toIsoDate } from '../../domain/dates';

/** Twelve weeks up to today: long enough for patterns, short enough to talk about. */
export function defaultPeriod(now: Date): { from: string; to: string } {
  const start = new Date(now);
  start.setDate(start.getDate() - 83);
  return { from: toIsoDate(start), to: toIsoDate(now) };
}
