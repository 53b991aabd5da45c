/**
 * Qualifier marks (question level, initiative, thinking time, kind of praise) are optional, and
 * turns logged afterwards carry none. When nothing of a mark was recorded in the period, what rests
 * on it says nothing ("no thinking time" would be "not marked"): the screen leaves those kinds out
 * and says once that the mark was not recorded. Pure: no DOM, no i18n.
 */
import type { Metric } from './metrics';
import type { Id, InteractionEvent } from '../model/types';

export type Mark = 'questionLevel' | 'initiative' | 'waitTime' | 'praiseType';

/** The kinds each mark's figures rest on. */
export const MARK_METRICS: Record<Mark, readonly Metric[]> = {
  questionLevel: ['higherOrder', 'recall'],
  initiative: ['volunteered', 'called'],
  waitTime: ['waitTime'],
  praiseType: ['praiseSpecific'],
};

const MARKS = Object.keys(MARK_METRICS) as Mark[];

function isMarked(e: InteractionEvent, mark: Mark): boolean {
  switch (mark) {
    case 'questionLevel':
      return (e.kind === 'turn' || e.kind === 'followUp') && e.questionLevel !== undefined;
    case 'initiative':
      return e.kind === 'turn' && e.initiative !== undefined;
    case 'waitTime':
      return e.kind === 'turn' && e.waitTime === true;
    case 'praiseType':
      return e.kind === 'praise' && e.praiseType !== undefined;
  }
}

/**
 * The marks not recorded once in the period's lessons, among those whose kinds are in scope (a
 * mark whose kinds are filtered out is not "not recorded").
 */
export function unmarked(
  events: readonly InteractionEvent[],
  lessonIds: readonly Id[],
  metrics: readonly Metric[],
): Mark[] {
  const scope = new Set(lessonIds);
  const seen = new Set<Mark>();
  for (const e of events) {
    if (!scope.has(e.lessonId)) continue;
    for (const mark of MARKS) if (!seen.has(mark) && isMarked(e, mark)) seen.add(mark);
    if (seen.size === MARKS.length) break;
  }
  return MARKS.filter((m) => !seen.has(m) && MARK_METRICS[m].some((x) => metrics.includes(x)));
}

/** The kinds to leave out of the screen for these marks. */
export function metricsWithout(metrics: readonly Metric[], marks: readonly Mark[]): Metric[] {
  const hidden = new Set(marks.flatMap((m) => MARK_METRICS[m]));
  return metrics.filter((m) => !hidden.has(m));
}
