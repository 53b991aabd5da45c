import { useEffect, useMemo, useState } from 'preact/hooks';
import { href, useRoute } from '../../ui/router';
import type { Id } from '../../model/types';
import { toIsoDate } from '../../domain/dates';
import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { useStages } from '../../ui/useStages';
import { ClassNotFound } from '../classes/ClassNotFound';
import { ChartDefs } from './charts/ChartDefs';
import type { Drill } from './drill';
import { DrillDialog } from './DrillDialog';
import { FiltersPanel } from './FiltersPanel';
import { INSIGHTS_BODY_PARTS, InsightsBody } from './InsightsBody';
import { filtersFromQuery, filtersToQuery, resolvePeriod, type Filters } from './period';
import { useInsights } from './useInsights';
import type { InsightsView } from './view';
import './insights.css';

/**
 * "Inzicht": the teacher's own patterns for a class and a period — who got the floor, praise and
 * correction, differences by expectation and by lens, expectation against results, relationship,
 * change over time, and the seating plan — as observations with a question, never as verdicts.
 */
export function InsightsScreen({ classId }: { classId: string }) {
  const route = useRoute();
  const [today] = useState(() => toIsoDate(new Date()));
  const [filters, setFilters] = useState<Filters>(() => filtersFromQuery(route.query, today));
  const [drill, setDrill] = useState<Drill | null>(null);
  const period = resolvePeriod(filters, today);
  const { data, stale, analysis, drillRows } = useInsights(classId, filters, period, today);

  // Keep the filters in the URL (without a history entry), so a reload shows the same view.
  useEffect(() => {
    const target = `#/class/${encodeURIComponent(classId)}/insights?${filtersToQuery(filters)}`;
    if (location.hash !== target) history.replaceState(history.state, '', target);
  }, [classId, filters]);

  const names = useMemo(
    () => new Map<Id, string>((data?.pupils ?? []).map((p) => [p.id, p.name])),
    [data],
  );
  // The same object while nothing in it changed: drawing the body's next part does not build the
  // ones already shown again.
  const view = useMemo<InsightsView | null>(
    () =>
      analysis && data
        ? {
            data,
            result: analysis.result,
            unmarked: analysis.unmarked,
            names,
            helpByChoice: analysis.helpByChoice,
            onDrill: setDrill,
            drillRows,
            onSplit: (split) => setFilters((f) => ({ ...f, split })),
          }
        : null,
    [analysis, data, names, drillRows],
  );
  // Each analysis (the first, and a new one for other filters) is drawn in parts, one task each,
  // the summary painted first: one task for the whole screen was several hundred ms on a
  // throttled phone, and 50-80 ms for a period changed on the open screen.
  const parts = useStages(INSIGHTS_BODY_PARTS, Boolean(view), view);

  if (data === null) return <ClassNotFound />;
  const back = href('class', classId);
  if (data === undefined) {
    return (
      <Screen title={t('insights:titlePlain')} back={back}>
        <p class="loading">{t('common:loading')}</p>
      </Screen>
    );
  }
  const filtersPanel = (
    <FiltersPanel
      filters={filters}
      period={period}
      today={today}
      lessons={data.lessons}
      onChange={setFilters}
    />
  );
  return (
    <Screen title={t('insights:title', { name: data.cls.name })} back={back} wide>
      <ChartDefs />
      <div
        class="insights"
        aria-busy={stale ? 'true' : 'false'}
        data-ready={!stale && view && parts === INSIGHTS_BODY_PARTS ? 'true' : 'false'}
      >
        {view && analysis ? (
          <InsightsBody
            view={view}
            insights={analysis.insights}
            filters={filtersPanel}
            parts={parts}
          />
        ) : (
          filtersPanel
        )}
        <p class="insights-intro muted small">{t('insights:intro')}</p>
      </div>
      {view ? <DrillDialog drill={drill} view={view} onClose={() => setDrill(null)} /> : null}
    </Screen>
  );
}
