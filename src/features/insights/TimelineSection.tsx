import { useState } from 'preact/hooks';
import type { Metric, TimeBucket } from '../../analysis';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { BeforeAfterPanel } from './BeforeAfterPanel';
import { ChartFigure } from './ChartFigure';
import { SeriesKey, WeekChart, type WeekSeries } from './charts/WeekChart';
import { MetricSelect } from './MetricSelect';
import { bucketSeries, bucketShort, bucketTitle, type TimeUnit } from './timeBuckets';
import { TimeUnitChoice } from './TimeUnitChoice';
import { pickMetric, type InsightsView } from './view';
import { metricLabel, metricPlural } from './words';
import './time.css';
import { FoldSection } from './Fold';

/** A series value (already per 10 lessons) as shown; a dash for a bucket without one. */
const shown = (v: number | null | undefined): string => (v == null ? '–' : formatNumber(v, 1));

/**
 * Change over time: each week's or month's rate per pupil, for the class and by expectation; then
 * the lessons before a chosen date against those from that date on.
 */
export function TimelineSection({ view }: { view: InsightsView }) {
  const { result } = view;
  const [chosen, setChosen] = useState<Metric | null>(null);
  const [unit, setUnit] = useState<TimeUnit>('week');
  const metric =
    chosen && result.metrics.includes(chosen) ? chosen : pickMetric(result.metrics, ['turn']);
  if (!metric) return null;
  const buckets = result.timeline[unit];
  return (
    <FoldSection id="ins-time" heading={t('insights:time.heading')}>
      <MetricSelect
        id="ins-time-metric"
        label={t('insights:time.metric')}
        metrics={result.metrics}
        value={metric}
        onChange={setChosen}
      />
      {result.timeline.week.length < 2 || result.rawCountsOnly ? (
        <p class="muted">{t('insights:time.tooShort')}</p>
      ) : (
        <>
          <TimeUnitChoice value={unit} onChange={setUnit} />
          {buckets.length < 2 ? (
            <p class="muted">{t('insights:time.oneMonth')}</p>
          ) : (
            <BucketChart view={view} metric={metric} unit={unit} buckets={buckets} />
          )}
        </>
      )}
      <BeforeAfterPanel view={view} metric={metric} />
    </FoldSection>
  );
}

interface BucketChartProps {
  view: InsightsView;
  metric: Metric;
  unit: TimeUnit;
  buckets: readonly TimeBucket[];
}

/** The line chart of the buckets with its summary and table; a bucket opens its lessons. */
function BucketChart({ view, metric, unit, buckets }: BucketChartProps) {
  const series: WeekSeries[] = bucketSeries(buckets, metric);
  const drill = (i: number) => {
    const b = buckets[i];
    if (!b) return;
    view.onDrill({ type: 'lessons', title: bucketTitle(b, unit), lessonIds: b.lessonIds, metric });
  };
  const first = series[0]?.values.find((v) => v !== null) ?? null;
  const last = [...(series[0]?.values ?? [])].reverse().find((v) => v !== null) ?? null;
  const id = `ins-time-chart-${unit}`;
  return (
    <>
      <ChartFigure
        id={id}
        summary={t(`insights:time.summary.${unit}`, {
          metric: metricLabel(metric),
          count: buckets.length,
          first: shown(first),
          last: shown(last),
        })}
        legend={<SeriesKey series={series} />}
        table={() => (
          <table>
            <thead>
              <tr>
                <th scope="col">{t(`insights:time.units.${unit}`)}</th>
                <th scope="col">{t('insights:table.lessons')}</th>
                {series.map((s) => (
                  <th scope="col" key={s.key}>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {buckets.map((b, i) => (
                <tr key={b.key}>
                  <th scope="row">
                    <button type="button" class="link" onClick={() => drill(i)}>
                      {bucketTitle(b, unit)}
                    </button>
                  </th>
                  <td>{b.basis.lessons}</td>
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
          labelledBy={`${id}-summary`}
          onSelect={drill}
          series={series}
          weeks={buckets.map((b, i) => ({
            key: b.key,
            label: bucketShort(b, unit),
            aria: t('insights:time.bucketLabel', {
              name: bucketTitle(b, unit),
              lessons: t('insights:count.lessons', { count: b.basis.lessons }),
              values: series.map((s) => `${s.label} ${shown(s.values[i])}`).join(', '),
            }),
          }))}
        />
      </ChartFigure>
      <p class="muted small">
        {t(`insights:time.howToRead.${unit}`, { metric: metricPlural(metric) })}
      </p>
    </>
  );
}
