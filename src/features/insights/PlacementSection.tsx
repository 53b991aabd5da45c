import type { Metric } from '../../analysis';
import { PupilTable } from './PupilTable';
import type { Id } from '../../model/types';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { ChartFigure } from './ChartFigure';
import { PlacementChart } from './charts/PlacementChart';
import { ChanceNote, InsufficientNote, MoreDetail } from './Honesty';
import { gapText, type InsightContext } from './insightText';
import { placementSummary } from './summaries';
import type { InsightsView } from './view';
import { listText, percent } from './words';
import { FoldSection } from './Fold';

const DRILL_METRICS: Metric[] = ['turn', 'higherOrder', 'praise', 'corrections'];

/** Expectation against achievement: who the expectation places clearly higher or lower. */
export function PlacementSection({ view, ctx }: { view: InsightsView; ctx: InsightContext }) {
  const { result, names, onDrill } = view;
  const a = result.achievement;
  const compared = a.pupils
    .filter((p) => p.expectationPosition !== null && p.achievementPosition !== null)
    .sort((x, y) => (x.gap ?? 0) - (y.gap ?? 0));
  const name = (id: Id) => names.get(id) ?? '?';
  const drill = (pupilId: Id) =>
    onDrill({
      type: 'pupil',
      pupilId,
      metrics: DRILL_METRICS.filter((m) => result.metrics.includes(m)),
    });
  const mark = (placed: string | null) =>
    placed === 'higher' ? '▲' : placed === 'lower' ? '▼' : '';
  return (
    <FoldSection id="ins-placement" heading={t('insights:placement.heading')}>
      <p class="muted">
        {a.assessments.length > 0
          ? t('insights:placement.intro', {
              assessments: listText(a.assessments.map((x) => x.label)),
            })
          : t('insights:placement.noResults')}
      </p>
      {a.pattern.status !== 'ok' ? (
        <InsufficientNote pattern={a.pattern} options={result.options} />
      ) : (
        <>
          <p>
            {placementSummary(a.pattern.higher.length, a.pattern.lower.length, compared.length)}
          </p>
          {a.pattern.lower.length > 0 ? (
            <p>
              <span aria-hidden="true">▼ </span>
              {t('insights:placement.lower', { names: listText(a.pattern.lower.map(name)) })}
            </p>
          ) : null}
          {a.pattern.higher.length > 0 ? (
            <p>
              <span aria-hidden="true">▲ </span>
              {t('insights:placement.higher', { names: listText(a.pattern.higher.map(name)) })}
            </p>
          ) : null}
        </>
      )}
      {compared.length > 0 ? (
        <ChartFigure
          id="ins-placement-chart"
          summary={t('insights:placement.chartSummary', {
            count: compared.length,
          })}
          legend={
            <ul class="series-key" aria-hidden="true">
              <li>
                <span class="key-circle" /> {t('insights:placement.keyExpectation')}
              </li>
              <li>
                <span class="key-square" /> {t('insights:placement.keyResults')}
              </li>
            </ul>
          }
          table={() => (
            <PupilTable
              columns={[
                t('insights:placement.colExpectation'),
                t('insights:placement.colResults'),
                t('insights:placement.colGap'),
              ]}
              rows={compared}
              name={name}
              onPupil={drill}
              cells={(p) => [
                percent(p.expectationPosition),
                percent(p.achievementPosition),
                <>
                  {mark(p.placed)} {gapText(p.gap ?? 0, ctx)}
                </>,
              ]}
            />
          )}
        >
          <PlacementChart
            labelledBy="ins-placement-chart-summary"
            axis={{ low: t('insights:placement.axisLow'), high: t('insights:placement.axisHigh') }}
            onSelect={drill}
            rows={compared.map((p) => ({
              id: p.pupilId,
              label: name(p.pupilId),
              expectation: p.expectationPosition ?? 0,
              achievement: p.achievementPosition ?? 0,
              mark: mark(p.placed),
              aria: t('insights:placement.rowLabel', {
                name: name(p.pupilId),
                expectation: percent(p.expectationPosition),
                results: percent(p.achievementPosition),
                gap: gapText(p.gap ?? 0, ctx),
              }),
            }))}
          />
        </ChartFigure>
      ) : null}
      {a.lenses.map((lens) => {
        const labelOf = (group: string | null) =>
          result.equity.find((e) => e.lensId === lens.lensId)?.groups.find((g) => g.group === group)
            ?.label ?? t('insights:groups.notSet');
        const rows = lens.rows.filter((r) => r.pupils > 0 && r.meanGap !== null);
        if (rows.length === 0) return null;
        return (
          <div key={lens.lensId} class="lens-gap">
            <h3>{t('insights:placement.lensHeading', { lens: lens.lensName })}</h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('insights:table.group')}</th>
                  <th scope="col">{t('insights:table.pupils')}</th>
                  <th scope="col">{t('insights:placement.colMeanGap')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.group ?? '∅'}>
                    <th scope="row">{labelOf(r.group)}</th>
                    <td>{r.pupils}</td>
                    <td>{gapText(r.meanGap ?? 0, ctx)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {lens.test.status === 'ok' ? (
              <ChanceNote
                q={result.options.q}
                significance={lens.test.significance}
                counts={rows.map((r) => `${labelOf(r.group)}: ${r.pupils}`).join(' · ')}
              />
            ) : (
              <InsufficientNote pattern={lens.test} options={result.options} />
            )}
          </div>
        );
      })}
      {a.pattern.status === 'ok' && a.pattern.spearman !== null ? (
        <MoreDetail
          lines={[
            t('insights:detail.rho', {
              rho: formatNumber(a.pattern.spearman, 2),
              n: t('insights:count.pupils', { count: compared.length }),
            }),
          ]}
        />
      ) : null}
    </FoldSection>
  );
}
