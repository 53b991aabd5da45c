import { describe, expect, it } from 'vitest';
import { addMinutesToClock } from '../../src/domain/dates';
import { isCalendarDate } from '../../src/domain/schemaParts';

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true], // a leap year
    ['2023-02-29', false],
    ['2100-02-29', false], // a century, not a leap year
    ['2000-02-29', true], // every 400 years it is
    ['2024-02-30', false],
    ['2024-04-31', false],
    ['2024-12-31T23:59:59.999Z', true], // only the date part counts
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-1-5', true], // the regex before it checks the form
    ['abcd-ef-gh', false],
    ['0050-01-01', false], // years below 100: never accepted
    ['9999-12-31', true],
  ])('%s → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it('agrees with a date built by Date.UTC for every day of four years and some impossible ones', () => {
    const viaDate = (value: string) => {
      const [y, m, d] = value.slice(0, 10).split('-').map(Number);
      const date = new Date(Date.UTC(y!, m! - 1, d));
      return (
        date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d
      );
    };
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    for (const y of [1900, 2000, 2023, 2024, 2100]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const value = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T08:00:00Z`;
          expect(isCalendarDate(value), value).toBe(viaDate(value));
        }
      }
    }
  });
});

describe('addMinutesToClock', () => {
  it.each([
    ['09:00', 50, '09:50'],
    ['10:15', 50, '11:05'],
    ['23:09', 50, '23:59'],
    ['23:10', 50, null],
    ['00:00', 0, '00:00'],
    ['9:00', 50, null],
    ['24:00', 5, null],
    ['12:60', 5, null],
    ['', 50, null],
  ])('%s + %i min = %s', (time, minutes, expected) => {
    expect(addMinutesToClock(time, minutes)).toBe(expected);
  });
});
