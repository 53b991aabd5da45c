import { useState } from 'preact/hooks';
import type { Band, RelationshipCorrelation } from '../../analysis';
import { href } from '../../ui/router';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { ChartFigure } from './ChartFigure';
import { GroupBars } from './charts/GroupBars';
import { ChanceNote, InsufficientNote, MoreDetail } from './Honesty';
import { niceCeil } from './scale';
import type { InsightsView } from './view';
import { metricLabel, metricPlural, per10 } from './words';
import { FoldSection } from './Fold';

/** The pairs worth looking at (Pianta 2001): conflict with corrections, closeness with regard. */
const PAIRS = [
  ['conflict', 'correctionBehaviour'],
  ['conflict', 'corrections'],
  ['closeness', 'praise'],
  ['closeness', 'personal'],
  ['closeness', 'corrections'],
] as const;

const BAND_ORDER: Band[] = ['low', 'middle', 'high'];

/** Relationship ratings against corrections, praise and personal attention. */
export function RelationshipSection({ view }: { view: InsightsView }) {
  const { result } = view;
  const rel = result.relationship;
  const available = PAIRS.map(([dimension, metric]) =>
    rel.correlations.find((c) => c.dimension === dimension && c.metric === metric),
  ).filter((c): c is RelationshipCorrelation => c !== undefined && c.n > 0);
  const [chosen, setChosen] = useState(0);
  const c = available[Math.min(chosen, available.length - 1)];
  const pairLabel = (x: RelationshipCorrelation) =>
    t('insights:relationship.pair', {
      dimension: t(`insights:relationship.dimension.${x.dimension}`),
      metric: metricPlural(x.metric),
    });
  return (
    <FoldSection id="ins-relationship" heading={t('insights:relationship.heading')}>
      {rel.pupils.length === 0 || !c ? (
        <p class="muted">
          {t('insights:relationship.none')}{' '}
          <a href={href('class', result.classId, 'relationships')}>
            {t('insights:relationship.toRatings')}
          </a>
        </p>
      ) : (
        <>
          <p class="muted">
            {t('insights:relationship.intro', {
              count: rel.pupils.length,
            })}
          </p>
          <label class="field metric-select" for="ins-rel-pair">
            <span>{t('insights:relationship.choose')}</span>
            <select
              id="ins-rel-pair"
              value={String(available.indexOf(c))}
              onChange={(e) => setChosen(Number(e.currentTarget.value))}
            >
              {available.map((x, i) => (
                <option key={`${x.dimension}-${x.metric}`} value={String(i)}>
                  {pairLabel(x)}
                </option>
              ))}
            </select>
          </label>
          {c.bandTest.status === 'ok' ? (
            <ChanceNote
              q={result.options.q}
              significance={c.bandTest.significance}
              counts={t('insights:count.pupils', { count: c.n })}
            />
          ) : (
            <InsufficientNote pattern={c.bandTest} options={result.options} metric={c.metric} />
          )}
          {/* Below the period's threshold no mean rate per band: the note above gives the counts. */}
          {result.rawCountsOnly ? null : (
            <RelationshipChart c={c} view={view} label={pairLabel(c)} />
          )}
          {c.rho !== null ? (
            <MoreDetail
              lines={[
                t('insights:detail.rho', {
                  rho: formatNumber(c.rho, 2),
                  n: t('insights:count.pupils', { count: c.n }),
                }),
                ...(c.test.status === 'ok' && c.test.significance.couldBeChance
                  ? [t('insights:relationship.rhoChance')]
                  : []),
              ]}
            />
          ) : null}
        </>
      )}
    </FoldSection>
  );
}

function RelationshipChart({
  c,
  view,
  label,
}: {
  c: RelationshipCorrelation;
  view: InsightsView;
  label: string;
}) {
  const bandLabel = (b: Band) => t(`insights:relationship.band.${b}`);
  const rows = BAND_ORDER.map((b) => c.bands.find((x) => x.band === b)).filter(
    (r): r is NonNullable<typeof r> => r !== undefined && r.pupils > 0,
  );
  const max = niceCeil(Math.max(...rows.map((r) => (r.meanRate ?? 0) * 10)));
  // Which pupils sit in a rating band: their latest rating on the chosen dimension.
  const membersOf = (band: Band) =>
    view.result.relationship.pupils
      .filter((p) => {
        const v = p[c.dimension];
        return band === 'low' ? v <= 2 : band === 'high' ? v >= 4 : v === 3;
      })
      .map((p) => p.pupilId);
  const summary = t('insights:relationship.summary', {
    pair: label,
    parts: rows.map((r) => `${bandLabel(r.band)}: ${per10(r.meanRate)}`).join(', '),
  });
  return (
    <ChartFigure
      id="ins-rel-chart"
      summary={summary}
      table={() => (
        <table>
          <thead>
            <tr>
              <th scope="col">{t(`insights:relationship.dimension.${c.dimension}`)}</th>
              <th scope="col">{t('insights:table.pupils')}</th>
              <th scope="col">
                {t('insights:relationship.colRate', { metric: metricLabel(c.metric) })}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.band}>
                <th scope="row">{bandLabel(r.band)}</th>
                <td>{r.pupils}</td>
                <td>{per10(r.meanRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    >
      <GroupBars
        labelledBy="ins-rel-chart-summary"
        max={max}
        onSelect={(band) =>
          view.onDrill({
            type: 'group',
            title: `${t(`insights:relationship.dimension.${c.dimension}`)} ${bandLabel(band as Band)}`,
            pupilIds: membersOf(band as Band),
            metric: c.metric,
          })
        }
        bars={rows.map((r) => ({
          id: r.band,
          label: bandLabel(r.band),
          value: (r.meanRate ?? 0) * 10,
          text: per10(r.meanRate),
          sub: t('insights:count.pupils', { count: r.pupils }),
          aria: t('insights:relationship.barLabel', {
            band: bandLabel(r.band),
            pupils: t('insights:count.pupils', { count: r.pupils }),
            rate: per10(r.meanRate),
            metric: metricPlural(c.metric),
          }),
        }))}
      />
    </ChartFigure>
  );
}
