import { useMemo } from 'preact/hooks';
import { useLiveQuery } from '../../db/hooks';
import { listAttributions } from '../../db/repo/attributions';
import { causeMirror, RESEARCH, type CauseInput, type CauseRow } from '../../reflection';
import { t } from '../../i18n';
import { formatPercent } from '../../i18n/format';
import './cause.css';

function Cells({ row }: { row: CauseRow }) {
  return (
    <>
      <td class="num">{t('cause:mirror.ofTotal', { outside: row.outside, count: row.total })}</td>
      <td class="num">{row.share === null ? t('cause:mirror.few') : formatPercent(row.share)}</td>
    </>
  );
}

function Table({
  caption,
  rows,
  name,
}: {
  caption: string;
  rows: CauseRow[];
  name: (r: CauseRow) => string;
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cause:mirror.group')}</th>
          <th scope="col">{t('cause:mirror.outsideCol')}</th>
          <th scope="col">{t('cause:mirror.shareCol')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.group ?? 'none'}>
            <th scope="row">{name(r)}</th>
            <Cells row={r} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Where the teacher placed the cause, per expectation band and per characteristic value, with the
 * counts; then the question what they could do differently tomorrow. Nothing is shown before the
 * first tap (the card then only says how to record one).
 */
export function CauseMirrorCard({ data }: { data: CauseInput }) {
  const attributions = useLiveQuery(() => listAttributions(data.classId), [data.classId]);
  const mirror = useMemo(
    () => (attributions ? causeMirror(data, attributions) : null),
    [data, attributions],
  );
  if (attributions === undefined) return null;
  return (
    <section class="card cause-mirror" aria-labelledby="cause-mirror-heading">
      <h2 id="cause-mirror-heading">{t('cause:mirror.heading')}</h2>
      {mirror === null ? (
        <p class="muted">{t('cause:mirror.empty')}</p>
      ) : (
        <>
          <p>
            {t('cause:mirror.summary', {
              count: mirror.total,
              outside: mirror.outside,
              approach: mirror.byCause.approach,
              pupil: mirror.byCause.pupil,
              circumstances: mirror.byCause.circumstances,
            })}
          </p>
          <Table
            caption={t('cause:mirror.byBand')}
            rows={mirror.byBand}
            name={(r) =>
              r.group === null ? t('cause:mirror.unrated') : t(`cause:bands.${r.group}`)
            }
          />
          {mirror.byLens
            .filter((l) => l.rows.length > 0)
            .map((l) => (
              <Table
                key={l.lensId}
                caption={t('cause:mirror.byLens', { lens: l.lensName })}
                rows={l.rows}
                name={(r) => r.label ?? t('cause:mirror.noValue')}
              />
            ))}
          <p class="muted">{t('cause:mirror.smallNumbers', { count: mirror.minTaps })}</p>
          <p class="cause-mirror-question">{t('cause:mirror.question')}</p>
        </>
      )}
      <p class="muted">
        {t('cause:mirror.research', {
          sources: [RESEARCH.castelijnsStevens1996, RESEARCH.sylbing2020].join('; '),
        })}
      </p>
    </section>
  );
}
