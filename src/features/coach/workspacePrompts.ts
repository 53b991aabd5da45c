/**
 * The prompts on the coach's device: the same rules the teacher's screens run, over the package's
 * records and period (issue 14: e.g. an advice below the results, once the teacher ticked the
 * advice characteristic). The package holds no intentions, so the rules about them stay quiet.
 */
import type { AnalysisResult } from '../../analysis';
import { analysePackage, packageToClassData, type CoachPackage } from '../../intervisie';
import { derivePrompts, type Prompt } from '../../reflection';

export function packagePrompts(
  pkg: CoachPackage,
  result: AnalysisResult = analysePackage(pkg).result,
): Prompt[] {
  return derivePrompts({
    today: pkg.period.to,
    result,
    data: packageToClassData(pkg),
    intentions: [],
  });
}
