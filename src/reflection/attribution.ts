/**
 * The mirror of the teacher's attributions (issue 14, point 1): per expectation band and per
 * value of each characteristic (kenmerk), how often the teacher placed the cause outside
 * themselves ("the pupil" or "circumstances outside school"). The texts describe this as the
 * mechanism that makes a prophecy fulfil itself (Castelijns & Stevens 1996; Paulle in Sylbing et
 * al. 2020). Pure: counts only; a share only from REFLECTIVE.minAttributions taps in a group.
 * No difference between groups is claimed, so no chance test is needed: the teacher sees the
 * counts and is asked a question.
 */
import { REFLECTIVE } from '../analysis';
import { bandOf, onClassScale, type Band } from '../domain/scales';
import type {
  AttributionCause,
  AttributionRecord,
  ExpectationRecord,
  ExpectationScale,
  Id,
  LensRecord,
  PupilRecord,
} from '../model/types';

/** What the mirror reads: the class's pupils (removed ones too), characteristics and ratings. */
export interface CauseInput {
  classId: Id;
  expectationScale: ExpectationScale;
  pupils: readonly PupilRecord[];
  lenses: readonly LensRecord[];
  expectations: readonly ExpectationRecord[];
}

/** Causes outside the teacher's own approach. */
export const OUTSIDE_CAUSES: readonly AttributionCause[] = ['pupil', 'circumstances'];

export interface CauseRow {
  /** A band, a lens value id, or null for "not rated" / "no value". */
  group: string | null;
  /** The lens value's label (lens rows only). */
  label?: string;
  /** Taps in this group. */
  total: number;
  /** Of them, placed outside the teacher. */
  outside: number;
  /** Distinct pupils the taps were about. */
  pupils: number;
  /** outside / total, or null below the minimum (then the counts speak alone). */
  share: number | null;
}

export interface LensCauses {
  lensId: Id;
  lensName: string;
  rows: CauseRow[];
}

export interface CauseMirror {
  total: number;
  outside: number;
  byCause: Record<AttributionCause, number>;
  /** high, middle, low, then the pupils without a rating on that date (only rows with taps). */
  byBand: CauseRow[];
  byLens: LensCauses[];
  /** The minimum per group below which no share is shown. */
  minTaps: number;
}

interface Tally {
  total: number;
  outside: number;
  pupils: Set<Id>;
}

const tally = (): Tally => ({ total: 0, outside: 0, pupils: new Set() });

function row(group: string | null, t: Tally, minTaps: number, label?: string): CauseRow {
  return {
    group,
    ...(label !== undefined ? { label } : {}),
    total: t.total,
    outside: t.outside,
    pupils: t.pupils.size,
    share: t.total >= minTaps ? t.outside / t.total : null,
  };
}

/** The band of the pupil's rating in force on `date` (the latest on or before it), or null. */
function bandOn(
  ratings: readonly ExpectationRecord[],
  date: string,
  scale: ExpectationScale,
): Band | null {
  let found: ExpectationRecord | null = null;
  for (const r of ratings) {
    if (r.date > date || !onClassScale(r, scale)) continue;
    if (!found || r.date > found.date || (r.date === found.date && r.createdAt > found.createdAt)) {
      found = r;
    }
  }
  return found ? bandOf(found.value, scale) : null;
}

/**
 * Counts the class's attributions (of pupils still known to the class) per band of the rating in
 * force on the tap's date, and per value of each characteristic. Returns null when there are none.
 */
export function causeMirror(
  data: CauseInput,
  attributions: readonly AttributionRecord[],
  minTaps: number = REFLECTIVE.minAttributions,
): CauseMirror | null {
  const pupils = new Map(data.pupils.map((p) => [p.id, p]));
  const mine = attributions.filter((a) => a.classId === data.classId && pupils.has(a.pupilId));
  if (mine.length === 0) return null;
  const ratings = new Map<Id, ExpectationRecord[]>();
  for (const r of data.expectations) {
    if (r.classId !== data.classId) continue;
    const list = ratings.get(r.pupilId) ?? [];
    list.push(r);
    ratings.set(r.pupilId, list);
  }
  const byCause: Record<AttributionCause, number> = { approach: 0, pupil: 0, circumstances: 0 };
  const all = tally();
  const bands = new Map<Band | null, Tally>();
  const lenses = data.lenses.filter((l) => l.deletedAt === null);
  const lensTallies = lenses.map(() => new Map<Id | null, Tally>());
  const add = (t: Tally, a: AttributionRecord, outside: boolean) => {
    t.total++;
    if (outside) t.outside++;
    t.pupils.add(a.pupilId);
  };
  for (const a of mine) {
    const outside = OUTSIDE_CAUSES.includes(a.cause);
    byCause[a.cause]++;
    add(all, a, outside);
    const band = bandOn(ratings.get(a.pupilId) ?? [], a.date, data.expectationScale);
    if (!bands.has(band)) bands.set(band, tally());
    add(bands.get(band)!, a, outside);
    const pupil = pupils.get(a.pupilId)!;
    lenses.forEach((lens, i) => {
      const raw = pupil.lensValues[lens.id];
      const value = raw && lens.values.some((v) => v.id === raw) ? raw : null;
      const map = lensTallies[i]!;
      if (!map.has(value)) map.set(value, tally());
      add(map.get(value)!, a, outside);
    });
  }
  const order: (Band | null)[] = ['high', 'middle', 'low', null];
  return {
    total: all.total,
    outside: all.outside,
    byCause,
    byBand: order.filter((b) => bands.has(b)).map((b) => row(b, bands.get(b)!, minTaps)),
    byLens: lenses.map((lens, i) => {
      const map = lensTallies[i]!;
      const rows = lens.values
        .filter((v) => map.has(v.id))
        .map((v) => row(v.id, map.get(v.id)!, minTaps, v.label));
      if (map.has(null)) rows.push(row(null, map.get(null)!, minTaps));
      return { lensId: lens.id, lensName: lens.name, rows };
    }),
    minTaps,
  };
}
