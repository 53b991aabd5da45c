import { useState } from 'preact/hooks';
import type { Metric, PupilShare } from '../../analysis';
import { href } from '../../ui/router';
import type { Id, PupilRecord } from '../../model/types';
import { shortNames } from '../../domain/names';
import { layoutSeats } from '../../domain/seating';
import { t } from '../../i18n';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { ChartFigure } from './ChartFigure';
import { GroupBars } from './charts/GroupBars';
import { ratioAxisMax } from './scale';
import { SeatCell } from './SeatCell';
import { seatGroups } from './seatGroups';
import type { InsightsView } from './view';
import { metricCount, metricLabel, metricPlural, per10, percent, ratioText } from './words';
import { FoldSection } from './Fold';
import { ScrollRegion } from './ScrollRegion';

const CHOICES: Metric[] = ['turn', 'praise', 'corrections'];
const SEAT_GROUPINGS = ['row', 'col'] as const;

/** The seating plan coloured by how often each pupil got a kind, with the number on every seat. */
export function SeatingSection({ view }: { view: InsightsView }) {
  const { data, result, names, onDrill } = view;
  const choices = CHOICES.filter((m) => result.metrics.includes(m));
  const [chosen, setChosen] = useState<Metric>('turn');
  const [by, setBy] = useState<(typeof SEAT_GROUPINGS)[number]>('row');
  const metric = choices.includes(chosen) ? chosen : choices[0];
  const d = result.distribution.find((x) => x.metric === metric);
  if (!metric || !d) return null;
  const share = new Map<Id, PupilShare>(d.pupils.map((p) => [p.pupilId, p]));
  const pupils = data.pupils.filter((p) => share.has(p.id));
  const grid = data.cls.seating;
  const cells = layoutSeats(pupils, grid);
  // Seats show short names that stay distinct ("Daan K." / "Daan V."); the label keeps the full one.
  const shorts = shortNames(pupils.map((p) => ({ id: p.id, name: names.get(p.id) ?? p.name })));
  const seated = pupils.some((p) => p.seat !== null);
  const groups = seatGroups(d.pupils, new Map(pupils.map((p) => [p.id, p.seat])), grid, by);
  const groupLabel = (i: number) =>
    by === 'row'
      ? i === 0
        ? t('insights:seating.frontRow')
        : t('insights:seating.row', { n: i + 1 })
      : t('insights:seating.col', { n: i + 1 });
  const drill = (pupilId: Id) => onDrill({ type: 'pupil', pupilId, metrics: [metric] });
  // Below the period's data threshold: the counts only, no colour against a mean (issue 10 §2).
  const counts = result.rawCountsOnly;
  return (
    <FoldSection id="ins-seating" class="seat-heat-card" heading={t('insights:seating.heading')}>
      <ChoiceGroup
        legend={t('insights:seating.show')}
        name="ins-seat-metric"
        options={choices}
        value={metric}
        onChange={setChosen}
        class="choice-row"
        label={metricLabel}
      />
      {!seated ? (
        <p class="muted">
          {t('insights:seating.noSeats')}{' '}
          <a href={href('class', data.cls.id, 'seating')}>{t('insights:seating.toSeating')}</a>
        </p>
      ) : null}
      <p class="seat-front" aria-hidden="true">
        {t('insights:seating.front')}
      </p>
      <ScrollRegion class="seat-heat-scroll" label={t('insights:seating.mapLabel')}>
        <div class="seat-heat" style={{ '--cols': String(Math.max(1, grid.cols)) }}>
          {cells.flatMap((row, r) =>
            row.map((p: PupilRecord | null, c) =>
              p ? (
                <SeatCell
                  key={p.id}
                  measure={counts ? 'counts' : 'ratio'}
                  metric={metric}
                  share={share.get(p.id)}
                  meanRate={d.meanRate}
                  name={names.get(p.id) ?? '?'}
                  short={shorts.get(p.id) ?? '?'}
                  onSelect={() => drill(p.id)}
                />
              ) : (
                <div key={`e${r}-${c}`} class="seat seat-empty" aria-hidden="true" />
              ),
            ),
          )}
        </div>
      </ScrollRegion>
      {counts ? (
        <p class="muted small">
          {t('insights:seating.countsOnly', { metric: metricPlural(metric) })}
        </p>
      ) : (
        <>
          <p class="muted small">
            {t('insights:seating.howToRead', { metric: metricPlural(metric) })}
          </p>
          <ul class="heat-key" aria-label={t('insights:seating.keyLabel')}>
            {([0, 1, 2, 3, 4] as const).map((level) => (
              <li key={level}>
                <span class={`heat-swatch heat-${level}`} aria-hidden="true" />
                {t(`insights:seating.level.${level}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {seated && groups.length > 1 && counts ? (
        <ScrollRegion label={t('insights:seating.countsLabel')}>
          <table class="counts-only">
            <thead>
              <tr>
                <th scope="col">
                  {by === 'row' ? t('insights:seating.byRow') : t('insights:seating.byCol')}
                </th>
                <th scope="col">{t('insights:table.pupils')}</th>
                <th scope="col">{t('insights:table.present')}</th>
                <th scope="col">{metricPlural(metric)}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.index}>
                  <th scope="row">{groupLabel(g.index)}</th>
                  <td>{g.pupils.length}</td>
                  <td>{g.presences}</td>
                  <td>{g.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {seated && groups.length > 1 && !counts ? (
        <>
          <ChoiceGroup
            legend={t('insights:seating.compare')}
            name="ins-seat-by"
            options={SEAT_GROUPINGS}
            value={by}
            onChange={setBy}
            class="choice-row"
            label={(g) => (g === 'row' ? t('insights:seating.byRow') : t('insights:seating.byCol'))}
          />
          <ChartFigure
            id="ins-seat-chart"
            summary={t('insights:seating.summary', {
              part: groupLabel(groups[0]?.index ?? 0),
              share: percent(groups[0]?.share ?? null),
              presence: percent(groups[0]?.presenceShare ?? null),
              metric: metricPlural(metric),
            })}
            table={() => (
              <table>
                <thead>
                  <tr>
                    <th scope="col">
                      {by === 'row' ? t('insights:seating.byRow') : t('insights:seating.byCol')}
                    </th>
                    <th scope="col">{t('insights:table.pupils')}</th>
                    <th scope="col">{t('insights:table.present')}</th>
                    <th scope="col">{metricPlural(metric)}</th>
                    <th scope="col">{t('insights:table.per10')}</th>
                    <th scope="col">{t('insights:table.ratio')}</th>
                  </tr>
                </thead>
                <tbody>
                  {groups.map((g) => (
                    <tr key={g.index}>
                      <th scope="row">{groupLabel(g.index)}</th>
                      <td>{g.pupils.length}</td>
                      <td>{g.presences}</td>
                      <td>{g.count}</td>
                      <td>{per10(g.rate)}</td>
                      <td>{ratioText(g.ratio)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          >
            <GroupBars
              labelledBy="ins-seat-chart-summary"
              max={ratioAxisMax(groups.map((g) => g.ratio))}
              reference={{ value: 1, label: t('insights:groups.proportional') }}
              onSelect={(id) => {
                const g = groups.find((x) => String(x.index) === id);
                if (g) {
                  onDrill({
                    type: 'group',
                    title: groupLabel(g.index),
                    pupilIds: g.pupils,
                    metric,
                  });
                }
              }}
              bars={groups.map((g) => ({
                id: String(g.index),
                label: groupLabel(g.index),
                value: g.ratio,
                text: ratioText(g.ratio),
                sub: t('insights:groups.sub', {
                  pupils: t('insights:count.pupils', { count: g.pupils.length }),
                  count: metricCount(metric, g.count),
                }),
                aria: t('insights:groups.barLabel', {
                  group: groupLabel(g.index),
                  pupils: t('insights:count.pupils', { count: g.pupils.length }),
                  count: metricCount(metric, g.count),
                  rate: per10(g.rate),
                  ratio: ratioText(g.ratio),
                }),
              }))}
            />
          </ChartFigure>
        </>
      ) : null}
    </FoldSection>
  );
}
