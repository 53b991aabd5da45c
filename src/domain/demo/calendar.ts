/** Calendar helpers for the demo (local dates; the clock is always passed in). */
import { toIsoDate } from '../dates';
import { LESSON_SLOTS } from './roster';

export type Slot = (typeof LESSON_SLOTS)[number];

export interface PlannedLesson {
  /** Local midnight of the lesson day. */
  day: Date;
  date: string;
  slot: Slot;
  topic: string;
  start: Date;
  end: Date;
}

export const addDaysToDate = (d: Date, n: number): Date =>
  new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

export const atTime = (day: Date, hhmm: string, plusMinutes = 0): Date => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, m + plusMinutes);
};

export const clock = (d: Date): string =>
  `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/** Monday of the week `d` falls in. */
export const mondayOf = (d: Date): Date => addDaysToDate(d, -((d.getDay() + 6) % 7));

/**
 * The last `count` lesson days strictly before `today` (four a week, per LESSON_SLOTS), in date
 * order. Topics rotate per slot.
 */
export function planLessons(today: Date, count: number): PlannedLesson[] {
  const days: { day: Date; slot: Slot }[] = [];
  for (let d = addDaysToDate(today, -1); days.length < count; d = addDaysToDate(d, -1)) {
    const slot = LESSON_SLOTS.find((s) => s.weekday === d.getDay());
    if (slot) days.push({ day: d, slot });
  }
  days.reverse();
  const seen = new Map<number, number>();
  return days.map(({ day, slot }) => {
    const n = seen.get(slot.weekday) ?? 0;
    seen.set(slot.weekday, n + 1);
    const start = atTime(day, slot.start);
    return {
      day,
      date: toIsoDate(day),
      slot,
      topic: slot.topics[n % slot.topics.length] ?? '',
      start,
      end: atTime(day, slot.start, slot.minutes),
    };
  });
}
