import type { AnalysisResult } from '../../analysis';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { per10 } from '../insights/words';

const collator = new Intl.Collator('nl', { numeric: true });

/** The count with the app's rate beside it: per 10 lessons present, as on the insights screen. */
function cell(count: number | null, present: number) {
  if (count === null) return '–';
  const rate = present > 0 ? ` (${per10(count / present)})` : '';
  return `${formatNumber(count, 0)}${rate}`;
}

/** Turns, praise and corrections per pupil (by code), with the rate per 10 lessons present. */
export function WorkspaceFigures({
  result,
  codeOf,
}: {
  result: AnalysisResult;
  codeOf: (pupilId: string) => string;
}) {
  const rows = [...result.quality.pupils].sort((a, b) =>
    collator.compare(codeOf(a.pupilId), codeOf(b.pupilId)),
  );
  return (
    <section class="card coach-section" aria-labelledby="ws-figures-heading">
      <h2 id="ws-figures-heading">{t('coach:workspace.figuresHeading')}</h2>
      <div class="coach-scroll" role="region" aria-labelledby="ws-figures-heading" tabIndex={0}>
        <table class="coach-table">
          <caption>{t('coach:workspace.figuresCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('coach:workspace.code')}</th>
              <th scope="col">{t('coach:workspace.present')}</th>
              <th scope="col">{t('coach:workspace.turns')}</th>
              <th scope="col">{t('coach:workspace.praise')}</th>
              <th scope="col">{t('coach:workspace.corrections')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => {
              const corrections =
                p.correctionWork === null && p.correctionBehaviour === null
                  ? null
                  : (p.correctionWork ?? 0) + (p.correctionBehaviour ?? 0);
              return (
                <tr key={p.pupilId}>
                  <th scope="row">{codeOf(p.pupilId)}</th>
                  <td>{formatNumber(p.presentLessons, 0)}</td>
                  <td>{cell(p.turns, p.presentLessons)}</td>
                  <td>{cell(p.praise, p.presentLessons)}</td>
                  <td>{cell(corrections, p.presentLessons)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
