import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  analyseClass,
  deriveInsights,
  type AnalysisResult,
  type ClassData,
  type Insight,
} from '../../analysis';
import {
  cachedInsightsRead,
  onInsightsDataChanged,
  readInsightsData,
  type InsightsPeriod,
  type InsightsRead,
} from '../../db/repo/insightsData';
import { reportStorageError } from '../../db/status';
import type { IsoDate } from '../../model/types';
import type { Filters, ResolvedPeriod } from './period';

export interface InsightsAnalysis {
  result: AnalysisResult;
  insights: Insight[];
}

export interface InsightsState {
  /** undefined while the first read runs; null when the class does not exist. */
  data: ClassData | null | undefined;
  /** True while the data on screen belongs to an earlier period (a new read is under way). */
  stale: boolean;
  analysis: InsightsAnalysis | null;
}

// The last analysis, so re-opening the screen on unchanged data and filters costs nothing.
let lastAnalysis: { key: string; data: ClassData; value: InsightsAnalysis } | null = null;

function analyse(
  data: ClassData,
  period: InsightsPeriod,
  filters: Filters,
  today: IsoDate,
): InsightsAnalysis {
  const key = JSON.stringify([period, today, filters.kinds, filters.lessonIds, filters.split]);
  if (lastAnalysis && lastAnalysis.data === data && lastAnalysis.key === key) {
    return lastAnalysis.value;
  }
  const start = performance.now();
  const result = analyseClass(data, {
    today,
    ...(period.from ? { from: period.from } : {}),
    to: period.to,
    kinds: filters.kinds,
    ...(filters.lessonIds ? { lessonIds: filters.lessonIds } : {}),
    ...(filters.split ? { splitDate: filters.split } : {}),
  });
  const value = { result, insights: deriveInsights(result) };
  lastAnalysis = { key, data, value };
  // Named timings for the benchmark and the browser's performance panel.
  performance.measure('insights:analysis', { start });
  return value;
}

/**
 * The class's data for the period, kept up to date: read once, and again after any write to the
 * tables it comes from (see onInsightsDataChanged for why this is not a live query). When the last
 * read of the same class and period is still valid, it is shown at once without reading.
 */
function useInsightsRead(classId: string, period: InsightsPeriod): InsightsRead | undefined {
  const { from, to } = period;
  const [read, setRead] = useState<InsightsRead | undefined>(
    () => cachedInsightsRead(classId, period) ?? undefined,
  );
  useEffect(() => {
    let alive = true;
    let busy = false;
    let again = false;
    const load = () => {
      // Writes come in bursts (a lesson being logged): one read at a time, one more at the end.
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      const start = performance.now();
      readInsightsData(classId, { from, to })
        .then((r) => {
          performance.measure('insights:read', { start });
          if (alive) setRead(r);
        })
        .catch(reportStorageError)
        .finally(() => {
          busy = false;
          if (alive && again) {
            again = false;
            load();
          }
        });
    };
    const off = onInsightsDataChanged(load);
    const cached = cachedInsightsRead(classId, { from, to });
    if (cached) setRead(cached);
    else load();
    return () => {
      alive = false;
      off();
    };
  }, [classId, from, to]);
  return read;
}

/**
 * Reads the class's data for the period (following later changes) and analyses it for the
 * filters. The analysis is pure and synchronous (a school year: well under 100 ms).
 */
export function useInsights(
  classId: string,
  filters: Filters,
  period: ResolvedPeriod,
  today: IsoDate,
): InsightsState {
  // While a custom period is invalid, keep showing (and reading) the last valid one.
  const last = useRef<InsightsPeriod>({ from: null, to: today });
  if (period.ok) last.current = { from: period.from, to: period.to };
  const { from, to } = last.current;
  const read = useInsightsRead(classId, { from, to });
  const data = read?.data;
  const stale = read !== undefined && (read.from !== from || read.to !== to);
  const analysis = useMemo(
    () => (data && period.ok ? analyse(data, { from, to }, filters, today) : null),
    // The period's parts, not its object (a new object every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, period.ok, from, to, today, filters.kinds, filters.lessonIds, filters.split],
  );
  return { data, stale, analysis };
}
