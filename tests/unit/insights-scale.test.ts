/** The arithmetic behind the insights charts, with values worked out by hand. */
import { describe, expect, it } from 'vitest';
import {
  heatLevel,
  niceCeil,
  seatRatio,
  polylinePoints,
  ratioAxisMax,
  scaleLinear,
  ticks,
  truncateLabel,
} from '../../src/features/insights/scale';

describe('niceCeil', () => {
  it.each([
    [0, 1],
    [-3, 1],
    [Number.NaN, 1],
    [0.3, 0.5],
    [0.1 + 0.2, 0.5],
    [1, 1],
    [1.2, 2],
    [2.1, 2.5],
    [3, 5],
    [7, 10],
    [14, 20],
    [25, 25],
    [26, 50],
    [0.054, 0.1],
  ])('%s → %s', (value, expected) => {
    expect(niceCeil(value)).toBeCloseTo(expected, 10);
  });
});

describe('scaleLinear', () => {
  it('maps 0..max onto 0..length and clamps outside values', () => {
    const x = scaleLinear(20, 200);
    expect(x(0)).toBe(0);
    expect(x(5)).toBe(50);
    expect(x(20)).toBe(200);
    expect(x(30)).toBe(200);
    expect(x(-1)).toBe(0);
  });
  it('treats a zero maximum as 1 (no division by zero)', () => {
    expect(scaleLinear(0, 100)(0.5)).toBe(50);
  });
});

describe('ticks', () => {
  it('spaces values evenly from 0 to max', () => {
    expect(ticks(10, 4)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(ticks(3, 2)).toEqual([0, 1.5, 3]);
    expect(ticks(1, 0)).toEqual([0, 1]);
  });
});

describe('truncateLabel', () => {
  it('keeps short labels and cuts long ones with an ellipsis', () => {
    expect(truncateLabel('Sem', 5)).toBe('Sem');
    expect(truncateLabel('Shanice', 7)).toBe('Shanice');
    expect(truncateLabel('Alexandra', 6)).toBe('Alexa…');
    // Counts characters, not UTF-16 units.
    expect(truncateLabel('Zoë Ünal', 4)).toBe('Zoë…');
  });
});

describe('heatLevel', () => {
  it.each([
    [null, 1, 0],
    [0, 1, 0],
    [0.2, 1, 1],
    [0.5, 1, 2],
    [1.5, 1, 2],
    [1.6, 1, 3],
    [2.5, 1, 3],
    [2.6, 1, 4],
    [0.3, null, 2],
    [0.3, 0, 2],
    // Read from the ratio as printed: 1.54 prints "1,5×" and is coloured with 1,5×.
    [1.54, 1, 2],
    [1.55, 1, 3],
    [0.45, 1, 2],
  ] as const)('rate %s against mean %s → level %s', (rate, mean, level) => {
    expect(heatLevel(rate, mean)).toBe(level);
  });
});

describe('ratioAxisMax', () => {
  it('is at least 2 (1.0 mid-way), rounds up, and stops at the cap', () => {
    expect(ratioAxisMax([0.5, 1.2])).toBe(2);
    expect(ratioAxisMax([null, 2.2])).toBe(2.5);
    expect(ratioAxisMax([3.1])).toBe(4);
    expect(ratioAxisMax([12])).toBe(4);
    expect(ratioAxisMax([Number.POSITIVE_INFINITY])).toBe(2);
  });
});

describe('polylinePoints', () => {
  it('writes x,y pairs with one decimal', () => {
    expect(
      polylinePoints([
        { x: 1.234, y: 5 },
        { x: 2, y: 6.06 },
      ]),
    ).toBe('1.2,5 2,6.1');
  });
});

describe('seatRatio', () => {
  it.each([
    [null, 1, null],
    [1, null, null],
    [1, 0, null],
    [0, 0.5, 0],
    [0.3, 0.2, 1.5],
    [0.26, 0.2, 1.3],
    [0.1, 0.3, 0.3],
  ] as const)('rate %s against mean %s → %s×', (rate, mean, ratio) => {
    expect(seatRatio(rate, mean)).toBe(ratio);
  });
});
