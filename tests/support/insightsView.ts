/**
 * The insights screen's view for component tests: what the analysis worker hands the screen,
 * computed in the test from the whole class data (the marks not recorded, the drill-down rows).
 */
import {
  drillRows,
  unmarked,
  type AnalysisResult,
  type ClassData,
  type DrillQuery,
} from '../../src/analysis';
import type { InsightsView } from '../../src/features/insights/view';

export function localInsightsView(
  data: ClassData,
  result: AnalysisResult,
  rest: Pick<InsightsView, 'onDrill'> & Partial<InsightsView>,
): InsightsView {
  return {
    data,
    result,
    unmarked: unmarked(data.events, result.lessonIds, result.metrics),
    names: new Map(data.pupils.map((p) => [p.id, p.name])),
    drillRows: (query: DrillQuery) => Promise.resolve(drillRows(data, query)),
    ...rest,
  };
}
