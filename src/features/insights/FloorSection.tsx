import { useState } from 'preact/hooks';
import { PupilTable } from './PupilTable';
import type { Distribution, Metric } from '../../analysis';
import type { Id } from '../../model/types';
import { t } from '../../i18n';
import { ChartFigure } from './ChartFigure';
import { PupilBars } from './charts/PupilBars';
import { ChanceNote, InsufficientNote, MoreDetail } from './Honesty';
import { MetricSelect } from './MetricSelect';
import { distributionSummary, giniDetail, sortByRate, topFifthText } from './summaries';
import { pickMetric, type InsightsView } from './view';
import { metricCount, metricPlural, per10, percent } from './words';
import { FoldSection } from './Fold';
import { Icon } from './Icon';

/** Who got the floor and who did not: the spread of one kind over the pupils. */
export function FloorSection({ view }: { view: InsightsView }) {
  const { result, names, onDrill } = view;
  const [chosen, setChosen] = useState<Metric | null>(null);
  const metric =
    chosen && result.metrics.includes(chosen) ? chosen : pickMetric(result.metrics, ['turn']);
  const d = result.distribution.find((x) => x.metric === metric);
  if (!metric || !d) return null;
  const quiet = metric === 'turn' && result.quiet.pattern.status === 'ok' ? result.quiet : null;
  const flagged = new Set([
    ...(quiet?.pattern.status === 'ok' ? quiet.pattern.flagged : []),
    ...(quiet?.pattern.status === 'ok' ? quiet.pattern.flaggedInPeriod : []),
  ]);
  const drill = (pupilId: Id) => onDrill({ type: 'pupil', pupilId, metrics: [metric] });
  // Below the period's data threshold: raw counts only, no rate per 10 lessons (issue 10 §2).
  const counts = result.rawCountsOnly;
  return (
    <FoldSection id="ins-floor" heading={t('insights:floor.heading')}>
      <MetricSelect
        id="ins-floor-metric"
        label={t('insights:floor.metric')}
        metrics={result.metrics}
        value={metric}
        onChange={setChosen}
      />
      <FloorWords d={d} view={view} />
      {quiet && flagged.size > 0 ? (
        <p class="note note-unlikely">
          <Icon name="ring" />
          {t('insights:floor.quiet', {
            count: flagged.size,
            names: [...flagged].map((id) => names.get(id) ?? '?').join(', '),
            lastN: quiet.lastN,
          })}
        </p>
      ) : null}
      {d.pupils.some((p) => p.presentLessons > 0) ? (
        <ChartFigure
          id="ins-floor-chart"
          summary={distributionSummary(d, names, counts)}
          table={() => <FloorTable d={d} view={view} onSelect={drill} />}
        >
          <PupilBars
            labelledBy="ins-floor-chart-summary"
            mean={
              !counts && d.meanRate !== null
                ? { value: d.meanRate, label: t('insights:chart.mean') }
                : null
            }
            onSelect={drill}
            bars={sortByRate(
              d.pupils.filter((p) => p.presentLessons > 0),
              names,
            ).map((p) => ({
              id: p.pupilId,
              label: names.get(p.pupilId) ?? '?',
              // Below the threshold the bar is the count itself: nothing is extrapolated.
              value: counts ? p.count : (p.rate ?? 0),
              text: String(p.count),
              marked: flagged.has(p.pupilId),
              mark: '○',
              aria: t(counts ? 'insights:floor.barLabelCounts' : 'insights:floor.barLabel', {
                name: names.get(p.pupilId) ?? '?',
                count: metricCount(metric, p.count),
                lessons: t('insights:count.lessons', { count: p.presentLessons }),
                rate: per10(p.rate),
              }),
            }))}
          />
        </ChartFigure>
      ) : null}
      <p class="muted small">
        {t(counts ? 'insights:floor.howToReadCounts' : 'insights:floor.howToRead', {
          metric: metricPlural(metric),
        })}
      </p>
      {d.loggedAfter > 0 ? (
        <p class="muted small" data-testid="floor-logged-after">
          {t('insights:floor.loggedAfter', {
            count: metricCount(metric, d.total),
            after: d.loggedAfter,
          })}
        </p>
      ) : null}
    </FoldSection>
  );
}

function FloorWords({ d, view }: { d: Distribution; view: InsightsView }) {
  if (d.pattern.status !== 'ok') {
    return <InsufficientNote pattern={d.pattern} options={view.result.options} metric={d.metric} />;
  }
  return (
    <>
      <p>{topFifthText(d.pattern.topFifth, d.metric)}</p>
      <MoreDetail lines={[giniDetail(d.pattern.gini)]} />
      <ChanceNote
        q={view.result.options.q}
        significance={d.pattern.dispersion}
        counts={t('insights:floor.chanceCounts', {
          count: metricCount(d.metric, d.total),
          pupils: t('insights:count.pupils', { count: d.pattern.basis.pupils }),
        })}
      />
    </>
  );
}

function FloorTable({
  d,
  view,
  onSelect,
}: {
  d: Distribution;
  view: InsightsView;
  onSelect: (id: Id) => void;
}) {
  if (view.result.rawCountsOnly) {
    return (
      <PupilTable
        columns={[metricPlural(d.metric), t('insights:table.present')]}
        rows={sortByRate(d.pupils, view.names)}
        name={(id) => view.names.get(id) ?? '?'}
        onPupil={onSelect}
        cells={(p) => [p.count, p.presentLessons]}
      />
    );
  }
  return (
    <PupilTable
      columns={[
        metricPlural(d.metric),
        t('insights:table.present'),
        t('insights:table.per10'),
        t('insights:table.shareVsEqual'),
      ]}
      rows={sortByRate(d.pupils, view.names)}
      name={(id) => view.names.get(id) ?? '?'}
      onPupil={onSelect}
      cells={(p) => [
        p.count,
        p.presentLessons,
        per10(p.rate),
        <>
          {percent(p.share)} / {percent(p.expectedShare)}
        </>,
      ]}
    />
  );
}
