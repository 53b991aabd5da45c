import type { AnalysisResult } from '../../analysis';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { per10 } from '../insights/words';

/*
 * Charts are laid out in percentages of their width and pixels of height, without a viewBox, so
 * the text keeps its size on a phone and on paper alike.
 */
const ROW = 20;
const LABEL = 30;
const pc = (n: number) => `${n.toFixed(2)}%`;

interface Props {
  result: AnalysisResult;
  nameOf: (pupilId: string) => string;
}

/**
 * Turns per 10 lessons present, one bar per pupil (most first), with the count beside it and the
 * class mean as a line: the same figure and words as the insights screen.
 */
export function TurnsChart({ result, nameOf }: Props) {
  const dist = result.distribution.find((d) => d.metric === 'turn');
  if (!dist) return null;
  const rows = dist.pupils
    .filter((p) => p.presentLessons > 0)
    .sort(
      (a, b) => (b.rate ?? 0) - (a.rate ?? 0) || nameOf(a.pupilId).localeCompare(nameOf(b.pupilId)),
    );
  const max = Math.max(0.1, ...rows.map((r) => r.rate ?? 0));
  const scale = 55 / max;
  const start = LABEL + 1;
  const height = rows.length * ROW + 8;
  const mean = dist.meanRate ?? 0;
  const summary = t('coach:sheet.turnsSummary10', { mean: per10(mean) });
  return (
    <figure class="sheet-figure">
      <figcaption>
        <strong>{t('coach:sheet.turnsHeading')}</strong> {summary}
      </figcaption>
      <svg width="100%" height={height} class="sheet-chart" aria-hidden="true">
        {rows.map((r, i) => {
          const y = i * ROW + 4;
          const w = (r.rate ?? 0) * scale;
          return (
            <g key={r.pupilId}>
              <text x={pc(LABEL)} y={y + 13} dx={-2} text-anchor="end" class="sheet-label">
                {nameOf(r.pupilId)}
              </text>
              <rect
                x={pc(start)}
                y={y + 3}
                width={pc(Math.max(w, 0.3))}
                height={ROW - 6}
                class="sheet-bar"
              />
              <text x={pc(start + w)} y={y + 13} dx={4} class="sheet-value">
                {`${per10(r.rate)} (${r.count})`}
              </text>
            </g>
          );
        })}
        <line
          x1={pc(start + mean * scale)}
          x2={pc(start + mean * scale)}
          y1={0}
          y2={height}
          class="sheet-mean"
        />
      </svg>
      <table class="visually-hidden">
        <caption>{t('coach:sheet.turnsHeading')}</caption>
        <tbody>
          {rows.map((r) => (
            <tr key={r.pupilId}>
              <th scope="row">{nameOf(r.pupilId)}</th>
              <td>{t('coach:sheet.rate10', { rate: per10(r.rate) })}</td>
              <td>{formatNumber(r.count, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/**
 * Praise to the right of the axis, corrections to the left, per pupil, with the lessons the pupil
 * was there (praise and corrections count against lessons present, like turns).
 */
export function FeedbackChart({ result, nameOf }: Props) {
  const rows = result.quality.pupils
    .filter((p) => p.presentLessons > 0)
    .map((p) => ({
      id: p.pupilId,
      praise: p.praise ?? 0,
      corrections: (p.correctionWork ?? 0) + (p.correctionBehaviour ?? 0),
      lessons: p.presentLessons,
    }))
    .sort((a, b) => b.corrections - b.praise - (a.corrections - a.praise));
  const max = Math.max(1, ...rows.flatMap((r) => [r.praise, r.corrections]));
  const mid = 62;
  const scale = 22 / max;
  const height = rows.length * ROW + 8;
  return (
    <figure class="sheet-figure">
      <figcaption>
        <strong>{t('coach:sheet.feedbackHeading2')}</strong> {t('coach:sheet.feedbackSummary2')}
      </figcaption>
      <svg width="100%" height={height} class="sheet-chart" aria-hidden="true">
        {rows.map((r, i) => {
          const y = i * ROW + 4;
          const wc = r.corrections * scale;
          const wp = r.praise * scale;
          return (
            <g key={r.id}>
              <text x={pc(LABEL)} y={y + 13} dx={-2} text-anchor="end" class="sheet-label">
                {`${nameOf(r.id)} (${r.lessons})`}
              </text>
              <rect
                x={pc(mid - wc)}
                y={y + 3}
                width={pc(wc)}
                height={ROW - 6}
                class="sheet-bar-corr"
              />
              <text x={pc(mid - wc)} y={y + 13} dx={-4} text-anchor="end" class="sheet-value">
                {String(r.corrections)}
              </text>
              <rect
                x={pc(mid)}
                y={y + 3}
                width={pc(wp)}
                height={ROW - 6}
                class="sheet-bar-praise"
              />
              <text x={pc(mid + wp)} y={y + 13} dx={4} class="sheet-value">
                {String(r.praise)}
              </text>
            </g>
          );
        })}
        <line x1={pc(mid)} x2={pc(mid)} y1={0} y2={height} class="sheet-axis" />
      </svg>
      <table class="visually-hidden">
        <caption>{t('coach:sheet.feedbackHeading2')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coach:workspace.code')}</th>
            <th scope="col">{t('coach:sheet.present')}</th>
            <th scope="col">{t('coach:workspace.praise')}</th>
            <th scope="col">{t('coach:workspace.corrections')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{nameOf(r.id)}</th>
              <td>{r.lessons}</td>
              <td>{r.praise}</td>
              <td>{r.corrections}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

const GROUP_METRICS = ['turn', 'higherOrder', 'praise', 'corrections'] as const;
const BANDS = ['high', 'middle', 'low', null] as const;

/** Per 10 lessons present by current expectation band, with the lessons present (the denominator). */
export function GroupsTable({ result }: { result: AnalysisResult }) {
  const metrics = GROUP_METRICS.map((m) =>
    result.expectation.current.metrics.find((c) => c.metric === m),
  );
  const rowOf = (band: string | null, i: number) => metrics[i]?.rows.find((r) => r.group === band);
  const bands = BANDS.filter((band) => (rowOf(band, 0)?.pupils ?? 0) > 0);
  if (bands.length === 0) return null;
  return (
    <table class="coach-table sheet-groups">
      <caption>
        <strong>{t('coach:sheet.groupsHeading')}</strong> {t('coach:sheet.groupsCaption10')}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('coach:sheet.group')}</th>
          <th scope="col">{t('coach:sheet.groupPupils')}</th>
          <th scope="col">{t('coach:sheet.present')}</th>
          {GROUP_METRICS.map((m) => (
            <th key={m} scope="col">
              {t(`coach:metric.${m}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {bands.map((band) => (
          <tr key={band ?? 'none'}>
            <th scope="row">{t(`coach:sheet.bands.${band ?? 'none'}`)}</th>
            <td>{rowOf(band, 0)?.pupils ?? 0}</td>
            <td>{rowOf(band, 0)?.presences ?? 0}</td>
            {GROUP_METRICS.map((m, i) => {
              const rate = rowOf(band, i)?.rate;
              return <td key={m}>{rate === null || rate === undefined ? '–' : per10(rate)}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
