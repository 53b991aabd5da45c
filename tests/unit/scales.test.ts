import { describe, expect, it } from 'vitest';
import type { ExpectationScale } from '../../src/model/types';
import {
  checkLevels,
  isRelationshipRating,
  isValidStep,
  LEVEL_PRESETS,
  parseLevelList,
  ratingRoundDue,
  RELATIVE_STEPS,
  scaleChoice,
  scaleLabels,
  scaleSize,
  sameScale,
  stepLabel,
} from '../../src/domain/scales';
import { daysBetween } from '../../src/domain/dates';

/** A stand-in for i18next: returns the key, so the test sees which key was asked for. */
const fakeT = (key: string) => `<${key}>`;
const levels = (...l: string[]): ExpectationScale => ({ kind: 'levels', levels: l });
const relative: ExpectationScale = { kind: 'relative5' };

describe('scale sizes and steps', () => {
  it.each([
    [relative, 5],
    [levels('a', 'b'), 2],
    [levels(...LEVEL_PRESETS.primary), 8],
  ])('scaleSize(%j) = %i', (scale, size) => {
    expect(scaleSize(scale)).toBe(size);
  });

  it.each([
    [relative, 0, true],
    [relative, 4, true],
    [relative, 5, false],
    [relative, -1, false],
    [relative, 2.5, false],
    [relative, Number.NaN, false],
    [levels('x', 'y', 'z'), 2, true],
    [levels('x', 'y', 'z'), 3, false],
  ])('isValidStep(%j, %d) = %s', (scale, value, ok) => {
    expect(isValidStep(scale, value)).toBe(ok);
  });
});

describe('labels', () => {
  it('looks up the five relative steps, lowest first', () => {
    expect(scaleLabels(relative, fakeT)).toEqual([
      '<expectations:scale.relative.wellBelow>',
      '<expectations:scale.relative.below>',
      '<expectations:scale.relative.at>',
      '<expectations:scale.relative.above>',
      '<expectations:scale.relative.wellAbove>',
    ]);
    expect(RELATIVE_STEPS).toHaveLength(5);
  });

  it('uses the school levels as typed, without translating them', () => {
    const calls: string[] = [];
    const t = (key: string) => {
      calls.push(key);
      return key;
    };
    expect(scaleLabels(levels('vmbo-gt', 'havo'), t)).toEqual(['vmbo-gt', 'havo']);
    expect(calls).toEqual([]);
  });

  it.each([
    [relative, 3, '<expectations:scale.relative.above>'],
    [levels('vmbo-b', 'havo', 'vwo'), 1, 'havo'],
    [levels('vmbo-b', 'havo', 'vwo'), 3, null],
    [relative, 7, null],
  ])('stepLabel(%j, %i) = %s', (scale, value, label) => {
    expect(stepLabel(scale, value, fakeT)).toBe(label);
  });
});

describe('presets', () => {
  it('has the secondary tracks and the primary advice levels in order', () => {
    expect(LEVEL_PRESETS.secondary).toEqual(['vmbo-b', 'vmbo-k', 'vmbo-gt', 'havo', 'vwo']);
    expect(LEVEL_PRESETS.primary).toEqual([
      'pro',
      'vmbo-b',
      'vmbo-k',
      'vmbo-gt',
      'vmbo-gt/havo',
      'havo',
      'havo/vwo',
      'vwo',
    ]);
    // Every preset passes the same check as a custom list.
    for (const list of Object.values(LEVEL_PRESETS)) expect(checkLevels(list).ok).toBe(true);
  });

  it.each([
    [relative, 'relative5'],
    [levels(...LEVEL_PRESETS.secondary), 'secondary'],
    [levels(...LEVEL_PRESETS.primary), 'primary'],
    [levels('vmbo-b', 'vmbo-k', 'vmbo-gt', 'havo'), 'custom'],
    [levels('vwo', 'havo', 'vmbo-gt', 'vmbo-k', 'vmbo-b'), 'custom'],
    [levels('VMBO-B', 'vmbo-k', 'vmbo-gt', 'havo', 'vwo'), 'custom'],
  ])('scaleChoice(%j) = %s', (scale, choice) => {
    expect(scaleChoice(scale)).toBe(choice);
  });

  it.each([
    [relative, relative, true],
    [relative, levels('a', 'b'), false],
    [levels('a', 'b'), levels('a', 'b'), true],
    [levels('a', 'b'), levels('b', 'a'), false],
    [levels('a', 'b'), levels('a', 'b', 'c'), false],
  ])('sameScale(%j, %j) = %s', (a, b, same) => {
    expect(sameScale(a, b)).toBe(same);
    expect(sameScale(b, a)).toBe(same);
  });
});

describe('checkLevels', () => {
  it('accepts 2 to 12 labels and tidies white space', () => {
    expect(checkLevels(['  basis ', 'kader\t', 'gemengd   theoretisch'])).toEqual({
      ok: true,
      levels: ['basis', 'kader', 'gemengd theoretisch'],
    });
    const twelve = Array.from({ length: 12 }, (_, i) => `niveau ${i + 1}`);
    expect(checkLevels(twelve).ok).toBe(true);
  });

  it.each([
    [[], 'levelsTooFew', { min: 2 }],
    [['havo'], 'levelsTooFew', { min: 2 }],
    [Array.from({ length: 13 }, (_, i) => `n${i}`), 'levelsTooMany', { max: 12 }],
    [['havo', '  '], 'levelEmpty', { number: 2 }],
    [['havo', 'x'.repeat(31)], 'levelTooLong', { label: 'x'.repeat(31), max: 30 }],
    [['havo', 'vwo', 'HAVO'], 'levelDuplicate', { label: 'HAVO' }],
    [['Één', 'een'], 'levelDuplicate', { label: 'een' }],
  ])('refuses %j with %s', (list, code, detail) => {
    expect(checkLevels(list)).toEqual({ ok: false, code, detail });
  });

  it('counts an emoji as one character against the limit', () => {
    expect(checkLevels(['🙂'.repeat(30), 'b']).ok).toBe(true);
  });
});

describe('parseLevelList', () => {
  it.each([
    ['vmbo-b\nvmbo-k\n\nhavo\n', ['vmbo-b', 'vmbo-k', 'havo']],
    ['  basis \r\n kader\r\r', ['basis', 'kader']],
    ['', []],
    ['vmbo-gt/havo', ['vmbo-gt/havo']],
  ])('%j → %j', (text, list) => {
    expect(parseLevelList(text)).toEqual(list);
  });
});

describe('rating rounds', () => {
  it.each([
    ['2024-09-01', '2024-09-01', 0],
    ['2024-09-01', '2024-09-02', 1],
    ['2024-02-28', '2024-03-01', 2], // leap year
    ['2024-10-26', '2024-10-28', 2], // across the end of summer time
    ['2024-12-31', '2024-12-01', -30],
  ])('daysBetween(%s, %s) = %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each([
    [null, '2024-09-02', { due: true, reason: 'first' }],
    ['2024-09-02', '2024-09-02', { due: false }],
    // 8 weeks = 56 days: not yet due on day 56, due from day 57.
    ['2024-09-02', '2024-10-28', { due: false }],
    ['2024-09-02', '2024-10-29', { due: true, reason: 'again', weeks: 8 }],
    ['2024-09-02', '2024-11-04', { due: true, reason: 'again', weeks: 9 }],
    ['2024-09-02', '2025-01-13', { due: true, reason: 'again', weeks: 19 }],
  ])('ratingRoundDue(%s, %s)', (last, today, result) => {
    expect(ratingRoundDue(last, today)).toEqual(result);
  });

  it('takes another interval when asked', () => {
    expect(ratingRoundDue('2024-09-02', '2024-09-17', 2)).toEqual({
      due: true,
      reason: 'again',
      weeks: 2,
    });
  });
});

describe('relationship ratings', () => {
  it.each([
    [1, true],
    [5, true],
    [3, true],
    [0, false],
    [6, false],
    [2.5, false],
    ['3', false],
    [null, false],
  ])('isRelationshipRating(%j) = %s', (value, ok) => {
    expect(isRelationshipRating(value)).toBe(ok);
  });
});
