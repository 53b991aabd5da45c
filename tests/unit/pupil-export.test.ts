/** The one-pupil export (shape, file name) and the sparkline's geometry. */
import { describe, expect, it } from 'vitest';
import type { PupilTimelineData } from '../../src/db/repo/pupilPage';
import type { ClassRecord, LensRecord, LessonRecord, PupilRecord } from '../../src/model/types';
import {
  buildPupilExport,
  nameSlug,
  pupilExportFileName,
  pupilExportJson,
} from '../../src/features/pupil/exportPupil';
import { plotSeries } from '../../src/features/pupil/Sparkline';

const stamps = { createdAt: '2025-03-01T08:00:00.000Z', updatedAt: '2025-03-01T08:00:00.000Z' };
const cls: ClassRecord = {
  id: 'c1',
  name: 'Groep 7',
  schoolType: 'primary',
  yearLabel: 'groep 7',
  seating: { rows: 1, cols: 2 },
  hiddenKinds: ['help'],
  archivedAt: null,
  deletedAt: null,
  isDemo: false,
  expectationScale: { kind: 'relative5' },
  ...stamps,
};
const lens: LensRecord = {
  id: 'lens1',
  classId: 'c1',
  name: 'Thuistaal',
  values: [
    { id: 'v1', label: 'Nederlands' },
    { id: 'v2', label: 'Andere taal' },
  ],
  order: 0,
  deletedAt: null,
  ...stamps,
};
const pupil: PupilRecord = {
  id: 'p1',
  classId: 'c1',
  name: 'Zoë van Dijk',
  seat: { row: 0, col: 0 },
  lensValues: { lens1: 'v2' },
  removedAt: null,
  ...stamps,
};
const lesson = (id: string, date: string): LessonRecord => ({
  id,
  classId: 'c1',
  date,
  startTime: '09:00',
  endTime: null,
  topic: 'Breuken',
  endedAt: null,
  deletedAt: null,
  ...stamps,
});

const data: PupilTimelineData = {
  pupil,
  cls,
  lenses: [lens],
  lessons: [lesson('L2', '2025-03-05'), lesson('L1', '2025-03-03'), lesson('L3', '2025-03-07')],
  events: [
    {
      id: 'e2',
      classId: 'c1',
      lessonId: 'L2',
      pupilId: 'p1',
      kind: 'praise',
      date: '2025-03-05',
      at: null,
      loggedAfter: true,
      ...stamps,
    },
    {
      id: 'e1',
      classId: 'c1',
      lessonId: 'L1',
      pupilId: 'p1',
      kind: 'turn',
      date: '2025-03-03',
      at: null,
      loggedAfter: true,
      ...stamps,
    },
  ],
  absences: [],
  banking: [],
  expectations: [],
  achievements: [],
  relationships: [
    {
      id: 'r1',
      classId: 'c1',
      pupilId: 'p1',
      date: '2025-03-03',
      closeness: 4,
      conflict: 1,
      dependency: 2,
      note: '<b>stil</b>',
      ...stamps,
    },
  ],
};

describe('buildPupilExport', () => {
  const now = new Date(2025, 2, 12, 15, 30);
  const file = buildPupilExport(data, now, '1.2.3');

  it('names its format, version, app version and moment', () => {
    expect(file).toMatchObject({
      format: 'spiegel-pupil',
      formatVersion: 1,
      appVersion: '1.2.3',
      exportedAt: now.toISOString(),
    });
  });

  it('holds the class name, the pupil and the lens values in words', () => {
    expect(file.class).toEqual({
      id: 'c1',
      name: 'Groep 7',
      yearLabel: 'groep 7',
      schoolType: 'primary',
      expectationScale: { kind: 'relative5' },
    });
    expect(file.pupil).toEqual(pupil);
    expect(file.lenses).toEqual([{ lens: 'Thuistaal', value: 'Andere taal' }]);
  });

  it('holds every record, by date, and only the lessons they refer to', () => {
    expect(file.events.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(file.lessons.map((l) => l.id)).toEqual(['L1', 'L2']);
    expect(file.relationships[0]?.note).toBe('<b>stil</b>');
    expect(file.banking).toEqual([]);
  });

  it('round-trips through JSON unchanged', () => {
    expect(JSON.parse(pupilExportJson(file))).toEqual(file);
  });
});

describe('pupilExportFileName', () => {
  const now = new Date(2025, 2, 9, 23, 59);
  it.each([
    ['Zoë van Dijk', 'spiegel-zoe-van-dijk-2025-03-09.json'],
    ['  Ayoub  ', 'spiegel-ayoub-2025-03-09.json'],
    ["D'Angelo O'Neil", 'spiegel-d-angelo-o-neil-2025-03-09.json'],
    ['李', 'spiegel-pupil-2025-03-09.json'],
    ['../../etc', 'spiegel-etc-2025-03-09.json'],
  ])('%s → %s', (name, expected) => {
    expect(pupilExportFileName(name, now)).toBe(expected);
  });

  it('keeps a slug at most 40 characters, without a trailing dash', () => {
    const slug = nameSlug('abcdefghij '.repeat(6));
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).toBe('abcdefghij-abcdefghij-abcdefghij-abcdefg');
  });
});

describe('plotSeries', () => {
  it('draws a line through present lessons and breaks it at an absence', () => {
    const plot = plotSeries([
      { lessonId: 'a', date: '2025-03-03', total: 2, absent: false },
      { lessonId: 'b', date: '2025-03-04', total: 4, absent: false },
      { lessonId: 'c', date: '2025-03-05', total: 0, absent: true },
      { lessonId: 'd', date: '2025-03-06', total: 0, absent: false },
    ]);
    // x: 8 + i * 304 / 3; y: 64 - total / 4 * 56; absent on the bottom line at y = 68.
    expect(plot.max).toBe(4);
    expect(plot.path).toBe('M8.0 36.0 L109.3 8.0 M312.0 64.0');
    expect(plot.dots.map((d) => [d.key, d.absent, Math.round(d.y)])).toEqual([
      ['a', false, 36],
      ['b', false, 8],
      ['c', true, 68],
      ['d', false, 64],
    ]);
  });

  it('centres a single lesson', () => {
    const plot = plotSeries([{ lessonId: 'a', date: '2025-03-03', total: 0, absent: false }]);
    expect(plot.path).toBe('M160.0 64.0');
  });
});
