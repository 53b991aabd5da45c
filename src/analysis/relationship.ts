/**
 * Measure 6: the latest closeness, conflict and dependency ratings (Pianta's STRS dimensions)
 * against how often a pupil is corrected, praised and given personal attention.
 */
import type { RelationshipRecord } from '../model/types';
import type { Aggregate, ClassIndex } from './indexer';
import { shortfalls, significance } from './honesty';
import type { Metric } from './metrics';
import { correlationTests, groupMeanTest } from './permutation';
import { rngFor } from '../domain/random';
import { midRanks, spearman } from './stats';
import type {
  Band,
  Basis,
  InsufficientReason,
  ResolvedOptions,
  PupilRelationship,
  RatingBandRow,
  RelationshipCorrelation,
  RelationshipDimension,
  RelationshipLink,
} from './types';

export const DIMENSIONS: readonly RelationshipDimension[] = ['closeness', 'conflict', 'dependency'];
const LINKED: readonly Metric[] = [
  'corrections',
  'correctionWork',
  'correctionBehaviour',
  'praise',
  'personal',
  'greeting',
];

const valid = (x: number) => Number.isFinite(x) && x >= 1 && x <= 5;

function ratingBand(x: number): Band {
  return x <= 2 ? 'low' : x >= 4 ? 'high' : 'middle';
}

function latestRatings(index: ClassIndex): (RelationshipRecord | null)[] {
  const to = index.options.to;
  const out: (RelationshipRecord | null)[] = index.pupils.map(() => null);
  for (const r of index.data.relationships) {
    const p = index.pupilIdx.get(r.pupilId);
    if (p === undefined || r.classId !== index.data.cls.id || r.date > to) continue;
    if (!valid(r.closeness) || !valid(r.conflict) || !valid(r.dependency)) continue;
    const cur = out[p];
    const newer =
      !cur ||
      (r.date !== cur.date
        ? r.date > cur.date
        : r.createdAt !== cur.createdAt
          ? r.createdAt > cur.createdAt
          : r.id > cur.id);
    if (newer) out[p] = r;
  }
  return out;
}

export function buildRelationship(index: ClassIndex, agg: Aggregate): RelationshipLink {
  const o = index.options;
  const latest = latestRatings(index);
  const pupils: PupilRelationship[] = [];
  latest.forEach((r, p) => {
    if (r) {
      pupils.push({
        pupilId: index.pupils[p]?.id ?? '',
        date: r.date,
        closeness: r.closeness,
        conflict: r.conflict,
        dependency: r.dependency,
      });
    }
  });
  const part: number[] = [];
  latest.forEach((r, p) => {
    if (r && (agg.presences[p] ?? 0) > 0) part.push(p);
  });
  const metrics = LINKED.filter((m) => index.slots[m] >= 0);
  const xs = DIMENSIONS.map((d) => part.map((p) => latest[p]?.[d] ?? 0));
  const counts = metrics.map((m) =>
    part.map((p) => agg.counts[p * index.nM + index.slots[m]] ?? 0),
  );
  const ys = counts.map((cs) => part.map((p, k) => (cs[k] ?? 0) / (agg.presences[p] ?? 1)));
  const bases = counts.map((cs) => ({
    lessons: agg.lessons,
    events: cs.reduce((s, c) => s + c, 0),
    pupils: part.length,
  }));
  // A correlation over a handful of pupils is one pupil's story: none below the minimum.
  const minN = Math.max(o.minPupils, o.minCorrelationPupils);
  const reasons = bases.map((b) => shortfalls(b, o, { pupils: minN }));
  // One shared stream of shuffles for all pairs (same seed, same p for each pair).
  const outcome = reasons.some((r) => r.length === 0)
    ? correlationTests(
        xs.map((x) => midRanks(x)),
        ys.map((y) => midRanks(y)),
        o.permutations,
        rngFor(o.seed, 'relationship'),
      )
    : null;
  const correlations: RelationshipCorrelation[] = [];
  DIMENSIONS.forEach((dimension, a) => {
    const x = xs[a] ?? [];
    metrics.forEach((metric, b) => {
      const y = ys[b] ?? [];
      const bands: RatingBandRow[] = (['low', 'middle', 'high'] as const).map((band) => {
        const rates = y.filter((_, k) => ratingBand(x[k] ?? 0) === band);
        return {
          band,
          pupils: rates.length,
          meanRate: rates.length > 0 ? rates.reduce((s, r) => s + r, 0) / rates.length : null,
        };
      });
      const basis = bases[b] ?? { lessons: agg.lessons, events: 0, pupils: part.length };
      const why = reasons[b] ?? [];
      const pair = a * metrics.length + b;
      const test: RelationshipCorrelation['test'] =
        why.length > 0 || !outcome
          ? { status: 'insufficient', basis, reasons: why }
          : {
              status: 'ok',
              basis,
              significance: significance(
                'permutation',
                outcome.p[pair] ?? 1,
                outcome.statistic[pair] ?? 0,
                outcome.iterations[pair] ?? o.permutations,
                o,
              ),
            };
      correlations.push({
        dimension,
        metric,
        n: part.length,
        rho: part.length >= minN && agg.lessons >= o.minLessons ? spearman(x, y) : null,
        bands,
        test,
        bandTest: bandTest(x, y, basis, why, `relationship-bands:${dimension}:${metric}`, o),
      });
    });
  });
  return { pupils, correlations };
}

const BAND_ORDER: readonly Band[] = ['low', 'middle', 'high'];

function bandTest(
  x: number[],
  y: number[],
  basis: Basis,
  reasons: InsufficientReason[],
  key: string,
  o: ResolvedOptions,
): RelationshipCorrelation['bandTest'] {
  const labels = x.map((v) => BAND_ORDER.indexOf(ratingBand(v)));
  const used = new Set(labels).size;
  const why = used < 2 ? [...reasons, 'fewGroups' as const] : reasons;
  if (why.length > 0) return { status: 'insufficient', basis, reasons: why };
  const t = groupMeanTest(
    Int32Array.from(labels),
    BAND_ORDER.length,
    Float64Array.from(y),
    o.permutations,
    rngFor(o.seed, key),
  );
  return {
    status: 'ok',
    basis,
    significance: significance('permutation', t.p, t.statistic, t.iterations, o),
  };
}
