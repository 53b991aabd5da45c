/** The small-numbers rules (issue 4 §8) in one place. */
import type {
  AnalysisResult,
  Basis,
  GroupRow,
  InsufficientReason,
  QualityCounts,
  ResolvedOptions,
  Significance,
} from './types';

export interface Needs {
  /** Pupils (or participants) needed; default 1. */
  pupils?: number;
  /** Groups with members needed (group comparisons); default none. */
  groups?: { have: number; need: number };
  /** Whether the event minimum applies (not for per-pupil values like gaps). */
  events?: boolean;
}

/** Reasons a pattern may not be shown as one; empty when there is enough data. */
export function shortfalls(
  basis: Basis,
  o: Pick<ResolvedOptions, 'minLessons' | 'minEvents'>,
  needs: Needs = {},
): InsufficientReason[] {
  const reasons: InsufficientReason[] = [];
  if (basis.lessons < o.minLessons || basis.lessons === 0) reasons.push('fewLessons');
  if ((needs.events ?? true) && (basis.events < o.minEvents || basis.events === 0)) {
    reasons.push('fewEvents');
  }
  if (basis.pupils < (needs.pupils ?? 1)) reasons.push('fewPupils');
  if (needs.groups && needs.groups.have < needs.groups.need) reasons.push('fewGroups');
  return reasons;
}

export function significance(
  test: Significance['test'],
  p: number,
  statistic: number,
  iterations: number | null,
  o: ResolvedOptions,
): Significance {
  return { test, p, couldBeChance: !(p < o.alpha), statistic, iterations };
}

/** Below the period's data threshold the screens show raw counts only (issue 10 §2). */
export function belowThreshold(basis: Basis, o: ResolvedOptions): boolean {
  return shortfalls(basis, o).some((r) => r === 'fewLessons' || r === 'fewEvents');
}

const noRate = (r: GroupRow) => {
  r.rate = null;
  r.share = null;
  r.ratio = null;
  r.meanPupilRate = null;
};

/**
 * Strips every extrapolation from a result with too little data: rates per lesson, shares,
 * equity ratios, proportions and correlations become null; counts, presences and pupils stay.
 * Two lessons give no "per 10 lessons", no ratio and no rank correlation.
 */
export function rawCountsOnly(result: Omit<AnalysisResult, 'chance'>): void {
  for (const d of result.distribution) {
    d.meanRate = null;
    for (const p of d.pupils) {
      p.rate = null;
      p.share = null;
      p.shareRatio = null;
    }
  }
  for (const p of result.quiet.pupils) {
    p.rate = null;
    p.period.rate = null;
  }
  const ratios = (c: QualityCounts) => {
    c.positiveShare = null;
    c.positiveShareWork = null;
    c.positiveShareBehaviour = null;
    c.higherShare = null;
    c.followUpsPerTurn = null;
    c.calledShare = null;
  };
  ratios(result.quality.class);
  for (const p of result.quality.pupils) {
    ratios(p);
    for (const m of Object.keys(p.rates) as (keyof typeof p.rates)[]) p.rates[m] = null;
  }
  const groups = [...result.equity, result.expectation.current, result.expectation.inForce];
  for (const g of groups) for (const c of g.metrics) c.rows.forEach(noRate);
  if (result.achievement.pattern.status === 'ok') result.achievement.pattern.spearman = null;
  for (const c of result.relationship.correlations) {
    c.rho = null;
    for (const b of c.bands) b.meanRate = null;
  }
}
