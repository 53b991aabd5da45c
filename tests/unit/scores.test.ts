import { describe, expect, it } from 'vitest';
import type { ScoreType } from '../../src/model/types';
import {
  checkScore,
  levelPosition,
  matchColumn,
  parseScore,
  parseScoreColumn,
  positionInClass,
  positionsByPupil,
  scoreRule,
  summarise,
  type ScoreParse,
} from '../../src/domain/scores';

const LEVELS = ['vmbo-b', 'vmbo-k', 'vmbo-gt', 'havo', 'vwo'];
const ok = (value: number): ScoreParse => ({ kind: 'ok', value });
const bad = (code: string): ScoreParse => ({ kind: 'invalid', code }) as ScoreParse;
const EMPTY: ScoreParse = { kind: 'empty' };

describe('parseScore', () => {
  const cases: Array<[ScoreType, string, ScoreParse]> = [
    // Grades: 1–10, one decimal, comma or point.
    ['grade', '6,5', ok(6.5)],
    ['grade', '6.5', ok(6.5)],
    ['grade', ' 7 ', ok(7)],
    ['grade', '10', ok(10)],
    ['grade', '10,0', ok(10)],
    ['grade', '1', ok(1)],
    ['grade', '5,50', ok(5.5)],
    ['grade', '0,9', bad('outOfRange')],
    ['grade', '10,1', bad('outOfRange')],
    ['grade', '11', bad('outOfRange')],
    ['grade', '-3', bad('outOfRange')],
    ['grade', '6,75', bad('tooPrecise')],
    ['grade', 'zes', bad('notNumber')],
    ['grade', '6-', bad('notNumber')],
    ['grade', '6,5,1', bad('notNumber')],
    ['grade', ',5', bad('notNumber')],
    ['grade', '6 5', bad('notNumber')],
    ['grade', '', EMPTY],
    ['grade', '   ', EMPTY],
    ['grade', '\u00a07,5\t', ok(7.5)],
    // Percentages: 0–100, one decimal, an optional % sign.
    ['percentage', '0', ok(0)],
    ['percentage', '100', ok(100)],
    ['percentage', '87,5', ok(87.5)],
    ['percentage', '85%', ok(85)],
    ['percentage', '85 %', ok(85)],
    ['percentage', '100,5', bad('outOfRange')],
    ['percentage', '66,67', bad('tooPrecise')],
    // Percentiles: 0–100, whole numbers.
    ['percentile', '1', ok(1)],
    ['percentile', '99', ok(99)],
    ['percentile', '0', ok(0)],
    ['percentile', '100', ok(100)],
    ['percentile', '101', bad('outOfRange')],
    ['percentile', '50,5', bad('notWhole')],
    ['percentile', '50,0', ok(50)],
    ['percentile', '50%', bad('notNumber')],
    // Levels: by name, ignoring case and accents; the stored value is the index.
    ['level', 'vmbo-b', ok(0)],
    ['level', 'HAVO', ok(3)],
    ['level', ' vwo ', ok(4)],
    ['level', 'gymnasium', bad('unknownLevel')],
    ['level', '3', bad('unknownLevel')],
    ['level', '', EMPTY],
  ];
  it.each(cases)('%s %j → %j', (type, raw, expected) => {
    expect(parseScore(raw, type, LEVELS)).toEqual(expected);
  });

  it('a level cannot be read when the class has no levels', () => {
    expect(parseScore('havo', 'level', [])).toEqual(bad('noLevels'));
  });
});

describe('checkScore (stored numbers)', () => {
  const cases: Array<[ScoreType, number, number, string | null]> = [
    ['grade', 6.5, 0, null],
    ['grade', 1, 0, null],
    ['grade', 10, 0, null],
    ['grade', 0.9, 0, 'outOfRange'],
    ['grade', 10.5, 0, 'outOfRange'],
    ['grade', 6.55, 0, 'tooPrecise'],
    ['grade', Number.NaN, 0, 'notNumber'],
    ['grade', Number.POSITIVE_INFINITY, 0, 'notNumber'],
    ['percentage', 0, 0, null],
    ['percentage', 99.9, 0, null],
    ['percentage', 100.1, 0, 'outOfRange'],
    ['percentage', -1, 0, 'outOfRange'],
    ['percentile', 50, 0, null],
    ['percentile', 50.5, 0, 'notWhole'],
    ['level', 0, 5, null],
    ['level', 4, 5, null],
    ['level', 5, 5, 'unknownLevel'],
    ['level', -1, 5, 'unknownLevel'],
    ['level', 1.5, 5, 'unknownLevel'],
    ['level', 0, 0, 'noLevels'],
  ];
  it.each(cases)('%s %d (levels %d) → %s', (type, value, levels, expected) => {
    expect(checkScore(type, value, levels)).toBe(expected);
  });

  it('states the ranges', () => {
    expect(scoreRule('grade')).toEqual({ min: 1, max: 10, decimals: 1 });
    expect(scoreRule('percentile')).toEqual({ min: 0, max: 100, decimals: 0 });
    expect(scoreRule('level', 5)).toEqual({ min: 0, max: 4, decimals: 0 });
  });
});

describe('parseScoreColumn', () => {
  it('reads one value per line, keeps blank lines as "no result" and numbers the lines', () => {
    const column = parseScoreColumn('6,5\n\n7.2\r\nabc\r\n11\n8\n', 'grade');
    expect(column.lines.map((l) => [l.line, l.raw, l.result])).toEqual([
      [1, '6,5', ok(6.5)],
      [2, '', EMPTY],
      [3, '7.2', ok(7.2)],
      [4, 'abc', bad('notNumber')],
      [5, '11', bad('outOfRange')],
      [6, '8', ok(8)],
    ]);
    expect(column.invalid.map((l) => l.line)).toEqual([4, 5]);
  });

  it('drops blank lines at the end (a spreadsheet copies a final line break) but not at the start', () => {
    const column = parseScoreColumn('\n 5 \n\r\n  \n', 'grade');
    expect(column.lines.map((l) => l.result)).toEqual([EMPTY, ok(5)]);
  });

  it('an empty paste has no lines', () => {
    expect(parseScoreColumn('', 'grade').lines).toEqual([]);
    expect(parseScoreColumn('\n\n', 'percentage').lines).toEqual([]);
  });

  it('reads levels by name', () => {
    const column = parseScoreColumn('havo\nVWO\nmavo', 'level', LEVELS);
    expect(column.lines.map((l) => l.result)).toEqual([ok(3), ok(4), bad('unknownLevel')]);
  });
});

describe('matchColumn', () => {
  const pupils = ['Ayoub', 'Lotte', 'Sem'];
  it('pairs line n with the n-th pupil in seating order; a short column leaves the rest empty', () => {
    const match = matchColumn(parseScoreColumn('7\n\n', 'grade'), pupils);
    expect(match.rows.map((r) => [r.pupil, r.line?.line ?? null])).toEqual([
      ['Ayoub', 1],
      ['Lotte', null],
      ['Sem', null],
    ]);
    expect(match.extra).toEqual([]);
  });

  it('reports non-blank lines beyond the last pupil', () => {
    const match = matchColumn(parseScoreColumn('7\n8\n9\n\n6', 'grade'), pupils);
    expect(match.rows.map((r) => r.line?.raw)).toEqual(['7', '8', '9']);
    expect(match.extra.map((l) => [l.line, l.raw])).toEqual([[5, '6']]);
  });
});

describe('positionInClass (percentile rank, mid-rank ties)', () => {
  // (number below + half the number equal, itself included) / n
  const cases: Array<[number[], number[]]> = [
    [[7], [0.5]],
    [
      [5, 8],
      [0.25, 0.75],
    ],
    [
      [6, 9, 7],
      [1 / 6, 5 / 6, 3 / 6],
    ],
    // 4, 6, 6, 8: 4 → 0.5/4; each 6 → (1 + 1)/4; 8 → (3 + 0.5)/4
    [
      [6, 4, 8, 6],
      [0.5, 0.125, 0.875, 0.5],
    ],
    [
      [5, 5, 5],
      [0.5, 0.5, 0.5],
    ],
    [[], []],
  ];
  it.each(cases)('%j → %j', (values, expected) => {
    const got = positionInClass(values);
    expect(got).toHaveLength(expected.length);
    got.forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 12));
  });

  it('keys the positions by pupil', () => {
    const byPupil = positionsByPupil([
      { pupilId: 'a', score: 6.5 },
      { pupilId: 'b', score: 8 },
      { pupilId: 'c', score: 6.5 },
      { pupilId: 'd', score: 5 },
    ]);
    // 5 → 0.5/4; 6.5 twice → (1 + 1)/4; 8 → (3 + 0.5)/4
    expect([...byPupil]).toEqual([
      ['a', 0.5],
      ['b', 0.875],
      ['c', 0.5],
      ['d', 0.125],
    ]);
  });

  it('places a level on its scale, lowest 0 and highest 1', () => {
    expect(levelPosition(0, 5)).toBe(0);
    expect(levelPosition(3, 5)).toBe(0.75);
    expect(levelPosition(4, 5)).toBe(1);
    expect(levelPosition(0, 1)).toBe(0.5);
  });
});

describe('summarise', () => {
  const cases: Array<[number[], { count: number; mean: number | null; median: number | null }]> = [
    [[], { count: 0, mean: null, median: null }],
    [[7], { count: 1, mean: 7, median: 7 }],
    [[6, 8, 4], { count: 3, mean: 6, median: 6 }],
    [[5, 9, 6, 8], { count: 4, mean: 7, median: 7 }],
    [[5.5, 6.5, 10], { count: 3, mean: 22 / 3, median: 6.5 }],
  ];
  it.each(cases)('%j → %j', (values, expected) => {
    const got = summarise(values);
    expect(got.count).toBe(expected.count);
    expect(got.median).toBe(expected.median);
    if (expected.mean === null) expect(got.mean).toBeNull();
    else expect(got.mean).toBeCloseTo(expected.mean, 12);
  });
});
