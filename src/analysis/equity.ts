/**
 * Measure 3: the equity ratio per lens value (Reinholz & Shah 2018, EQUIP), counting only the
 * pupils present at each lesson.
 */
import type { LensRecord } from '../model/types';
import type { Aggregate, ClassIndex } from './indexer';
import { comparePupilGroups, type GroupSpec } from './groups';
import type { LensComparison } from './types';

/** Lenses of the class that are not deleted, in the teacher's order. */
export function activeLenses(index: ClassIndex): LensRecord[] {
  return index.data.lenses
    .filter((l) => l.classId === index.data.cls.id && l.deletedAt === null)
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One group per lens value (in the lens's order), plus "not set" when any pupil has none. */
export function lensSpecs(index: ClassIndex, lens: LensRecord): GroupSpec[] {
  const known = new Map(lens.values.map((v, i) => [v.id, i]));
  const members: number[][] = lens.values.map(() => []);
  const unset: number[] = [];
  index.pupils.forEach((p, i) => {
    const v = p.lensValues[lens.id];
    const g = v !== undefined ? known.get(v) : undefined;
    if (g === undefined) unset.push(i);
    else members[g]?.push(i);
  });
  const specs: GroupSpec[] = lens.values.map((v, g) => ({
    group: v.id,
    label: v.label,
    members: members[g] ?? [],
  }));
  if (unset.length > 0) specs.push({ group: null, label: null, members: unset });
  return specs;
}

export function buildEquity(
  index: ClassIndex,
  agg: Aggregate,
  withTests: boolean,
): LensComparison[] {
  return activeLenses(index).map((lens) => ({
    lensId: lens.id,
    lensName: lens.name,
    ...comparePupilGroups(
      index,
      agg,
      lensSpecs(index, lens),
      withTests ? `equity:${lens.id}` : null,
    ),
  }));
}
