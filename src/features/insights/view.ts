import type { AnalysisResult, ClassData, Metric } from '../../analysis';
import type { Id, IntentionRecord, IsoDate } from '../../model/types';
import type { Drill } from './drill';

/** What every section of the insights screen gets: the data, its analysis, names, drill-down. */
export interface InsightsView {
  data: ClassData;
  result: AnalysisResult;
  names: ReadonlyMap<Id, string>;
  /** The class's intentions (issue 14: help they name as deliberate is counted apart). */
  intentions?: readonly IntentionRecord[];
  onDrill: (drill: Drill) => void;
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
