import type { AnalysisResult, DrillQuery, DrillRows, Mark, Metric } from '../../analysis';
import type { Id, IsoDate } from '../../model/types';
import type { HelpByChoice } from '../../reflection';
import type { InsightsScreenData } from '../../workers/protocol';
import type { Drill } from './drill';

/** What every section of the insights screen gets: the data, its analysis, names, drill-down. */
export interface InsightsView {
  /** The class data without its events: those stay where the analysis runs. */
  data: InsightsScreenData;
  result: AnalysisResult;
  /** The qualifier marks not recorded once in the period (see src/analysis/marks.ts). */
  unmarked: readonly Mark[];
  names: ReadonlyMap<Id, string>;
  /** Help that intentions name as deliberate, counted apart on the help cards (issue 14). */
  helpByChoice: HelpByChoice | null;
  onDrill: (drill: Drill) => void;
  /** Counts the rows behind a figure where the events are (the analysis worker). */
  drillRows: (query: DrillQuery) => Promise<DrillRows | null>;
  /** Sets or clears the before/after date (kept in the URL); absent where it cannot be chosen. */
  onSplit?: (date: IsoDate | null) => void;
}

/** The metric to start a section on: the first of `preferred` in scope, else the first in scope. */
export function pickMetric(
  metrics: readonly Metric[],
  preferred: readonly Metric[],
): Metric | null {
  return preferred.find((m) => metrics.includes(m)) ?? metrics[0] ?? null;
}
