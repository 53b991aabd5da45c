/**
 * Corrections in front of the class (issue 14, the pupil's side): where the teacher marked a
 * correction as "in front of the class" or "one to one", the share made in front of the class for
 * one pupil, or one expectation band, against the rest of the class's share (exact two-sided
 * binomial test). Each test joins the class-and-period chance family (chance.ts) when its data
 * suffice, whatever the share turns out to be: membership never depends on the effect found.
 * The finder that reads the family's decision is publicFindings.ts.
 */
import type { Id } from '../model/types';
import { binomialTwoSided } from './stats';
import { EFFECTS, PUPIL_SIDE } from './thresholds';
import type { AnalysisResult, ClassData } from './types';

const CORRECTIONS = new Set<string>(['correctionWork', 'correctionBehaviour']);

/** One subject's marked corrections and its test against the rest of the class. */
export interface PublicTest {
  /** Corrections with "where" marked "in front of the class". */
  publicCount: number;
  /** Corrections with "where" marked at all. */
  marked: number;
  /** publicCount / marked. */
  share: number;
  /** The rest of the class's share in front of the class. */
  restShare: number;
  /** Every marked correction of the class (the test's basis). */
  classMarked: number;
  /** Exact two-sided binomial p of publicCount of marked against restShare. */
  p: number;
}

export type PublicSubject =
  { kind: 'pupil'; pupilId: Id; pupilIds: Id[] } | { kind: 'band'; band: string; pupilIds: Id[] };

export interface PublicTestOf {
  subject: PublicSubject;
  test: PublicTest;
}

interface Tally {
  publicCount: number;
  marked: number;
}

/** The marked corrections the analysis counted: this class, its lessons, its kinds. */
function tallies(
  result: AnalysisResult,
  data: ClassData,
): { byPupil: Map<Id, Tally>; total: Tally } {
  const lessons = new Set(result.lessonIds);
  const kinds = new Set<string>(result.options.kinds);
  const byPupil = new Map<Id, Tally>();
  const total: Tally = { publicCount: 0, marked: 0 };
  for (const e of data.events) {
    if (e.classId !== result.classId || !lessons.has(e.lessonId)) continue;
    if (!CORRECTIONS.has(e.kind) || !kinds.has(e.kind) || e.audience === undefined) continue;
    const tally = byPupil.get(e.pupilId) ?? { publicCount: 0, marked: 0 };
    const isPublic = e.audience === 'class' ? 1 : 0;
    tally.marked++;
    tally.publicCount += isPublic;
    total.marked++;
    total.publicCount += isPublic;
    byPupil.set(e.pupilId, tally);
  }
  return { byPupil, total };
}

/** The test of one tally against the rest; null when the data do not suffice for it. */
function testOf(tally: Tally, total: Tally): PublicTest | null {
  const restMarked = total.marked - tally.marked;
  if (tally.marked < PUPIL_SIDE.minMarked || restMarked === 0) return null;
  const restShare = (total.publicCount - tally.publicCount) / restMarked;
  return {
    publicCount: tally.publicCount,
    marked: tally.marked,
    share: tally.publicCount / tally.marked,
    restShare,
    classMarked: total.marked,
    p: binomialTwoSided(tally.publicCount, tally.marked, restShare),
  };
}

/**
 * Every public-correction test of one class and period: per pupil still in the class with at
 * least PUPIL_SIDE.minMarked marked corrections, and per expectation band of at least
 * EFFECTS.minGroupPupils such pupils with as many marked corrections between them. Pupils in
 * pupil-id order, then the bands in the analysis' order.
 */
export function publicCorrectionTests(result: AnalysisResult, data: ClassData): PublicTestOf[] {
  const { byPupil, total } = tallies(result, data);
  if (total.marked === 0) return [];
  const removed = new Set(result.pupils.filter((p) => p.removed).map((p) => p.pupilId));
  const out: PublicTestOf[] = [];
  const ids = [...byPupil.keys()].filter((id) => !removed.has(id)).sort();
  for (const pupilId of ids) {
    const test = testOf(byPupil.get(pupilId) ?? { publicCount: 0, marked: 0 }, total);
    if (test) out.push({ subject: { kind: 'pupil', pupilId, pupilIds: [pupilId] }, test });
  }
  for (const g of result.expectation.current.groups) {
    if (g.group === null) continue;
    const pupilIds = g.pupilIds.filter((id) => !removed.has(id));
    if (pupilIds.length < EFFECTS.minGroupPupils) continue;
    const tally: Tally = { publicCount: 0, marked: 0 };
    for (const id of pupilIds) {
      tally.publicCount += byPupil.get(id)?.publicCount ?? 0;
      tally.marked += byPupil.get(id)?.marked ?? 0;
    }
    const test = testOf(tally, total);
    if (test) out.push({ subject: { kind: 'band', band: g.group, pupilIds }, test });
  }
  return out;
}
