/**
 * The finder the prompts correctionsPublic and correctionsPublicByExpectation build on: of the
 * public-correction tests of the class's chance family (publicTests.ts), those whose share in
 * front of the class reaches the effect size, with the family's decision (Benjamini–Hochberg over
 * the same family as the insight cards, chance.ts).
 */
import { adjustedP, familyKey, survives } from './chance';
import { publicCorrectionTests, type PublicSubject, type PublicTest } from './publicTests';
import { PUPIL_SIDE } from './thresholds';
import type { AnalysisResult, ClassData } from './types';

export interface PublicFindingThresholds {
  /** At least this share of the marked corrections in front of the class… */
  publicShare: number;
  /** …out of at least this many marked corrections (never fewer than the family's minimum). */
  minMarked: number;
}

export const PUBLIC_FINDING_THRESHOLDS: Readonly<PublicFindingThresholds> = {
  publicShare: PUPIL_SIDE.publicShare,
  minMarked: PUPIL_SIDE.minMarked,
};

export interface PublicFinding extends PublicTest {
  subject: PublicSubject;
  /** The test's place in the family: adjusted p and whether it survives at the family's q. */
  significance: { p: number; adjustedP: number | null; couldBeChance: boolean };
}

/**
 * Subjects whose corrections were at least `publicShare` in front of the class and more so than
 * the rest of the class's, each with the family's decision; the caller keeps the firm ones.
 */
export function publicCorrectionFindings(
  result: AnalysisResult,
  data: ClassData,
  t: PublicFindingThresholds = PUBLIC_FINDING_THRESHOLDS,
): PublicFinding[] {
  return publicCorrectionTests(result, data)
    .filter(({ test }) => test.marked >= t.minMarked)
    .filter(({ test }) => test.share >= t.publicShare && test.share > test.restShare)
    .map(({ subject, test }) => {
      const key = familyKey.publicCorrections(subject);
      return {
        ...test,
        subject,
        significance: {
          p: test.p,
          adjustedP: adjustedP(result.chance, key),
          couldBeChance: !survives(result.chance, key),
        },
      };
    });
}
