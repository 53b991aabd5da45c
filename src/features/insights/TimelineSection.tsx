import { useState } from 'preact/hooks';
import type { Metric, TimeBucket } from '../../analysis';
import { t } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import { ChartFigure } from './ChartFigure';
import { SeriesKey, WeekChart, type WeekSeries } from './charts/WeekChart';
import { MetricSelect } from './MetricSelect';
import { pickMetric, type InsightsView } from './view';
import { metricLabel, metricPlural } from './words';

/** A series value (already per 10 lessons) as shown; a dash for a week without one. */
const shown = (v: number | null | undefined): string => (v == null ? '–' : formatNumber(v, 1));

const BANDS = ['high', 'middle', 'low'] as const;

/** The week's values of one metric: the whole class and each expectation band (in force then). */
export function weekSeries(weeks: readonly TimeBucket[], metric: Metric): WeekSeries[] {
  const all: WeekSeries = {
    key: 'all',
    label: t('insights:time.all'),
    marker: 'diamond',
    values: weeks.map((w) => {
      const rate = w.distribution.find((d) => d.metric === metric)?.meanRate ?? null;
      return rate === null ? null : rate * 10;
    }),
  };
  const bands = BANDS.map((band, i): WeekSeries => ({
    key: band,
    label: t(`insights:band.${band}`),
    marker: (['circle', 'square', 'triangle'] as const)[i] ?? 'circle',
    values: weeks.map((w) => {
      const row = w.expectation.metrics
        .find((m) => m.metric === metric)
        ?.rows.find((r) => r.group === band);
      return row && row.rate !== null ? row.rate * 10 : null;
    }),
  }));
  return [all, ...bands.filter((s) => s.values.some((v) => v !== null))];
}

/** Change over time: each week's rate per pupil, for the class and by expectation. */
export function TimelineSection({ view }: { view: InsightsView }) {
  const { result, onDrill } = view;
  const weeks = result.timeline.week;
  const [chosen, setChosen] = useState<Metric | null>(null);
  const metric =
    chosen && result.metrics.includes(chosen) ? chosen : pickMetric(result.metrics, ['turn']);
  if (!metric) return null;
  const series = weekSeries(weeks, metric);
  const weekNo = (w: TimeBucket) => Number(w.key.slice(-2));
  const range = (w: TimeBucket) => `${formatDate(w.from, 'short')} – ${formatDate(w.to, 'short')}`;
  const drill = (i: number) => {
    const w = weeks[i];
    if (!w) return;
    onDrill({
      type: 'lessons',
      title: t('insights:time.weekTitle', { week: weekNo(w), range: range(w) }),
      lessonIds: w.lessonIds,
      metric,
    });
  };
  const first = series[0]?.values.find((v) => v !== null) ?? null;
  const last = [...(series[0]?.values ?? [])].reverse().find((v) => v !== null) ?? null;
  return (
    <section class="card insights-section" id="ins-time" aria-labelledby="ins-time-h">
      <h2 id="ins-time-h">{t('insights:time.heading')}</h2>
      {weeks.length < 2 ? (
        <p class="muted">{t('insights:time.tooShort')}</p>
      ) : (
        <>
          <MetricSelect
            id="ins-time-metric"
            label={t('insights:time.metric')}
            metrics={result.metrics}
            value={metric}
            onChange={setChosen}
          />
          <ChartFigure
            id="ins-time-chart"
            summary={t('insights:time.summary', {
              metric: metricLabel(metric),
              count: weeks.length,
              first: shown(first),
              last: shown(last),
            })}
            legend={<SeriesKey series={series} />}
            table={() => (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('insights:time.week')}</th>
                    <th scope="col">{t('insights:table.lessons')}</th>
                    {series.map((s) => (
                      <th scope="col" key={s.key}>
                        {s.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {weeks.map((w, i) => (
                    <tr key={w.key}>
                      <th scope="row">
                        <button type="button" class="link" onClick={() => drill(i)}>
                          {t('insights:time.weekTitle', { week: weekNo(w), range: range(w) })}
                        </button>
                      </th>
                      <td>{w.basis.lessons}</td>
                      {series.map((s) => (
                        <td key={s.key}>{shown(s.values[i])}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          >
            <WeekChart
              labelledBy="ins-time-chart-summary"
              onSelect={drill}
              series={series}
              weeks={weeks.map((w, i) => ({
                key: w.key,
                label: t('insights:time.weekShort', { week: weekNo(w) }),
                aria: t('insights:time.weekLabel', {
                  week: weekNo(w),
                  range: range(w),
                  lessons: t('insights:count.lessons', { count: w.basis.lessons }),
                  values: series.map((s) => `${s.label} ${shown(s.values[i])}`).join(', '),
                }),
              }))}
            />
          </ChartFigure>
          <p class="muted small">
            {t('insights:time.howToRead', { metric: metricPlural(metric) })}
          </p>
        </>
      )}
    </section>
  );
}
