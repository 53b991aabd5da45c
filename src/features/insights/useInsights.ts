import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AnalysisResult, DrillQuery, DrillRows, Insight, Mark } from '../../analysis';
import { reportStorageError } from '../../db/status';
import type { IsoDate } from '../../model/types';
import type { HelpByChoice } from '../../reflection';
import { askWorker, dataGeneration, followWorkerData, peekWorker } from '../../workers/client';
import type {
  InsightsScreenData,
  InsightsAnswer,
  InsightsViewRequest,
} from '../../workers/protocol';
import type { Filters, ResolvedPeriod } from './period';

export interface InsightsAnalysis {
  result: AnalysisResult;
  insights: Insight[];
  unmarked: Mark[];
  helpByChoice: HelpByChoice | null;
}

export interface InsightsState {
  /** undefined while the first answer is on its way; null when the class does not exist. */
  data: InsightsScreenData | null | undefined;
  /** True while what is on screen belongs to other filters (a new answer is under way). */
  stale: boolean;
  analysis: InsightsAnalysis | null;
  /** The rows behind a figure, for the period on screen (counted in the worker). */
  drillRows: (query: DrillQuery) => Promise<DrillRows | null>;
}

function requestFor(
  classId: string,
  period: { from: IsoDate | null; to: IsoDate },
  filters: Filters,
  today: IsoDate,
): InsightsViewRequest {
  return {
    kind: 'insightsView',
    classId,
    from: period.from,
    to: period.to,
    today,
    kinds: filters.kinds,
    lessonIds: filters.lessonIds,
    split: filters.split,
    generation: dataGeneration(),
  };
}

/**
 * The class's data for the period and its analysis for the filters, kept up to date. Reading and
 * analysing run in the analysis worker (src/workers), so a school year never blocks the main
 * thread; the same question on unchanged data is answered from its cache at once. Changes made
 * afterwards (this tab or another) ask again.
 */
export function useInsights(
  classId: string,
  filters: Filters,
  period: ResolvedPeriod,
  today: IsoDate,
): InsightsState {
  // While a custom period is invalid, keep showing (and asking for) the last valid one.
  const last = useRef<{ from: IsoDate | null; to: IsoDate }>({ from: null, to: today });
  if (period.ok) last.current = { from: period.from, to: period.to };
  const { from, to } = last.current;
  const request = requestFor(classId, { from, to }, filters, today);
  const key = JSON.stringify(request);
  const [answer, setAnswer] = useState<{ key: string; view: InsightsAnswer } | undefined>(() => {
    const view = peekWorker(request);
    return view ? { key, view } : undefined;
  });

  useEffect(() => {
    let alive = true;
    const ask = () => {
      const r = requestFor(classId, { from, to }, filters, today);
      const k = JSON.stringify(r);
      askWorker(r)
        .then((view) => {
          if (!alive) return;
          const end = performance.now();
          // Named timings for the benchmark and the browser's performance panel.
          performance.measure('insights:read', { end, duration: view.timings.readMs });
          performance.measure('insights:analysis', { end, duration: view.timings.analysisMs });
          setAnswer({ key: k, view });
        })
        .catch(reportStorageError);
    };
    const stop = followWorkerData(ask);
    return () => {
      alive = false;
      stop();
    };
    // The filters' parts, not its object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [classId, from, to, today, filters.kinds, filters.lessonIds, filters.split]);

  // The period is read when asked (the last valid one, as on screen), so the function stays the
  // same across period changes: a new one would give the screen a new view, redrawn in full
  // before the new analysis has even arrived.
  const drillRows = useCallback(
    (query: DrillQuery): Promise<DrillRows | null> =>
      askWorker({
        kind: 'insightsDrill',
        classId,
        from: last.current.from,
        to: last.current.to,
        generation: dataGeneration(),
        query,
      }),
    [classId],
  );

  const view = answer?.view;
  // An answer for an older generation of the same question is still this question's answer.
  const sameQuestion = answer !== undefined && sameExceptGeneration(answer.key, key);
  return {
    data: view?.data,
    stale: answer !== undefined && !sameQuestion,
    analysis: period.ok ? (view?.analysis ?? null) : null,
    drillRows,
  };
}

function sameExceptGeneration(a: string, b: string): boolean {
  const strip = (k: string) => {
    const { generation: _g, ...rest } = JSON.parse(k) as InsightsViewRequest;
    return JSON.stringify(rest);
  };
  return strip(a) === strip(b);
}
