import { useState } from 'preact/hooks';
import type { GroupComparison, Metric, MetricComparison } from '../../analysis';
import { t } from '../../i18n';
import { ChartFigure } from './ChartFigure';
import { GroupBars } from './charts/GroupBars';
import { ChanceNote, InsufficientNote } from './Honesty';
import { MetricSelect } from './MetricSelect';
import { ratioAxisMax } from './scale';
import { groupSummary } from './summaries';
import { pickMetric, type InsightsView } from './view';
import { metricCount, metricLabel, metricPlural, per10, ratioText } from './words';
import { FoldSection } from './Fold';
import { ScrollRegion } from './ScrollRegion';

interface GroupSectionProps {
  view: InsightsView;
  /** Unique prefix for ids on the page. */
  id: string;
  heading: string;
  intro: string;
  comparison: GroupComparison;
  labelOf: (group: string | null) => string;
}

/**
 * A group comparison (expectation bands or the values of one lens): per group its share of a kind
 * against its share of the presences — the equity ratio, 1.0 being proportional — with counts.
 */
export function GroupSection({ view, id, heading, intro, comparison, labelOf }: GroupSectionProps) {
  const [chosen, setChosen] = useState<Metric | null>(null);
  const withData = comparison.metrics.filter((m) => m.total > 0).map((m) => m.metric);
  const metric =
    chosen && withData.includes(chosen) ? chosen : pickMetric(withData, ['turn', 'praise']);
  const c = comparison.metrics.find((m) => m.metric === metric);
  const rows = c ? c.rows.filter((r) => r.pupils > 0) : [];
  return (
    <FoldSection id={id} heading={heading}>
      <p class="muted">{intro}</p>
      {!metric || !c ? (
        <p class="muted">{t('insights:groups.noData')}</p>
      ) : (
        <>
          <MetricSelect
            id={`${id}-metric`}
            label={t('insights:groups.metric')}
            metrics={withData}
            value={metric}
            onChange={setChosen}
          />
          {c.test.status === 'ok' ? (
            <ChanceNote
              q={view.result.options.q}
              significance={c.test.significance}
              counts={rows
                .filter((r) => r.group !== null)
                .map((r) => `${labelOf(r.group)}: ${metricCount(metric, r.count)}`)
                .join(' · ')}
            />
          ) : (
            <InsufficientNote pattern={c.test} options={view.result.options} metric={metric} />
          )}
          {c.test.status !== 'ok' || view.result.rawCountsOnly ? (
            // Too little for a pattern: the counts only, no rates or ratios (issue 10, point 2).
            <ScrollRegion label={t('insights:groups.countsLabel', { heading })}>
              <GroupCounts rows={rows} metric={metric} labelOf={labelOf} />
            </ScrollRegion>
          ) : (
            <ChartFigure
              id={`${id}-chart`}
              summary={groupSummary(rows, metric, labelOf)}
              table={() => <GroupTables comparison={comparison} current={c} labelOf={labelOf} />}
            >
              <GroupBars
                labelledBy={`${id}-chart-summary`}
                max={ratioAxisMax(rows.map((r) => r.ratio))}
                reference={{ value: 1, label: t('insights:groups.proportional') }}
                onSelect={(group) => {
                  const info = comparison.groups.find((g) => (g.group ?? '∅') === group);
                  view.onDrill({
                    type: 'group',
                    title: labelOf(info?.group ?? null),
                    pupilIds: info?.pupilIds ?? [],
                    metric,
                  });
                }}
                bars={rows.map((r) => ({
                  id: r.group ?? '∅',
                  label: labelOf(r.group),
                  value: r.ratio,
                  muted: r.group === null,
                  text: ratioText(r.ratio),
                  sub: t('insights:groups.sub', {
                    pupils: t('insights:count.pupils', { count: r.pupils }),
                    count: metricCount(metric, r.count),
                  }),
                  aria: t('insights:groups.barLabel', {
                    group: labelOf(r.group),
                    pupils: t('insights:count.pupils', { count: r.pupils }),
                    count: metricCount(metric, r.count),
                    rate: per10(r.rate),
                    ratio: ratioText(r.ratio),
                  }),
                }))}
              />
            </ChartFigure>
          )}
          {c.test.status !== 'ok' || view.result.rawCountsOnly ? null : (
            <p class="muted small">
              {t('insights:groups.howToRead', { metric: metricPlural(metric) })}
            </p>
          )}
        </>
      )}
    </FoldSection>
  );
}

/** Below the threshold: per group its pupils, lessons present and count — nothing extrapolated. */
function GroupCounts({
  rows,
  metric,
  labelOf,
}: {
  rows: MetricComparison['rows'];
  metric: Metric;
  labelOf: (group: string | null) => string;
}) {
  return (
    <table class="counts-only">
      <thead>
        <tr>
          <th scope="col">{t('insights:table.group')}</th>
          <th scope="col">{t('insights:table.pupils')}</th>
          <th scope="col">{t('insights:table.present')}</th>
          <th scope="col">{metricPlural(metric)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.group ?? '∅'}>
            <th scope="row">{labelOf(r.group)}</th>
            <td>{r.pupils}</td>
            <td>{r.presences}</td>
            <td>{r.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The chosen kind in detail, then every kind's ratios at a glance. */
function GroupTables({
  comparison,
  current,
  labelOf,
}: {
  comparison: GroupComparison;
  current: MetricComparison;
  labelOf: (group: string | null) => string;
}) {
  const groups = comparison.groups.filter((g) => g.pupilIds.length > 0);
  return (
    <>
      <table>
        <caption>{metricLabel(current.metric)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insights:table.group')}</th>
            <th scope="col">{t('insights:table.pupils')}</th>
            <th scope="col">{t('insights:table.present')}</th>
            <th scope="col">{metricPlural(current.metric)}</th>
            <th scope="col">{t('insights:table.per10')}</th>
            <th scope="col">{t('insights:table.ratio')}</th>
          </tr>
        </thead>
        <tbody>
          {current.rows
            .filter((r) => r.pupils > 0)
            .map((r) => (
              <tr key={r.group ?? '∅'}>
                <th scope="row">{labelOf(r.group)}</th>
                <td>{r.pupils}</td>
                <td>{r.presences}</td>
                <td>{r.count}</td>
                <td>{per10(r.rate)}</td>
                <td>{ratioText(r.ratio)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <table>
        <caption>{t('insights:groups.allKinds')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insights:table.kind')}</th>
            {groups.map((g) => (
              <th scope="col" key={g.group ?? '∅'}>
                {labelOf(g.group)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('insights:table.present')}</th>
            {groups.map((g) => (
              <td key={g.group ?? '∅'}>
                {current.rows.find((x) => x.group === g.group)?.presences ?? '–'}
              </td>
            ))}
          </tr>
          {comparison.metrics
            .filter((m) => m.total > 0)
            .map((m) => (
              <tr key={m.metric}>
                <th scope="row">{metricLabel(m.metric)}</th>
                {groups.map((g) => {
                  const r = m.rows.find((x) => x.group === g.group);
                  return (
                    <td key={g.group ?? '∅'}>{r ? `${ratioText(r.ratio)} (${r.count})` : '–'}</td>
                  );
                })}
              </tr>
            ))}
        </tbody>
      </table>
    </>
  );
}
