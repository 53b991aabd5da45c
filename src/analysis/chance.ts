/**
 * Chance control over one class and period (issue 10 §3). Every test behind a claim "unlikely to
 * be chance" that the insight cards, the prompts or the sections can make for one analysis result
 * is a member of ONE family; its false discovery rate is controlled with Benjamini–Hochberg (1995)
 * at q (CHANCE.q in thresholds.ts). Membership depends on the data being sufficient for the test
 * and on covariates (a relationship rating), never on the size of the effect found: selecting
 * large effects first would let chance through. docs/analysis.md, "Chance control".
 */
import { publicCorrectionTests, type PublicSubject } from './publicTests';
import { binomialTwoSided } from './stats';
import type { AnalysisResult, ClassData, PeriodMeasures, Significance } from './types';
import { FEEDBACK, PUPIL_RATINGS } from './thresholds';

/** One test of the family: a stable key and its unadjusted p. */
export interface Hypothesis {
  key: string;
  p: number;
}

/** The family of one class and period, after Benjamini–Hochberg. Plain data (cloneable). */
export interface ChanceFamily {
  /** The false discovery rate controlled. */
  q: number;
  /** Tests in the family (m). */
  size: number;
  /** How many survive (adjusted p ≤ q). */
  survivors: number;
  /** The largest unadjusted p that survives; null when none does. */
  cutoff: number | null;
  /** Benjamini–Hochberg adjusted p per key. */
  adjusted: Record<string, number>;
}

/** Floating-point slack: 3 · 0.05 / 3 must still count as 0.05. */
const within = (a: number, q: number) => a <= q * (1 + 1e-9);

const clean = (p: number) => (Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 1);

/**
 * Benjamini–Hochberg adjusted p-values, in the input order: with the p-values sorted ascending,
 * adj₍ᵢ₎ = min over j ≥ i of min(1, m · p₍ⱼ₎ / j). A test survives at q exactly when adj ≤ q, which
 * is the step-up rule "the largest k with p₍ₖ₎ ≤ k·q/m; reject the k smallest". Ties share a value.
 */
export function bhAdjusted(ps: readonly number[]): number[] {
  const m = ps.length;
  const v = ps.map(clean);
  const order = v.map((_, i) => i).sort((a, b) => (v[a] ?? 1) - (v[b] ?? 1) || a - b);
  const out = new Array<number>(m).fill(1);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const i = order[r] ?? 0;
    running = Math.min(running, ((v[i] ?? 1) * m) / (r + 1));
    out[i] = Math.min(1, running);
  }
  return out;
}

/** Which tests survive Benjamini–Hochberg at q, in the input order. */
export function bhSurvivors(ps: readonly number[], q: number): boolean[] {
  return bhAdjusted(ps).map((a) => within(a, q));
}

export function chanceFamily(
  hypotheses: readonly Hypothesis[],
  q: number,
  correction: 'bh' | 'none' = 'bh',
): ChanceFamily {
  // 'none' keeps every p as it is (each test on its own at q): the decision before chance control.
  const ps = hypotheses.map((h) => h.p);
  const adjustedList = correction === 'bh' ? bhAdjusted(ps) : ps.map(clean);
  const adjusted: Record<string, number> = {};
  let survivors = 0;
  let cutoff: number | null = null;
  hypotheses.forEach((h, i) => {
    const a = adjustedList[i] ?? 1;
    adjusted[h.key] = a;
    if (within(a, q)) {
      survivors++;
      cutoff = cutoff === null ? clean(h.p) : Math.max(cutoff, clean(h.p));
    }
  });
  return { q, size: hypotheses.length, survivors, cutoff, adjusted };
}

/** Is the claim with this key unlikely to be chance within its family? Not a member: no. */
export function survives(family: ChanceFamily, key: string): boolean {
  const a = family.adjusted[key];
  return a !== undefined && within(a, family.q);
}

export function adjustedP(family: ChanceFamily, key: string): number | null {
  return family.adjusted[key] ?? null;
}

// ---------------------------------------------------------------------------------------------
// The keys of the family's members: one function per kind of test, used by the collector below
// and by every reader (cards, prompts, sections), so a claim and its test cannot drift apart.

export const familyKey = {
  quiet: (pupilId: string, window: 'recent' | 'period') => `quiet:${window}:${pupilId}`,
  dispersion: (metric: string) => `dispersion:${metric}`,
  equity: (lensId: string, metric: string) => `equity:${lensId}:${metric}`,
  expectation: (metric: string) => `expectation:${metric}`,
  placement: (lensId: string) => `placement:${lensId}`,
  rho: (dimension: string, metric: string) => `rho:${dimension}:${metric}`,
  bands: (dimension: string, metric: string) => `bands:${dimension}:${metric}`,
  feedback: (pupilId: string) => `feedback:${pupilId}`,
  attention: (pupilId: string) => `attention:${pupilId}`,
  specificPraise: () => 'specificPraise',
  /** Corrections in front of the class, of one pupil or one expectation band (publicTests.ts). */
  publicCorrections: (subject: PublicSubject) =>
    subject.kind === 'pupil' ? `public:pupil:${subject.pupilId}` : `public:band:${subject.band}`,
} as const;

/** One pupil's praise against corrections, compared with the rest of the class's praise share. */
export interface FeedbackTest {
  praise: number;
  corrections: number;
  /** praise / (praise + corrections). */
  share: number;
  /** The rest of the class's praise share. */
  restShare: number;
  /** Exact two-sided binomial p of the pupil's praise count against restShare. */
  p: number;
}

/**
 * The feedback test of one pupil, shared by the card (praiseCorrection) and the prompt
 * (correctionsConflict). Null when the pupil was present in too few lessons, has too little
 * feedback to test, or the rest of the class has none.
 */
export function feedbackTest(result: AnalysisResult, pupilId: string): FeedbackTest | null {
  const cls = result.quality.class;
  if (cls.praise === null || (cls.correctionWork === null && cls.correctionBehaviour === null)) {
    return null;
  }
  const p = result.quality.pupils.find((x) => x.pupilId === pupilId);
  if (!p || p.presentLessons < result.options.minLessons) return null;
  const praise = p.praise ?? 0;
  const corrections = (p.correctionWork ?? 0) + (p.correctionBehaviour ?? 0);
  if (praise + corrections < FEEDBACK.minFeedback) return null;
  const restPraise = cls.praise - praise;
  const restFeedback =
    restPraise + (cls.correctionWork ?? 0) + (cls.correctionBehaviour ?? 0) - corrections;
  if (restFeedback <= 0) return null;
  const restShare = restPraise / restFeedback;
  return {
    praise,
    corrections,
    share: praise / (praise + corrections),
    restShare,
    p: binomialTwoSided(praise, praise + corrections, restShare),
  };
}

/** Personal attention of one pupil rated low on closeness, against the pupil's fair share. */
export interface AttentionTest {
  personal: number;
  lessons: number;
  /** The class's personal attention × the pupil's share of the presences. */
  expected: number;
  closeness: number;
  p: number;
}

/** The attention test of one pupil (prompt closenessAttention); null when it does not apply. */
export function attentionTest(result: AnalysisResult, pupilId: string): AttentionTest | null {
  const rating = result.relationship.pupils.find((r) => r.pupilId === pupilId);
  if (!rating || rating.closeness > PUPIL_RATINGS.closenessAtMost) return null;
  const d = result.distribution.find((x) => x.metric === 'personal');
  if (!d || d.pattern.status !== 'ok') return null;
  const row = d.pupils.find((r) => r.pupilId === pupilId);
  if (!row || row.presentLessons < result.options.minLessons || !row.expectedShare) return null;
  return {
    personal: row.count,
    lessons: row.presentLessons,
    expected: d.total * row.expectedShare,
    closeness: rating.closeness,
    p: binomialTwoSided(row.count, d.total, row.expectedShare),
  };
}

/** Praise with its kind marked: how much was specific, tested against one half. */
export interface SpecificPraiseTest {
  specific: number;
  general: number;
  p: number;
}

export function specificPraiseTest(
  result: AnalysisResult,
  data: ClassData,
): SpecificPraiseTest | null {
  if (result.basis.lessons < result.options.minLessons) return null;
  const lessons = new Set(result.lessonIds);
  const pupils = new Set(result.pupils.map((p) => p.pupilId));
  let specific = 0;
  let general = 0;
  for (const e of data.events) {
    if (e.kind !== 'praise' || e.classId !== result.classId) continue;
    if (!lessons.has(e.lessonId) || !pupils.has(e.pupilId)) continue;
    if (e.praiseType === 'specific') specific++;
    else if (e.praiseType === 'general') general++;
  }
  const n = specific + general;
  if (n < result.options.minEvents) return null;
  return { specific, general, p: binomialTwoSided(specific, n, 0.5) };
}

// ---------------------------------------------------------------------------------------------
// Collecting the family and writing its decision back

type Tested = { key: string; significance: Significance };

/** The group and spread tests of a period (the whole period, or one side of before/after). */
function periodTests(m: Pick<PeriodMeasures, 'distribution' | 'equity'>): Tested[] {
  const out: Tested[] = [];
  for (const d of m.distribution) {
    if (d.pattern.status === 'ok' && d.pattern.dispersion) {
      out.push({ key: familyKey.dispersion(d.metric), significance: d.pattern.dispersion });
    }
  }
  for (const lens of m.equity) {
    for (const c of lens.metrics) {
      if (c.test.status === 'ok' && c.test.significance) {
        out.push({
          key: familyKey.equity(lens.lensId, c.metric),
          significance: c.test.significance,
        });
      }
    }
  }
  return out;
}

function resultTests(result: AnalysisResult): Tested[] {
  const out = periodTests(result);
  for (const c of result.expectation.current.metrics) {
    if (c.test.status === 'ok' && c.test.significance) {
      out.push({ key: familyKey.expectation(c.metric), significance: c.test.significance });
    }
  }
  for (const lens of result.achievement.lenses) {
    if (lens.test.status === 'ok') {
      out.push({ key: familyKey.placement(lens.lensId), significance: lens.test.significance });
    }
  }
  for (const c of result.relationship.correlations) {
    if (c.test.status === 'ok') {
      out.push({ key: familyKey.rho(c.dimension, c.metric), significance: c.test.significance });
    }
    if (c.bandTest.status === 'ok') {
      out.push({
        key: familyKey.bands(c.dimension, c.metric),
        significance: c.bandTest.significance,
      });
    }
  }
  return out;
}

/** Every test of one class and period that a card, prompt or section can call unlikely to be chance. */
export function familyHypotheses(result: AnalysisResult, data: ClassData): Hypothesis[] {
  const out: Hypothesis[] = resultTests(result).map((t) => ({
    key: t.key,
    p: t.significance.p,
  }));
  if (result.quiet.pattern.status === 'ok') {
    for (const q of result.quiet.pupils) {
      if (q.status !== 'insufficient' && q.p !== null) {
        out.push({ key: familyKey.quiet(q.pupilId, 'recent'), p: q.p });
      }
      // The period is its own test only when it holds more lessons than the recent window.
      const w = q.period;
      if (w.status !== 'insufficient' && w.p !== null && w.attended > q.attended) {
        out.push({ key: familyKey.quiet(q.pupilId, 'period'), p: w.p });
      }
    }
  }
  for (const p of result.pupils) {
    const f = feedbackTest(result, p.pupilId);
    if (f) out.push({ key: familyKey.feedback(p.pupilId), p: f.p });
    const a = attentionTest(result, p.pupilId);
    if (a) out.push({ key: familyKey.attention(p.pupilId), p: a.p });
  }
  const s = specificPraiseTest(result, data);
  if (s) out.push({ key: familyKey.specificPraise(), p: s.p });
  for (const { subject, test } of publicCorrectionTests(result, data)) {
    out.push({ key: familyKey.publicCorrections(subject), p: test.p });
  }
  return out;
}

/** The key under which a quiet stretch was tested (the period falls back on the recent window). */
export function quietKey(
  family: ChanceFamily,
  pupilId: string,
  window: 'recent' | 'period',
): string {
  const key = familyKey.quiet(pupilId, window);
  return window === 'period' && !(key in family.adjusted)
    ? familyKey.quiet(pupilId, 'recent')
    : key;
}

function decide(s: Significance, family: ChanceFamily, key: string): void {
  const a = family.adjusted[key];
  s.adjustedP = a ?? null;
  s.couldBeChance = !(a !== undefined && within(a, family.q));
}

/**
 * Runs Benjamini–Hochberg over the family and writes the decision into every test of the result
 * (`couldBeChance`, `adjustedP`), so a section, a card and a prompt about the same test say the
 * same. Each side of a before/after split is a period of its own, with its own family.
 */
export function controlChance(
  result: AnalysisResult,
  data: ClassData,
  q: number,
  correction: 'bh' | 'none' = 'bh',
): ChanceFamily {
  // Uncorrected, each test stands on its own at the single-test level alpha.
  const level = correction === 'bh' ? q : result.options.alpha;
  const family = chanceFamily(familyHypotheses(result, data), level, correction);
  for (const t of resultTests(result)) decide(t.significance, family, t.key);
  if (result.beforeAfter) {
    for (const side of [result.beforeAfter.before, result.beforeAfter.after]) {
      const tests = periodTests(side);
      const own = chanceFamily(
        tests.map((t) => ({ key: t.key, p: t.significance.p })),
        level,
        correction,
      );
      for (const t of tests) decide(t.significance, own, t.key);
    }
  }
  return family;
}
