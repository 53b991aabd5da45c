import { t } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import type { SparkPoint } from './timeline';

const W = 320;
const H = 72;
const PAD = 8;

interface Plot {
  path: string;
  dots: { x: number; y: number; absent: boolean; key: string }[];
  max: number;
}

/** Coordinates in a W×H box; the line breaks at lessons the pupil missed. */
export function plotSeries(series: readonly SparkPoint[]): Plot {
  const max = Math.max(1, ...series.map((p) => p.total));
  const x = (i: number) =>
    series.length === 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (series.length - 1);
  const y = (total: number) => H - PAD - (total / max) * (H - 2 * PAD);
  let path = '';
  let pen = false;
  const dots = series.map((p, i) => {
    const point = { x: x(i), y: p.absent ? H - PAD / 2 : y(p.total), absent: p.absent };
    if (p.absent) pen = false;
    else {
      path += `${pen ? 'L' : 'M'}${point.x.toFixed(1)} ${point.y.toFixed(1)} `;
      pen = true;
    }
    return { ...point, key: p.lessonId };
  });
  return { path: path.trim(), dots, max };
}

/** The sparkline in words, for screen readers and for anyone who prefers numbers. */
function caption(series: readonly SparkPoint[], name: string): string {
  const present = series.filter((p) => !p.absent).map((p) => p.total);
  const first = series[0];
  const last = series.at(-1);
  if (!first || !last) return t('pupil:spark.none', { name });
  if (present.length === 0) return t('pupil:spark.allAbsent', { count: series.length });
  return t('pupil:spark.caption', {
    count: present.length,
    from: formatDate(first.date, 'short'),
    to: formatDate(last.date, 'short'),
    min: Math.min(...present),
    max: Math.max(...present),
    mean: formatNumber(present.reduce((a, b) => a + b, 0) / present.length, 1),
  });
}

/** Interactions per lesson over time, as a small SVG line with a text equivalent. */
export function Sparkline({ series, pupilName }: { series: SparkPoint[]; pupilName: string }) {
  const text = caption(series, pupilName);
  const plot = plotSeries(series);
  const showDots = series.length <= 60;
  return (
    <section class="pupil-spark" aria-labelledby="pupil-spark-heading">
      <h2 id="pupil-spark-heading">{t('pupil:spark.heading')}</h2>
      {series.length === 0 ? (
        <p class="muted">{text}</p>
      ) : (
        <figure class="card spark-figure">
          <svg
            class="spark"
            viewBox={`0 0 ${W} ${H}`}
            role="img"
            aria-labelledby="pupil-spark-caption"
          >
            <line class="spark-base" x1={0} x2={W} y1={H - PAD} y2={H - PAD} />
            <path class="spark-line" d={plot.path} />
            {plot.dots.map((d) =>
              d.absent ? (
                <circle key={d.key} class="spark-absent" cx={d.x} cy={d.y} r={2.2} />
              ) : showDots ? (
                <circle key={d.key} class="spark-dot" cx={d.x} cy={d.y} r={1.8} />
              ) : null,
            )}
          </svg>
          <figcaption id="pupil-spark-caption">
            {text}
            {series.some((p) => p.absent) ? ` ${t('pupil:spark.absentNote')}` : ''}
          </figcaption>
          <details class="spark-list">
            <summary>{t('pupil:spark.showList')}</summary>
            <ol>
              {series.map((p) => (
                <li key={p.lessonId}>
                  <span>{formatDate(p.date, 'short')}</span>
                  <span>
                    {p.absent
                      ? t('pupil:spark.absent')
                      : t('pupil:spark.count', { count: p.total })}
                  </span>
                </li>
              ))}
            </ol>
          </details>
        </figure>
      )}
    </section>
  );
}
