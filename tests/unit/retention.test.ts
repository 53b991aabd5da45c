import { describe, expect, it } from 'vitest';
import {
  oneYearAfter,
  retentionReason,
  schoolYearStart,
  type RetentionClass,
} from '../../src/domain/retention';

const local = (iso: string, time = '12:00') => new Date(`${iso}T${time}:00`);

describe('schoolYearStart', () => {
  it.each([
    ['2025-07-31', '2024-08-01'],
    ['2025-08-01', '2025-08-01'],
    ['2025-12-31', '2025-08-01'],
    ['2026-01-01', '2025-08-01'],
  ])('%s → %s', (today, start) => expect(schoolYearStart(today)).toBe(start));
});

describe('oneYearAfter', () => {
  it.each([
    ['2024-03-15', '2025-03-15'],
    ['2024-02-29', '2025-03-01'],
    ['2024-12-31', '2025-12-31'],
  ])('%s → %s', (date, after) => expect(oneYearAfter(date)).toBe(after));
});

const base: RetentionClass = {
  id: 'c',
  isDemo: false,
  createdAt: local('2024-09-01').toISOString(),
  archivedAt: null,
  lastLessonDate: '2025-06-30',
};

describe('retentionReason', () => {
  it.each<[string, Partial<RetentionClass>, string, ReturnType<typeof retentionReason>]>([
    ['a class in use this school year', { lastLessonDate: '2025-09-10' }, '2025-10-01', null],
    ['last lesson before the summer, still July', {}, '2025-07-31', null],
    ['last lesson before the summer, from 1 August', {}, '2025-08-01', 'newSchoolYear'],
    ['last lesson on 1 August itself', { lastLessonDate: '2025-08-01' }, '2025-08-02', null],
    ['no lessons, made last school year', { lastLessonDate: null }, '2025-08-01', 'newSchoolYear'],
    [
      'no lessons, made this school year',
      { lastLessonDate: null, createdAt: local('2025-08-20').toISOString() },
      '2025-09-01',
      null,
    ],
    [
      'archived 11 months ago, lessons this year',
      { archivedAt: local('2025-01-15').toISOString(), lastLessonDate: '2025-01-10' },
      '2025-07-14',
      null,
    ],
    [
      'archived exactly 12 months ago',
      { archivedAt: local('2024-07-14').toISOString(), lastLessonDate: '2024-07-10' },
      '2025-07-14',
      'archivedYear',
    ],
    [
      'archived a year ago wins over the new school year',
      { archivedAt: local('2024-06-01').toISOString() },
      '2025-08-15',
      'archivedYear',
    ],
    ['the demo class never', { isDemo: true, lastLessonDate: '2020-01-01' }, '2025-08-15', null],
  ])('%s', (_name, patch, today, expected) => {
    expect(retentionReason({ ...base, ...patch }, local(today))).toBe(expected);
  });
});
