import type { ComponentChildren } from 'preact';
import { t } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import type { BeforeAfterFigures, RateFigure, SideFigures } from './beforeAfter';
import { metricCount, metricLabel, metricPlural, per10, percent } from './words';
import { ScrollRegion } from './ScrollRegion';
import { MoreDetail } from './Honesty';

type Cell = (s: SideFigures) => ComponentChildren;

/** A figure with the counts it rests on underneath. */
function rateCell(r: RateFigure | null | undefined, count: (n: number) => string) {
  if (!r) return '–';
  return (
    <>
      {per10(r.rate)}{' '}
      <span class="split-counts">
        {t('insights:split.countOf', {
          count: count(r.count),
          presences: formatNumber(r.presences, 0),
        })}
      </span>
    </>
  );
}

/** Before and after as two columns; `rows` are [heading, cell] pairs. */
function SideTable({ figures, rows }: { figures: BeforeAfterFigures; rows: [string, Cell][] }) {
  const short = formatDate(figures.date, 'short');
  const caption = t('insights:split.caption', { date: formatDate(figures.date, 'long') });
  // Focusable, so the table can be scrolled by keyboard should it not fit (large text).
  return (
    <ScrollRegion label={caption}>
      <table class="split-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('insights:split.before', { date: short })}</th>
            <th scope="col">{t('insights:split.after', { date: short })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([heading, cell]) => (
            <tr key={heading}>
              <th scope="row">{heading}</th>
              <td>{cell(figures.before)}</td>
              <td>{cell(figures.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

const countRows = (): [string, Cell][] => [
  [t('insights:table.lessons'), (s) => s.basis.lessons],
  [t('insights:split.events'), (s) => s.basis.events],
  [t('insights:table.pupils'), (s) => s.basis.pupils],
];

/** Only what each side rests on: shown when a side has too little to compare. */
export function SideCounts({ figures }: { figures: BeforeAfterFigures }) {
  return <SideTable figures={figures} rows={countRows()} />;
}

/** Every key figure of both sides, each with its counts. */
export function BeforeAfterTable({ figures }: { figures: BeforeAfterFigures }) {
  const { metric } = figures;
  const count = (n: number) => metricCount(metric, n);
  const tooLittle = <span class="split-counts">{t('insights:split.patternShort')}</span>;
  const rows: [string, Cell][] = [
    ...countRows(),
    [t('insights:split.rate', { metric: metricLabel(metric) }), (s) => rateCell(s.rate, count)],
    [
      t('insights:split.top', { metric: metricPlural(metric) }),
      (s) =>
        s.spread ? (
          <>
            {percent(s.spread.countShare)}{' '}
            <span class="split-counts">
              {t('insights:split.topOf', {
                pupils: t('insights:count.pupils', { count: s.spread.size }),
                even: percent(s.spread.presenceShare),
              })}
            </span>
          </>
        ) : (
          tooLittle
        ),
    ],
    ...figures.bands.map((band): [string, Cell] => [
      t('insights:split.band', { band: t(`insights:band.${band}`) }),
      (s) => rateCell(s.bands[band], count),
    ]),
  ];
  if (figures.before.praise !== null) {
    rows.push([metricLabel('praise'), (s) => s.praise ?? '–']);
  }
  if (figures.before.corrections !== null) {
    rows.push([metricLabel('corrections'), (s) => s.corrections ?? '–']);
  }
  if (figures.before.praise !== null && figures.before.corrections !== null) {
    rows.push([t('insights:split.positive'), (s) => percent(s.positiveShare)]);
  }
  const { before, after } = figures;
  // The Gini coefficient is a statistic: behind "more detail", in plain words first.
  return (
    <>
      <SideTable figures={figures} rows={rows} />
      {before.spread && after.spread ? (
        <MoreDetail
          lines={[
            t('insights:detail.giniSides', {
              before: formatNumber(before.spread.gini, 2),
              after: formatNumber(after.spread.gini, 2),
            }),
          ]}
        />
      ) : null}
    </>
  );
}
