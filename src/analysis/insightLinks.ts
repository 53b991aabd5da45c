/** Insight rules that link treatment to single pupils' feedback and to relationship ratings. */
import type { Metric } from './metrics';
import type { InsightFinding, InsightThresholds, RelationshipParams } from './insightTypes';
import { adjustedP, familyKey, feedbackTest, survives } from './chance';
import type { AnalysisResult, Basis, RelationshipDimension } from './types';

type RelationshipKind = 'relationshipCorrection' | 'relationshipRegard';

const CORRECTIVE: readonly Metric[] = ['corrections', 'correctionWork', 'correctionBehaviour'];

/**
 * Relationship ratings against treatment. Shown only where a test says it is unlikely to be
 * chance: rho with |rho| ≥ t.rho, or the rating bands' means (pupils rated 3–5 against 1–2) at
 * least t.bandRatio times apart in the expected direction. Per dimension the strongest link is kept.
 */
export function relationshipFindings<K extends RelationshipKind>(
  result: AnalysisResult,
  t: InsightThresholds,
  kind: K,
): InsightFinding<K>[] {
  const wanted: {
    kind: RelationshipKind;
    dimension: RelationshipDimension;
    metrics: readonly Metric[];
    sign: 1 | -1;
  }[] = [
    { kind: 'relationshipCorrection', dimension: 'conflict', metrics: CORRECTIVE, sign: 1 },
    { kind: 'relationshipCorrection', dimension: 'closeness', metrics: CORRECTIVE, sign: -1 },
    {
      kind: 'relationshipRegard',
      dimension: 'closeness',
      metrics: ['praise', 'personal'],
      sign: 1,
    },
  ];
  const out: InsightFinding<K>[] = [];
  for (const w of wanted) {
    if (w.kind !== kind) continue;
    let best: { insight: InsightFinding<K>; p: number } | null = null;
    for (const c of result.relationship.correlations) {
      if (c.dimension !== w.dimension || !w.metrics.includes(c.metric)) continue;
      const lower = c.bands.find((b) => b.band === 'low');
      const upperRows = c.bands.filter((b) => b.band !== 'low' && b.pupils > 0);
      const upperN = upperRows.reduce((s, b) => s + b.pupils, 0);
      const upper =
        upperN > 0
          ? upperRows.reduce((s, b) => s + (b.meanRate ?? 0) * b.pupils, 0) / upperN
          : null;
      const lowRate = lower && lower.pupils > 0 ? lower.meanRate : null;
      let p: number | null = null;
      let adjusted: number | null = null;
      let basis: Basis | null = null;
      if (
        c.test.status === 'ok' &&
        c.rho !== null &&
        c.rho * w.sign >= t.rho &&
        !c.test.significance.couldBeChance
      ) {
        p = c.test.significance.p;
        adjusted = c.test.significance.adjustedP ?? null;
        basis = c.test.basis;
      }
      if (c.bandTest.status === 'ok' && upper !== null && lowRate !== null) {
        const [hi, lo] = w.sign > 0 ? [upper, lowRate] : [lowRate, upper];
        const contrast = lo === 0 ? hi > 0 : hi / lo >= t.bandRatio;
        const bp = c.bandTest.significance.p;
        if (contrast && !c.bandTest.significance.couldBeChance && (p === null || bp < p)) {
          p = bp;
          adjusted = c.bandTest.significance.adjustedP ?? null;
          basis = c.bandTest.basis;
        }
      }
      if (p === null || basis === null || (best && best.p <= p)) continue;
      const params: RelationshipParams = { dimension: c.dimension, metric: c.metric, n: c.n };
      if (c.rho !== null) params.rho = c.rho;
      if (upper !== null) params.rateRated3to5 = upper;
      if (lowRate !== null) params.rateRated1to2 = lowRate;
      const significance = { p, adjustedP: adjusted, couldBeChance: false };
      best = { p, insight: relationshipFinding(kind, params, basis, significance) };
    }
    if (best) out.push(best.insight);
  }
  return out;
}

/** Builds one relationship finding (the kind decides the id; the params are the same shape). */
function relationshipFinding<K extends RelationshipKind>(
  kind: K,
  params: RelationshipParams,
  basis: Basis,
  significance: InsightFinding['significance'],
): InsightFinding<K> {
  const id = `${kind}:${params.dimension}`;
  // One object per kind keeps the literal kind and its params together for the compiler.
  const found: { [P in RelationshipKind]: InsightFinding<P> } = {
    relationshipCorrection: { id, kind: 'relationshipCorrection', params, basis, significance },
    relationshipRegard: { id, kind: 'relationshipRegard', params, basis, significance },
  };
  return found[kind];
}

/** Pupils who get far more correction than praise compared with the rest of the class. */
export function praiseCorrectionFindings(
  result: AnalysisResult,
  t: InsightThresholds,
): InsightFinding<'praiseCorrection'>[] {
  const out: InsightFinding<'praiseCorrection'>[] = [];
  for (const p of result.quality.pupils) {
    // The pupil's feedback test, shared with the prompt; its decision is the family's.
    const f = feedbackTest(result, p.pupilId);
    if (!f || f.corrections < t.minCorrections) continue;
    if (f.share > f.restShare * t.praiseShareFactor) continue;
    const key = familyKey.feedback(p.pupilId);
    const { praise, restShare } = f;
    const corr = f.corrections;
    out.push({
      id: `praiseCorrection:${p.pupilId}`,
      kind: 'praiseCorrection',
      pupils: [p.pupilId],
      params: {
        praise,
        correctionWork: p.correctionWork ?? 0,
        correctionBehaviour: p.correctionBehaviour ?? 0,
        lessons: p.presentLessons,
        restPositiveShare: restShare,
      },
      basis: { lessons: p.presentLessons, events: praise + corr, pupils: 1 },
      significance: {
        p: f.p,
        adjustedP: adjustedP(result.chance, key),
        couldBeChance: !survives(result.chance, key),
      },
    });
  }
  return out;
}
