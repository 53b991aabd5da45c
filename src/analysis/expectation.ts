/**
 * Measure 4: rates and ratios compared between pupils the teacher expects much, middling and
 * little of (the differential-treatment signature: Brophy & Good 1970; Rubie-Davies 2007;
 * TESA, Kerman 1979) — by the current rating and by the rating in force at each lesson.
 */
import type { ExpectationRecord } from '../model/types';
import { bandOf, BANDS, onClassScale } from '../domain/scales';
import type { Aggregate, ClassIndex } from './indexer';
import { compareLessonGroups, comparePupilGroups, type GroupSpec } from './groups';
import type { ExpectationLink, PupilExpectation } from './types';

// The bands live with the scales (a domain fact the intentions use too); re-exported here.
export { BANDS, bandOf, scaleSize } from '../domain/scales';

const ratingOrder = (a: ExpectationRecord, b: ExpectationRecord) =>
  a.date !== b.date
    ? a.date < b.date
      ? -1
      : 1
    : a.createdAt !== b.createdAt
      ? a.createdAt < b.createdAt
        ? -1
        : 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

/** Valid ratings per pupil index, oldest first (same date: the later entered wins). */
export function ratingsByPupil(index: ClassIndex): ExpectationRecord[][] {
  const scale = index.data.cls.expectationScale;
  const out: ExpectationRecord[][] = index.pupils.map(() => []);
  for (const r of index.data.expectations) {
    const p = index.pupilIdx.get(r.pupilId);
    if (p === undefined || r.classId !== index.data.cls.id) continue;
    // A rating made on another scale says nothing on this one (see classScale.ts).
    if (!onClassScale(r, scale) || bandOf(r.value, scale) === null) continue;
    out[p]?.push(r);
  }
  for (const list of out) list.sort(ratingOrder);
  return out;
}

/** The latest rating on or before `date`. */
export function ratingOn(
  list: readonly ExpectationRecord[],
  date: string,
): ExpectationRecord | null {
  let found: ExpectationRecord | null = null;
  for (const r of list) {
    if (r.date <= date) found = r;
    else break;
  }
  return found;
}

/** bandAt[l * nP + p]: index into BANDS of the rating in force at lesson l, or -1. */
export function bandsInForce(index: ClassIndex, ratings: ExpectationRecord[][]): Int8Array {
  const { nL, nP, lessons } = index;
  const scale = index.data.cls.expectationScale;
  const at = new Int8Array(nL * nP).fill(-1);
  ratings.forEach((list, p) => {
    let k = -1;
    for (let l = 0; l < nL; l++) {
      const date = lessons[l]?.date ?? '';
      while (k + 1 < list.length && (list[k + 1]?.date ?? '') <= date) k++;
      const r = list[k];
      if (r) at[l * nP + p] = BANDS.indexOf(bandOf(r.value, scale) ?? 'middle');
    }
  });
  return at;
}

export function buildExpectation(
  index: ClassIndex,
  agg: Aggregate,
  ratings: ExpectationRecord[][],
  bandAt: Int8Array,
  withTests: boolean,
): ExpectationLink {
  const scale = index.data.cls.expectationScale;
  const pupils: PupilExpectation[] = index.pupils.map((p, i) => {
    const r = ratingOn(ratings[i] ?? [], index.options.to);
    return {
      pupilId: p.id,
      value: r?.value ?? null,
      date: r?.date ?? null,
      confidence: r?.confidence ?? null,
      band: r ? bandOf(r.value, scale) : null,
    };
  });
  const specs: GroupSpec[] = BANDS.map((b) => ({ group: b, label: null, members: [] }));
  const unrated: number[] = [];
  pupils.forEach((p, i) => {
    if (p.band === null) unrated.push(i);
    else specs[BANDS.indexOf(p.band)]?.members.push(i);
  });
  if (unrated.length > 0) specs.push({ group: null, label: null, members: unrated });
  return {
    scale: scale.kind,
    pupils,
    current: comparePupilGroups(index, agg, specs, withTests ? 'expectation' : null),
    inForce: compareLessonGroups(index, agg, BANDS, bandAt),
  };
}
