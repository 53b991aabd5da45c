/**
 * The mirror of attributions (issue 14): counts per expectation band (the rating in force on the
 * tap's date) and per characteristic value; a share only from the minimum on; nothing without taps.
 * Hand-worked tables.
 */
import { describe, expect, it } from 'vitest';
import { causeMirror, type CauseInput } from '../../src/reflection';
import type {
  AttributionCause,
  AttributionRecord,
  ExpectationRecord,
  LensRecord,
  PupilRecord,
} from '../../src/model/types';

const T = '2025-03-01T08:00:00.000Z';
const stamps = { createdAt: T, updatedAt: T };

const pupil = (id: string, home?: string): PupilRecord => ({
  id,
  classId: 'c1',
  name: id,
  seat: null,
  lensValues: home ? { l1: home } : {},
  removedAt: null,
  ...stamps,
});
const lens: LensRecord = {
  id: 'l1',
  classId: 'c1',
  name: 'Thuistaal',
  values: [
    { id: 'nl', label: 'Nederlands' },
    { id: 'other', label: 'Andere taal' },
  ],
  order: 0,
  deletedAt: null,
  ...stamps,
};
// relative5: values 3–4 are "much", 2 "average", 0–1 "little".
const rating = (pupilId: string, date: string, value: number): ExpectationRecord => ({
  id: `x-${pupilId}-${date}`,
  classId: 'c1',
  pupilId,
  date,
  value,
  confidence: null,
  ...stamps,
});
let seq = 0;
const tap = (pupilId: string, date: string, cause: AttributionCause): AttributionRecord => ({
  id: `a${++seq}`,
  classId: 'c1',
  pupilId,
  date,
  cause,
  source: 'difficulty',
  sourceKey: null,
  ...stamps,
});

const base: CauseInput = {
  classId: 'c1',
  expectationScale: { kind: 'relative5' },
  pupils: [pupil('ann', 'nl'), pupil('bob', 'other'), pupil('cas', 'other'), pupil('dee')],
  lenses: [lens],
  // Bob was rated low until 2025-03-10, then average; Ann high; Cas and Dee never.
  expectations: [
    rating('ann', '2025-02-01', 4),
    rating('bob', '2025-02-01', 0),
    rating('bob', '2025-03-10', 2),
  ],
};

describe('causeMirror', () => {
  it('is null without any tap (nothing to mirror)', () => {
    expect(causeMirror(base, [])).toBeNull();
    // Taps of another class or of a pupil it does not know are not counted either.
    expect(causeMirror(base, [{ ...tap('ann', '2025-03-01', 'pupil'), classId: 'c2' }])).toBeNull();
    expect(causeMirror(base, [tap('zed', '2025-03-01', 'pupil')])).toBeNull();
  });

  it('shows counts only below the minimum per group', () => {
    const m = causeMirror(base, [
      tap('bob', '2025-03-03', 'circumstances'),
      tap('bob', '2025-03-04', 'pupil'),
      tap('ann', '2025-03-04', 'approach'),
    ])!;
    expect(m.total).toBe(3);
    expect(m.outside).toBe(2);
    expect(m.byCause).toEqual({ approach: 1, pupil: 1, circumstances: 1 });
    expect(m.byBand).toEqual([
      { group: 'high', total: 1, outside: 0, pupils: 1, share: null },
      { group: 'low', total: 2, outside: 2, pupils: 1, share: null },
    ]);
  });

  it('gives a share from the minimum on, by the rating in force on the tap’s date', () => {
    const taps = [
      // Bob while rated low (before 2025-03-10): 5 taps, 4 outside.
      ...['03', '04', '05', '06'].map((d) => tap('bob', `2025-03-${d}`, 'circumstances')),
      tap('bob', '2025-03-07', 'approach'),
      // Bob once rated average, and Cas (no rating): one each.
      tap('bob', '2025-03-11', 'pupil'),
      tap('cas', '2025-03-11', 'approach'),
    ];
    const m = causeMirror(base, taps, 5)!;
    expect(m.byBand).toEqual([
      { group: 'middle', total: 1, outside: 1, pupils: 1, share: null },
      { group: 'low', total: 5, outside: 4, pupils: 1, share: 0.8 },
      { group: null, total: 1, outside: 0, pupils: 1, share: null },
    ]);
    // By home language: Bob and Cas share "other" (7 taps, 5 outside).
    expect(m.byLens).toEqual([
      {
        lensId: 'l1',
        lensName: 'Thuistaal',
        rows: [
          { group: 'other', label: 'Andere taal', total: 7, outside: 5, pupils: 2, share: 5 / 7 },
        ],
      },
    ]);
  });

  it('puts pupils without a value of a characteristic in a row of their own', () => {
    const m = causeMirror(base, [
      tap('dee', '2025-03-03', 'pupil'),
      tap('ann', '2025-03-03', 'pupil'),
    ])!;
    expect(m.byLens[0]?.rows).toEqual([
      { group: 'nl', label: 'Nederlands', total: 1, outside: 1, pupils: 1, share: null },
      { group: null, total: 1, outside: 1, pupils: 1, share: null },
    ]);
  });

  it('ignores a rating made on another scale', () => {
    const input: CauseInput = {
      ...base,
      expectations: [
        { ...rating('cas', '2025-02-01', 0), scale: { kind: 'levels', levels: ['a', 'b'] } },
      ],
    };
    expect(causeMirror(input, [tap('cas', '2025-03-03', 'pupil')])!.byBand).toEqual([
      { group: null, total: 1, outside: 1, pupils: 1, share: null },
    ]);
  });
});
