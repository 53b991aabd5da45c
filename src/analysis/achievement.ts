/**
 * Measure 5: where the teacher's expectation and the measured results place each pupil, on the
 * same footing (Rubie-Davies 2015); per lens value the mean gap — are pupils of one group expected
 * less of at equal results (Denessen 2022; Van den Bergh, Denessen & Volman 2021)?
 *
 * Footing: on a class with levels whose results are all levels, level against level
 * (index / (L − 1)). Otherwise both become mid-rank positions within the class: the expectation
 * among the pupils compared, each assessment among the same pupils who took it.
 */
import type { AchievementRecord, ExpectationRecord } from '../model/types';
import type { Aggregate, ClassIndex } from './indexer';
import { activeLenses, lensSpecs } from './equity';
import { ratingOn, scaleSize } from './expectation';
import { significance } from './honesty';
import { groupMeanTest } from './permutation';
import { rngFor } from '../domain/random';
import { midRankPositions, spearman } from './stats';
import type {
  AchievementLink,
  AssessmentUsed,
  Basis,
  InsufficientReason,
  LensGap,
  LensGapComparison,
  PupilPlacement,
} from './types';

const keyOf = (a: AchievementRecord) => `${a.label}\u0000${a.scoreType}`;

const later = (a: AchievementRecord, b: AchievementRecord) =>
  a.date !== b.date
    ? a.date > b.date
    : a.createdAt !== b.createdAt
      ? a.createdAt > b.createdAt
      : a.id > b.id;

/** Results inside from..to; when that window holds none, the most recent assessment before it. */
function selectResults(index: ClassIndex): AchievementRecord[] {
  const { from, to } = index.options;
  const valid = index.data.achievements.filter(
    (a) =>
      a.classId === index.data.cls.id &&
      index.pupilIdx.has(a.pupilId) &&
      Number.isFinite(a.score) &&
      a.date <= to,
  );
  const inWindow = valid.filter((a) => from === null || a.date >= from);
  if (inWindow.length > 0 || from === null) return inWindow;
  let latest = '';
  for (const a of valid) if (a.date > latest) latest = a.date;
  const keys = new Set(valid.filter((a) => a.date === latest).map(keyOf));
  return valid.filter((a) => keys.has(keyOf(a)));
}

export function buildAchievement(
  index: ClassIndex,
  agg: Aggregate,
  ratings: ExpectationRecord[][],
): AchievementLink {
  const o = index.options;
  const scale = index.data.cls.expectationScale;
  const L = scaleSize(scale);
  const expectation = index.pupils.map((_, i) => ratingOn(ratings[i] ?? [], o.to)?.value ?? null);
  // Latest result per assessment and pupil.
  const byKey = new Map<string, Map<number, AchievementRecord>>();
  for (const a of selectResults(index)) {
    const p = index.pupilIdx.get(a.pupilId) ?? -1;
    if (expectation[p] === null || expectation[p] === undefined) continue;
    const m = byKey.get(keyOf(a)) ?? new Map<number, AchievementRecord>();
    const cur = m.get(p);
    if (!cur || later(a, cur)) m.set(p, a);
    byKey.set(keyOf(a), m);
  }
  const keys = [...byKey.keys()].sort();
  const levels =
    scale.kind === 'levels' && keys.length > 0 && keys.every((k) => k.endsWith('\u0000level'));
  const used = levels ? keys : keys.filter((k) => (byKey.get(k)?.size ?? 0) >= 2);
  const sums = new Float64Array(index.nP);
  const taken = new Float64Array(index.nP);
  const assessments: AssessmentUsed[] = [];
  for (const k of used) {
    const entries = [...(byKey.get(k) ?? new Map<number, AchievementRecord>())].sort(
      (a, b) => a[0] - b[0],
    );
    const first = entries[0]?.[1];
    if (!first) continue;
    const positions = levels
      ? entries.map(([, a]) => levelPosition(a.score, L))
      : Array.from(midRankPositions(entries.map(([, a]) => a.score)));
    entries.forEach(([p], j) => {
      sums[p] = (sums[p] ?? 0) + (positions[j] ?? 0);
      taken[p] = (taken[p] ?? 0) + 1;
    });
    assessments.push({
      label: first.label,
      scoreType: first.scoreType,
      date: entries.reduce((d, [, a]) => (a.date > d ? a.date : d), first.date),
      pupils: entries.length,
    });
  }
  const compared: number[] = [];
  for (let p = 0; p < index.nP; p++) if ((taken[p] ?? 0) > 0) compared.push(p);
  const expPos = new Float64Array(index.nP).fill(NaN);
  const expRanks = levels
    ? compared.map((p) => levelPosition(expectation[p] ?? 0, L))
    : Array.from(midRankPositions(compared.map((p) => expectation[p] ?? 0)));
  compared.forEach((p, j) => (expPos[p] = expRanks[j] ?? NaN));

  const basis: Basis = {
    lessons: agg.lessons,
    events: assessments.reduce((s, a) => s + a.pupils, 0),
    pupils: compared.length,
  };
  const reasons: InsufficientReason[] = compared.length < o.minPupils ? ['fewPupils'] : [];
  const thr = o.gapThreshold - 1e-9;
  const pupils: PupilPlacement[] = index.pupils.map((pupil, p) => {
    const n = taken[p] ?? 0;
    const ach = n > 0 ? (sums[p] ?? 0) / n : null;
    const exp = n > 0 ? (expPos[p] ?? null) : null;
    const gap = exp !== null && ach !== null ? exp - ach : null;
    const placed =
      gap === null || reasons.length > 0
        ? null
        : gap >= thr
          ? 'higher'
          : gap <= -thr
            ? 'lower'
            : 'inLine';
    return {
      pupilId: pupil.id,
      expectation: expectation[p] ?? null,
      expectationPosition: exp,
      achievementPosition: ach,
      assessments: n,
      gap,
      placed,
    };
  });
  const ids = (kind: 'higher' | 'lower') =>
    pupils.filter((r) => r.placed === kind).map((r) => r.pupilId);
  return {
    footing: levels ? 'levels' : 'classPosition',
    threshold: o.gapThreshold,
    assessments,
    pupils,
    pattern:
      reasons.length > 0
        ? { status: 'insufficient', basis, reasons }
        : {
            status: 'ok',
            basis,
            spearman:
              compared.length >= o.minCorrelationPupils
                ? spearman(
                    compared.map((p) => expectation[p] ?? 0),
                    compared.map((p) => pupils[p]?.achievementPosition ?? 0),
                  )
                : null,
            higher: ids('higher'),
            lower: ids('lower'),
          },
    lenses: lensGaps(index, pupils, basis),
  };
}

function levelPosition(value: number, L: number): number {
  return L <= 1 ? 0.5 : Math.min(1, Math.max(0, value / (L - 1)));
}

function lensGaps(index: ClassIndex, pupils: PupilPlacement[], basis: Basis): LensGapComparison[] {
  const o = index.options;
  const avg = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length > 0 ? v.reduce((s, x) => s + x, 0) / v.length : null;
  };
  return activeLenses(index).map((lens) => {
    const labels: number[] = [];
    const values: number[] = [];
    let groups = 0;
    const rows: LensGap[] = lensSpecs(index, lens).map((spec) => {
      const members = spec.members
        .map((i) => pupils[i])
        .filter((r) => r?.gap !== null && r !== undefined);
      if (spec.group !== null && members.length > 0) {
        members.forEach((r) => {
          labels.push(groups);
          values.push(r?.gap ?? 0);
        });
        groups++;
      }
      return {
        group: spec.group,
        pupils: members.length,
        meanGap: avg(members.map((r) => r?.gap ?? null)),
        meanExpectationPosition: avg(members.map((r) => r?.expectationPosition ?? null)),
        meanAchievementPosition: avg(members.map((r) => r?.achievementPosition ?? null)),
      };
    });
    const lensBasis: Basis = { ...basis, pupils: labels.length };
    const reasons: InsufficientReason[] = [];
    if (labels.length < o.minPupils) reasons.push('fewPupils');
    if (groups < 2) reasons.push('fewGroups');
    let test: LensGapComparison['test'] = { status: 'insufficient', basis: lensBasis, reasons };
    if (reasons.length === 0) {
      const t = groupMeanTest(
        Int32Array.from(labels),
        groups,
        Float64Array.from(values),
        o.permutations,
        rngFor(o.seed, `gap:${lens.id}`),
      );
      test = {
        status: 'ok',
        basis: lensBasis,
        significance: significance('permutation', t.p, t.statistic, t.iterations, o),
      };
    }
    return { lensId: lens.id, lensName: lens.name, rows, test };
  });
}
