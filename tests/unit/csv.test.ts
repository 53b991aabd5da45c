import { describe, expect, it } from 'vitest';
import {
  csvCell,
  csvFileName,
  csvRows,
  toCsv,
  type CsvLabels,
  type CsvSource,
} from '../../src/db/backup/csv';
import type { ClassRecord, PupilRecord } from '../../src/model/types';

describe('csvCell', () => {
  it.each([
    ['plain', 'Ayoub', 'Ayoub'],
    ['empty', '', ''],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['a number', 7.5, '7.5'],
    ['zero', 0, '0'],
    ['a boolean', true, 'true'],
    ['a comma', 'Jansen, Piet', '"Jansen, Piet"'],
    ['a semicolon', 'a;b', '"a;b"'],
    ['quotes', 'zei "hoi"', '"zei ""hoi"""'],
    ['a newline', 'regel 1\nregel 2', '"regel 1\nregel 2"'],
    ['a CRLF', 'a\r\nb', '"a\r\nb"'],
    ['formula =', '=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['formula +', '+31 6 1234', "'+31 6 1234"],
    ['formula -', '-2+3', "'-2+3"],
    ['formula @', '@cmd', "'@cmd"],
    ['formula after a tab', '\t=1', "'\t=1"],
    ['formula with a comma is also quoted', '=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'],
    ['markup stays text', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['a = later in the text is fine', 'a=b', 'a=b'],
    ['a negative number stays a number', -3, '-3'],
    ['unicode', 'Zeynep Çelik', 'Zeynep Çelik'],
  ] as const)('%s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('quotes the chosen delimiter', () => {
    expect(csvCell('a|b', '|')).toBe('"a|b"');
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends lines with CRLF', () => {
    expect(
      toCsv([
        ['date', 'pupil'],
        ['2025-01-06', 'Sanne, K.'],
      ]),
    ).toBe('\uFEFFdate,pupil\r\n2025-01-06,"Sanne, K."\r\n');
  });

  it('uses a semicolon for Dutch spreadsheets', () => {
    expect(toCsv([['a', 'b;c', 1]], ';')).toBe('\uFEFFa;"b;c";1\r\n');
  });
});

const T = '2025-01-06T08:00:00.000Z';
const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const cls = (n: number, name: string, patch: Partial<ClassRecord> = {}): ClassRecord => ({
  id: uid(n),
  name,
  schoolType: 'secondary',
  yearLabel: '',
  seating: { rows: 4, cols: 6 },
  hiddenKinds: [],
  archivedAt: null,
  deletedAt: null,
  isDemo: false,
  expectationScale: { kind: 'relative5' },
  createdAt: T,
  updatedAt: T,
  ...patch,
});
const pupil = (n: number, classN: number, name: string): PupilRecord => ({
  id: uid(n),
  classId: uid(classN),
  name,
  seat: null,
  lensValues: {},
  removedAt: null,
  createdAt: T,
  updatedAt: T,
});

function source(): CsvSource {
  return {
    classes: [
      cls(1, '7b'),
      cls(2, '3 havo', {
        expectationScale: { kind: 'levels', levels: ['vmbo-gt', 'havo', 'vwo'] },
      }),
      cls(3, 'Deleted', { deletedAt: T }),
    ],
    pupils: [
      pupil(11, 1, 'Sanne'),
      pupil(12, 1, '=Ayoub'),
      pupil(21, 2, 'Daan'),
      pupil(31, 3, 'Gone'),
    ],
    lessons: [
      {
        id: uid(41),
        classId: uid(1),
        date: '2025-01-06',
        startTime: '08:30',
        endTime: null,
        topic: 'Breuken, deel 1',
        endedAt: null,
        deletedAt: null,
        createdAt: T,
        updatedAt: T,
      },
      {
        id: uid(42),
        classId: uid(1),
        date: '2025-01-07',
        startTime: '09:30',
        endTime: null,
        topic: '',
        endedAt: null,
        deletedAt: T,
        createdAt: T,
        updatedAt: T,
      },
    ],
    events: [
      {
        id: uid(51),
        classId: uid(1),
        lessonId: uid(41),
        pupilId: uid(11),
        kind: 'turn',
        date: '2025-01-06',
        at: null,
        loggedAfter: true,
        initiative: 'volunteered',
        waitTime: true,
        createdAt: T,
        updatedAt: T,
      },
      {
        id: uid(52),
        classId: uid(1),
        lessonId: uid(42),
        pupilId: uid(11),
        kind: 'praise',
        date: '2025-01-07',
        at: null,
        loggedAfter: true,
        createdAt: T,
        updatedAt: T,
      },
    ],
    expectations: [
      {
        id: uid(61),
        classId: uid(2),
        pupilId: uid(21),
        date: '2025-01-03',
        value: 2,
        confidence: 'very',
        createdAt: T,
        updatedAt: T,
      },
      {
        id: uid(62),
        classId: uid(1),
        pupilId: uid(12),
        date: '2025-01-02',
        value: 4,
        confidence: null,
        createdAt: T,
        updatedAt: T,
      },
      {
        id: uid(63),
        classId: uid(3),
        pupilId: uid(31),
        date: '2025-01-02',
        value: 1,
        confidence: null,
        createdAt: T,
        updatedAt: T,
      },
    ],
    achievements: [
      {
        id: uid(71),
        classId: uid(2),
        pupilId: uid(21),
        label: 'Toets H1',
        date: '2025-01-10',
        scoreType: 'level',
        score: 1,
        createdAt: T,
        updatedAt: T,
      },
      {
        id: uid(72),
        classId: uid(1),
        pupilId: uid(11),
        label: '-rekentoets',
        date: '2025-01-09',
        scoreType: 'grade',
        score: 6.5,
        createdAt: T,
        updatedAt: T,
      },
    ],
    relationships: [
      {
        id: uid(81),
        classId: uid(1),
        pupilId: uid(11),
        date: '2025-01-05',
        closeness: 4,
        conflict: 1,
        dependency: 2,
        note: 'Lacht veel;\n"vraagt" door',
        createdAt: T,
        updatedAt: T,
      },
    ],
  };
}

describe('csvRows', () => {
  it('events: names resolved, deleted lessons and classes left out, qualifiers filled', () => {
    expect(csvRows('events', source())).toEqual([
      [
        'date',
        'time',
        'class',
        'pupil',
        'kind',
        'initiative',
        'questionLevel',
        'waitTime',
        'praiseType',
        'audience',
        'loggedAfter',
        'lessonStart',
        'lessonTopic',
      ],
      [
        '2025-01-06',
        '',
        '7b',
        'Sanne',
        'turn',
        'volunteered',
        '',
        'true',
        '',
        '',
        'true',
        '08:30',
        'Breuken, deel 1',
      ],
    ]);
  });

  it('expectations: sorted by date, the level name for a levels class, relative label otherwise', () => {
    const labels: CsvLabels = {
      header: (_k, c) => c.toUpperCase(),
      value: (group, v) => `${group}:${v}`,
    };
    expect(csvRows('expectations', source(), labels)).toEqual([
      ['DATE', 'CLASS', 'PUPIL', 'VALUE', 'VALUELABEL', 'CONFIDENCE'],
      ['2025-01-02', '7b', '=Ayoub', 4, 'relative5:4', ''],
      ['2025-01-03', '3 havo', 'Daan', 2, 'vwo', 'confidence:very'],
    ]);
  });

  it('achievements and relationships', () => {
    expect(csvRows('achievements', source()).slice(1)).toEqual([
      ['2025-01-09', '7b', 'Sanne', '-rekentoets', 'grade', 6.5, ''],
      ['2025-01-10', '3 havo', 'Daan', 'Toets H1', 'level', 1, 'havo'],
    ]);
    expect(csvRows('relationships', source()).slice(1)).toEqual([
      ['2025-01-05', '7b', 'Sanne', 4, 1, 2, 'Lacht veel;\n"vraagt" door', '', ''],
    ]);
  });

  it('the whole file: a formula-like name is neutralised, a note with newlines quoted', () => {
    const text = toCsv(csvRows('expectations', source()), ';');
    expect(text.split('\r\n')[1]).toBe("2025-01-02;7b;'=Ayoub;4;4;");
    expect(toCsv(csvRows('relationships', source()), ';')).toContain(
      '\r\n2025-01-05;7b;Sanne;4;1;2;"Lacht veel;\n""vraagt"" door";;\r\n',
    );
  });

  it('file names', () => {
    expect(csvFileName('events', new Date(2025, 0, 6))).toBe('spiegel-events-2025-01-06.csv');
  });
});
