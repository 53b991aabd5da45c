/**
 * The insights screen's view for component tests: what the analysis worker hands the screen,
 * computed in the test from the whole class data (the marks not recorded, the help counted apart,
 * the drill-down rows).
 */
import {
  drillRows,
  unmarked,
  type AnalysisResult,
  type ClassData,
  type DrillQuery,
} from '../../src/analysis';
import type { InsightsView } from '../../src/features/insights/view';
import type { IntentionRecord } from '../../src/model/types';
import { helpByChoice } from '../../src/reflection';

export function localInsightsView(
  data: ClassData,
  result: AnalysisResult,
  rest: Pick<InsightsView, 'onDrill'> & Partial<InsightsView>,
  intentions: readonly IntentionRecord[] = [],
): InsightsView {
  return {
    data,
    result,
    unmarked: unmarked(data.events, result.lessonIds, result.metrics),
    helpByChoice: helpByChoice(result, data, intentions),
    names: new Map(data.pupils.map((p) => [p.id, p.name])),
    drillRows: (query: DrillQuery) => Promise.resolve(drillRows(data, query)),
    ...rest,
  };
}
