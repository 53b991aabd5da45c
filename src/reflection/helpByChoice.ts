/**
 * Help the teacher chose to give (issue 14, deliberate differentiation): of the help in the
 * period, how often it went to pupils an intention names as deliberately helped more, on a day
 * within that intention's period. The insights' help cards show it beside the pattern, counted
 * apart, as the teacher's own choice (Elffers 2022: fair chances can mean treating pupils
 * unequally). Counted in the analysis worker, where the events are.
 */
import type { AnalysisResult, ClassData } from '../analysis';
import type { Id, IntentionRecord, IsoDate } from '../model/types';
import { deliberateHelpOn } from './rules/deliberate';

export interface HelpByChoice {
  /** Help in the period (the analysis' lessons and pupils). */
  help: number;
  /** Of it, help to pupils the teacher deliberately helps more on that day. */
  chosen: number;
  /** The pupils that chosen help went to. */
  pupils: number;
}

/**
 * Null when no intention of the class names deliberately helped pupils for a day with help in
 * the period, or when help is not in scope: then there is nothing to count apart.
 */
export function helpByChoice(
  result: AnalysisResult,
  data: Pick<ClassData, 'events'>,
  intentions: readonly IntentionRecord[],
): HelpByChoice | null {
  const mine = intentions.filter(
    (i) => i.classId === result.classId && i.deletedAt === null && (i.moreHelpFor?.length ?? 0) > 0,
  );
  if (mine.length === 0 || !result.metrics.includes('help')) return null;
  const lessons = new Set(result.lessonIds);
  const inClass = new Set(result.pupils.map((p) => p.pupilId));
  const onDate = new Map<IsoDate, Set<Id>>();
  const helped = new Set<Id>();
  let help = 0;
  let chosen = 0;
  let covered = false;
  for (const e of data.events) {
    if (e.kind !== 'help' || e.classId !== result.classId) continue;
    if (!lessons.has(e.lessonId) || !inClass.has(e.pupilId)) continue;
    help++;
    let deliberate = onDate.get(e.date);
    if (!deliberate) {
      deliberate = deliberateHelpOn(mine, e.date);
      onDate.set(e.date, deliberate);
    }
    if (deliberate.size > 0) covered = true;
    if (deliberate.has(e.pupilId)) {
      chosen++;
      helped.add(e.pupilId);
    }
  }
  return covered ? { help, chosen, pupils: helped.size } : null;
}
