/**
 * Shared machinery of measures 3 and 4: the equity ratio of groups of pupils (lens values,
 * expectation bands) in the EQUIP sense — a group's share of a kind divided by its share of the
 * pupils — where the pupils' share counts only the pupils present at each lesson.
 */
import type { Aggregate, ClassIndex } from './indexer';
import { shortfalls, significance } from './honesty';
import { groupProportionTest } from './permutation';
import { rngFor } from '../domain/random';
import type { GroupComparison, GroupInfo, GroupRow, MetricComparison } from './types';

export interface GroupSpec {
  group: string | null;
  label: string | null;
  /** Pupil indices. */
  members: number[];
}

interface GroupSums {
  group: string | null;
  pupils: number;
  presences: number;
  count: number;
  pupilRates: number[];
}

function rowsFor(sums: GroupSums[]): { rows: GroupRow[]; total: number; presences: number } {
  const total = sums.reduce((s, g) => s + g.count, 0);
  const presences = sums.reduce((s, g) => s + g.presences, 0);
  const rows = sums.map((g): GroupRow => {
    const share = total > 0 ? g.count / total : null;
    const presenceShare = presences > 0 ? g.presences / presences : null;
    return {
      group: g.group,
      pupils: g.pupils,
      presences: g.presences,
      count: g.count,
      rate: g.presences > 0 ? g.count / g.presences : null,
      share,
      presenceShare,
      ratio: share !== null && presenceShare ? share / presenceShare : null,
      meanPupilRate:
        g.pupilRates.length > 0
          ? g.pupilRates.reduce((s, r) => s + r, 0) / g.pupilRates.length
          : null,
    };
  });
  return { rows, total, presences };
}

/** Groups fixed per pupil (lens value, current expectation), with a permutation test. */
export function comparePupilGroups(
  index: ClassIndex,
  agg: Aggregate,
  specs: GroupSpec[],
  testKey: string | null,
): GroupComparison {
  const { nM, metrics, options: o } = index;
  const groups: GroupInfo[] = specs.map((s) => ({
    group: s.group,
    label: s.label,
    pupilIds: s.members.map((i) => index.pupils[i]?.id ?? ''),
  }));
  // Participants of the test: present pupils in groups that are set.
  const labels: number[] = [];
  const part: number[] = [];
  let tested = 0;
  specs.forEach((s) => {
    if (s.group === null) return;
    const present = s.members.filter((i) => (agg.presences[i] ?? 0) > 0);
    if (present.length === 0) return;
    present.forEach((i) => {
      labels.push(tested);
      part.push(i);
    });
    tested++;
  });
  let outcome: ReturnType<typeof groupProportionTest> | null = null;
  if (testKey !== null && tested >= 2 && o.permutations > 0 && agg.lessons > 0) {
    const partCounts = new Float64Array(part.length * nM);
    part.forEach((i, k) => {
      for (let m = 0; m < nM; m++) partCounts[k * nM + m] = agg.counts[i * nM + m] ?? 0;
    });
    outcome = groupProportionTest(
      Int32Array.from(labels),
      tested,
      Float64Array.from(part, (i) => agg.presences[i] ?? 0),
      partCounts,
      nM,
      o.permutations,
      rngFor(o.seed, testKey),
    );
  }
  const comparisons = metrics.map((metric, m): MetricComparison => {
    const sums = specs.map((s): GroupSums => {
      let presences = 0;
      let count = 0;
      const pupilRates: number[] = [];
      for (const i of s.members) {
        const p = agg.presences[i] ?? 0;
        const c = agg.counts[i * nM + m] ?? 0;
        presences += p;
        count += c;
        if (p > 0) pupilRates.push(c / p);
      }
      return { group: s.group, pupils: s.members.length, presences, count, pupilRates };
    });
    const { rows, total, presences } = rowsFor(sums);
    let events = 0;
    for (const i of part) events += agg.counts[i * nM + m] ?? 0;
    const basis = { lessons: agg.lessons, events, pupils: part.length };
    const reasons = shortfalls(basis, o, { pupils: 2, groups: { have: tested, need: 2 } });
    const sig =
      outcome && reasons.length === 0
        ? significance(
            'permutation',
            outcome.p[m] ?? 1,
            outcome.statistic[m] ?? 0,
            outcome.iterations[m] ?? o.permutations,
            o,
          )
        : null;
    return {
      metric,
      total,
      presences,
      rows,
      test:
        reasons.length > 0
          ? { status: 'insufficient', basis, reasons }
          : { status: 'ok', basis, significance: sig },
    };
  });
  return { groups, metrics: comparisons };
}

/**
 * Groups that may change from lesson to lesson (the expectation in force at each lesson's date):
 * every present pupil-lesson is counted in the group it had then. Descriptive only: shuffling
 * whole histories between pupils would be the honest test and is too costly here.
 * @param groupAt groupAt[l * nP + p] = index into `keys`, or -1 for "not set".
 */
export function compareLessonGroups(
  index: ClassIndex,
  agg: Aggregate,
  keys: readonly string[],
  groupAt: Int8Array,
): GroupComparison {
  const { nP, nM, metrics, present, cells, options: o } = index;
  const G = keys.length + 1; // last slot: not set
  // Plain arrays: allocated per time bucket, where small typed arrays cost more than they save.
  const presences: number[] = new Array<number>(G).fill(0);
  const counts: number[] = new Array<number>(G * nM).fill(0);
  const members = Array.from({ length: G }, () => new Set<number>());
  // Per group and pupil, for the members' own rates.
  const pupilPres: number[] = new Array<number>(G * nP).fill(0);
  const pupilCounts: number[] = new Array<number>(G * nP * nM).fill(0);
  for (const l of agg.lessonIdxs) {
    for (let p = 0; p < nP; p++) {
      if (present[l * nP + p] !== 1) continue;
      const raw = groupAt[l * nP + p] ?? -1;
      const g = raw < 0 ? G - 1 : raw;
      members[g]?.add(p);
      presences[g] = (presences[g] ?? 0) + 1;
      pupilPres[g * nP + p] = (pupilPres[g * nP + p] ?? 0) + 1;
      const src = (l * nP + p) * nM;
      for (let m = 0; m < nM; m++) {
        const c = cells[src + m] ?? 0;
        counts[g * nM + m] = (counts[g * nM + m] ?? 0) + c;
        pupilCounts[(g * nP + p) * nM + m] = (pupilCounts[(g * nP + p) * nM + m] ?? 0) + c;
      }
    }
  }
  const keyOf = (g: number) => (g < keys.length ? (keys[g] ?? null) : null);
  const groups: GroupInfo[] = Array.from({ length: G }, (_, g) => ({
    group: keyOf(g),
    label: null,
    pupilIds: [...(members[g] ?? [])].sort((a, b) => a - b).map((p) => index.pupils[p]?.id ?? ''),
  }));
  const setGroups = keys.filter((_, g) => (presences[g] ?? 0) > 0).length;
  const setPupils = new Set<number>();
  for (let g = 0; g < keys.length; g++) for (const p of members[g] ?? []) setPupils.add(p);
  const comparisons = metrics.map((metric, m): MetricComparison => {
    const sums = Array.from({ length: G }, (_, g): GroupSums => {
      const pupilRates: number[] = [];
      for (const p of members[g] ?? []) {
        const pp = pupilPres[g * nP + p] ?? 0;
        if (pp > 0) pupilRates.push((pupilCounts[(g * nP + p) * nM + m] ?? 0) / pp);
      }
      return {
        group: keyOf(g),
        pupils: members[g]?.size ?? 0,
        presences: presences[g] ?? 0,
        count: counts[g * nM + m] ?? 0,
        pupilRates,
      };
    });
    const { rows, total, presences: allPres } = rowsFor(sums);
    let events = 0;
    for (let g = 0; g < keys.length; g++) events += counts[g * nM + m] ?? 0;
    const basis = { lessons: agg.lessons, events, pupils: setPupils.size };
    const reasons = shortfalls(basis, o, { pupils: 2, groups: { have: setGroups, need: 2 } });
    return {
      metric,
      total,
      presences: allPres,
      rows,
      test:
        reasons.length > 0
          ? { status: 'insufficient', basis, reasons }
          : { status: 'ok', basis, significance: null },
    };
  });
  return { groups, metrics: comparisons };
}
