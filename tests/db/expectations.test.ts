import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, setDbForTests } from '../../src/db/db';
import { ValidationError } from '../../src/model/errors';
import { setExpectationScale } from '../../src/db/repo/classScale';
import { createClass, softDeleteClass } from '../../src/db/repo/classes';
import {
  clearExpectation,
  currentExpectations,
  expectationHistory,
  expectationNudgeInfo,
  loadExpectationsData,
  lastRatingRound,
  rateExpectation,
} from '../../src/db/repo/expectations';
import { addPupils, removePupil } from '../../src/db/repo/pupils';
import { SpiegelDB } from '../../src/db/schema';
import type { ClassRecord, PupilRecord } from '../../src/model/types';
import { LEVEL_PRESETS, onClassScale } from '../../src/domain/scales';
import { analyseClass } from '../../src/analysis';
import { loadInsightsData } from '../../src/db/repo/insightsData';

// Local times, so toIsoDate(now) is the same date in every time zone the tests run in.
const SEP = new Date(2024, 8, 3, 10, 0);
const SEP_LATER = new Date(2024, 8, 3, 14, 0);
const NOV = new Date(2024, 10, 12, 9, 0);

let cls: ClassRecord;
let sem: PupilRecord;
let noor: PupilRecord;
let ayoub: PupilRecord;

beforeEach(async () => {
  setDbForTests(new SpiegelDB('t-' + crypto.randomUUID()));
  cls = await createClass({ name: '2B', schoolType: 'secondary', yearLabel: '2 havo' }, SEP);
  [sem, noor, ayoub] = (await addPupils(cls.id, ['Sem', 'Noor', 'Ayoub'], SEP)) as [
    PupilRecord,
    PupilRecord,
    PupilRecord,
  ];
});

const rate = (pupil: PupilRecord, value: number, date: string, now: Date, confidence = null) =>
  rateExpectation({ classId: cls.id, pupilId: pupil.id, value, confidence }, date, now);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ValidationError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('rateExpectation', () => {
  it('stores a dated rating with its confidence and timestamps', async () => {
    const r = await rateExpectation(
      { classId: cls.id, pupilId: sem.id, value: 3, confidence: 'fairly' },
      '2024-09-03',
      SEP,
    );
    expect(await getDb().expectations.get(r.id)).toEqual({
      id: r.id,
      classId: cls.id,
      pupilId: sem.id,
      date: '2024-09-03',
      value: 3,
      confidence: 'fairly',
      scale: { kind: 'relative5' },
      createdAt: SEP.toISOString(),
      updatedAt: SEP.toISOString(),
    });
  });

  it('treats "how sure" as optional', async () => {
    const r = await rateExpectation(
      { classId: cls.id, pupilId: sem.id, value: 0 },
      '2024-09-03',
      SEP,
    );
    expect(r.confidence).toBeNull();
  });

  it('updates the rating when the same pupil is rated again on the same date', async () => {
    const first = await rate(sem, 2, '2024-09-03', SEP);
    const second = await rateExpectation(
      { classId: cls.id, pupilId: sem.id, value: 4, confidence: 'very' },
      '2024-09-03',
      SEP_LATER,
    );
    expect(second.id).toBe(first.id);
    const rows = await getDb().expectations.where('pupilId').equals(sem.id).toArray();
    expect(rows).toEqual([
      {
        ...first,
        value: 4,
        confidence: 'very',
        createdAt: SEP.toISOString(),
        updatedAt: SEP_LATER.toISOString(),
      },
    ]);
  });

  it('keeps history across dates: the latest is current', async () => {
    await rate(sem, 2, '2024-09-03', SEP);
    await rate(sem, 3, '2024-11-12', NOV);
    await rate(noor, 1, '2024-09-03', SEP);
    const history = await expectationHistory(sem.id);
    expect(history.map((r) => [r.date, r.value])).toEqual([
      ['2024-09-03', 2],
      ['2024-11-12', 3],
    ]);
    const current = await currentExpectations(cls.id);
    expect(current.get(sem.id)?.value).toBe(3);
    expect(current.get(noor.id)?.value).toBe(1);
    expect(current.has(ayoub.id)).toBe(false);
  });

  it('orders by date, not by when it was typed (a late entry for an earlier day)', async () => {
    await rate(sem, 3, '2024-11-12', NOV);
    await rate(sem, 1, '2024-09-03', new Date(2024, 10, 13));
    expect((await currentExpectations(cls.id)).get(sem.id)?.value).toBe(3);
    expect((await expectationHistory(sem.id)).map((r) => r.value)).toEqual([1, 3]);
  });

  it.each([
    [{ value: 5 }, 'valueOutOfScale'],
    [{ value: -1 }, 'valueOutOfScale'],
    [{ value: 1.5 }, 'valueOutOfScale'],
    [{ value: 2, confidence: 'maybe' }, 'confidenceInvalid'],
    [{ value: 2, date: '2024-09-04' }, 'dateFuture'],
    [{ value: 2, date: '2024-02-30' }, 'dateInvalid'],
    [{ value: 2, date: '3-9-2024' }, 'dateInvalid'],
    [{ value: 2, pupilId: 'nobody' }, 'pupilNotFound'],
    [{ value: 2, classId: 'no-class' }, 'classNotFound'],
  ])('refuses %j with %s and writes nothing', async (change, code) => {
    const { date = '2024-09-03', ...rest } = change as Record<string, unknown> & { date?: string };
    const input = { classId: cls.id, pupilId: sem.id, value: 0, ...rest };
    expect(await codeOf(rateExpectation(input as never, date, SEP))).toBe(code);
    expect(await getDb().expectations.count()).toBe(0);
  });

  it('refuses a pupil of another class, a removed pupil and a deleted class', async () => {
    const other = await createClass({ name: '3C', schoolType: 'secondary', yearLabel: '' }, SEP);
    const [stranger] = await addPupils(other.id, ['Lotte'], SEP);
    expect(
      await codeOf(
        rateExpectation({ classId: cls.id, pupilId: stranger!.id, value: 1 }, '2024-09-03', SEP),
      ),
    ).toBe('pupilNotFound');
    await removePupil(noor.id, SEP);
    expect(await codeOf(rate(noor, 1, '2024-09-03', SEP))).toBe('pupilNotFound');
    await softDeleteClass(cls.id, SEP);
    expect(await codeOf(rate(sem, 1, '2024-09-03', SEP))).toBe('classNotFound');
    expect(await getDb().expectations.count()).toBe(0);
  });

  it('re-rating after a merge left two records on one date updates the newest one', async () => {
    const a = await rate(sem, 1, '2024-09-03', SEP);
    // A second device's record for the same day, imported by a backup merge.
    await getDb().expectations.add({
      ...a,
      id: crypto.randomUUID(),
      value: 2,
      updatedAt: SEP_LATER.toISOString(),
    });
    expect((await currentExpectations(cls.id)).get(sem.id)?.value).toBe(2);
    expect(await expectationHistory(sem.id)).toHaveLength(1);
    const later = new Date(2024, 8, 3, 16, 0);
    const updated = await rate(sem, 4, '2024-09-03', later);
    expect(updated.id).not.toBe(a.id);
    expect((await currentExpectations(cls.id)).get(sem.id)?.value).toBe(4);
  });
});

describe('rounds and the screen view', () => {
  it('lastRatingRound is the latest date anyone was rated', async () => {
    expect(await lastRatingRound(cls.id)).toBeNull();
    await rate(sem, 2, '2024-09-03', SEP);
    expect(await lastRatingRound(cls.id)).toBe('2024-09-03');
    await rate(noor, 2, '2024-11-12', NOV);
    expect(await lastRatingRound(cls.id)).toBe('2024-11-12');
  });

  it('splits today from last time, in seating order, without removed pupils', async () => {
    await rate(sem, 2, '2024-09-03', SEP);
    await rate(noor, 1, '2024-09-03', SEP);
    await rate(sem, 3, '2024-11-12', NOV);
    await removePupil(ayoub.id, NOV);
    const view = await loadExpectationsData(cls.id, '2024-11-12');
    expect(view?.pupils.map((p) => p.name)).toEqual(['Sem', 'Noor']);
    expect(view?.today.get(sem.id)?.value).toBe(3);
    expect(view?.today.has(noor.id)).toBe(false);
    expect(view?.previous.get(sem.id)?.value).toBe(2);
    expect(view?.previous.get(noor.id)?.value).toBe(1);
    expect(view?.current.get(sem.id)?.value).toBe(3);
    expect(view?.current.get(noor.id)?.value).toBe(1);
    expect(view?.ratingCount).toBe(3);
    expect(await loadExpectationsData('missing', '2024-11-12')).toBeNull();
  });

  it('clearExpectation takes back one date and keeps the others', async () => {
    await rate(sem, 2, '2024-09-03', SEP);
    await rate(sem, 3, '2024-11-12', NOV);
    expect(await clearExpectation(sem.id, '2024-11-12')).toBe(1);
    expect((await expectationHistory(sem.id)).map((r) => r.date)).toEqual(['2024-09-03']);
  });

  it('expectationNudgeInfo counts current pupils and knows the last round', async () => {
    expect(await expectationNudgeInfo(cls.id)).toEqual({ pupilCount: 3, lastRound: null });
    await rate(noor, 2, '2024-09-03', SEP);
    await removePupil(sem.id, SEP);
    expect(await expectationNudgeInfo(cls.id)).toEqual({
      pupilCount: 2,
      lastRound: '2024-09-03',
    });
  });
});

describe('setExpectationScale', () => {
  it('switches to school levels; old ratings keep their stored values', async () => {
    await rate(sem, 4, '2024-09-03', SEP);
    const change = await setExpectationScale(
      cls.id,
      { kind: 'levels', levels: [...LEVEL_PRESETS.primary] },
      NOV,
    );
    expect(change.changed).toBe(true);
    expect(change.existingRatings).toBe(1);
    const stored = await getDb().classes.get(cls.id);
    expect(stored?.expectationScale).toEqual({
      kind: 'levels',
      levels: [...LEVEL_PRESETS.primary],
    });
    expect(stored?.updatedAt).toBe(NOV.toISOString());
    expect((await currentExpectations(cls.id)).get(sem.id)?.value).toBe(4);
    // The new scale's steps are what a rating may now use.
    expect((await rate(noor, 7, '2024-11-12', NOV)).value).toBe(7);
  });

  it('validates the list after tidying it, and stores the tidy version', async () => {
    await setExpectationScale(cls.id, { kind: 'levels', levels: [' basis ', 'kader  '] }, NOV);
    expect((await getDb().classes.get(cls.id))?.expectationScale).toEqual({
      kind: 'levels',
      levels: ['basis', 'kader'],
    });
    expect(await codeOf(rate(sem, 2, '2024-11-12', NOV))).toBe('valueOutOfScale');
  });

  it.each([
    [['havo'], 'levelsTooFew'],
    [['havo', 'Havo'], 'levelDuplicate'],
    [['havo', ''], 'levelEmpty'],
    [Array.from({ length: 13 }, (_, i) => `n${i}`), 'levelsTooMany'],
  ])('refuses %j with %s and leaves the class as it was', async (levels, code) => {
    expect(await codeOf(setExpectationScale(cls.id, { kind: 'levels', levels }, NOV))).toBe(code);
    expect(await getDb().classes.get(cls.id)).toEqual(cls);
  });

  it('writes nothing when the scale is the same, and refuses a deleted class', async () => {
    const same = await setExpectationScale(cls.id, { kind: 'relative5' }, NOV);
    expect(same.changed).toBe(false);
    expect(await getDb().classes.get(cls.id)).toEqual(cls);
    await softDeleteClass(cls.id, NOV);
    expect(await codeOf(setExpectationScale(cls.id, { kind: 'relative5' }, NOV))).toBe(
      'classNotFound',
    );
  });

  it('a rating keeps the scale it was made on: after a switch it is not read on the new one', async () => {
    // "Well above the class level" (4) is also a valid index on the primary levels (8 steps):
    // without the recorded scale it would silently read as the fifth level.
    await rate(sem, 4, '2024-09-03', SEP);
    const levels = { kind: 'levels' as const, levels: [...LEVEL_PRESETS.primary] };
    await setExpectationScale(cls.id, levels, NOV);
    await rate(noor, 4, '2024-11-12', NOV);
    const [semRating] = await expectationHistory(sem.id);
    const [noorRating] = await expectationHistory(noor.id);
    expect(semRating?.scale).toEqual({ kind: 'relative5' });
    expect(noorRating?.scale).toEqual(levels);
    expect(onClassScale(semRating!, levels)).toBe(false);
    expect(onClassScale(noorRating!, levels)).toBe(true);
    // The analysis compares only Noor's rating, made on the class's current scale.
    const data = await loadInsightsData(cls.id, { from: null, to: '2024-12-31' });
    const result = analyseClass(data!, { today: '2024-12-31', from: '2024-09-01' });
    const byPupil = new Map(result.expectation.pupils.map((p) => [p.pupilId, p.value]));
    expect(byPupil.get(sem.id)).toBeNull();
    expect(byPupil.get(noor.id)).toBe(4);
  });

  it('a rating without a recorded scale (from an older backup) is stamped with the old scale on a switch', async () => {
    const legacy = {
      id: crypto.randomUUID(),
      classId: cls.id,
      pupilId: sem.id,
      date: '2024-09-03',
      value: 4,
      confidence: null,
      createdAt: SEP.toISOString(),
      updatedAt: SEP.toISOString(),
    };
    await getDb().expectations.add(legacy);
    const levels = { kind: 'levels' as const, levels: [...LEVEL_PRESETS.primary] };
    await setExpectationScale(cls.id, levels, NOV);
    expect(await getDb().expectations.get(legacy.id)).toEqual({
      ...legacy,
      scale: { kind: 'relative5' },
      updatedAt: NOV.toISOString(),
    });
    // Not read as today's answer on the new scale, and not "current" on it either.
    const view = await loadExpectationsData(cls.id, '2024-09-03');
    expect(view?.today.has(sem.id)).toBe(false);
    expect(view?.current.get(sem.id)?.id).toBe(legacy.id);
  });

  it('changing back restores the original reading: nothing was converted', async () => {
    await rate(sem, 1, '2024-09-03', SEP);
    await setExpectationScale(cls.id, { kind: 'levels', levels: ['a', 'b', 'c'] }, NOV);
    await setExpectationScale(cls.id, { kind: 'relative5' }, NOV);
    expect((await expectationHistory(sem.id)).map((r) => r.value)).toEqual([1]);
  });
});
