import { formatNumber } from '../../../i18n/format';
import { niceCeil, polylinePoints, round1, ticks } from '../scale';
import { svgButton } from './svgButton';

export type Marker = 'circle' | 'square' | 'triangle' | 'diamond';

export interface WeekSeries {
  key: string;
  label: string;
  marker: Marker;
  /** One value per week; null = no lesson or nobody of this series present. */
  values: (number | null)[];
}

interface WeekChartProps {
  weeks: { key: string; label: string; aria: string }[];
  series: WeekSeries[];
  labelledBy: string;
  onSelect: (weekIndex: number) => void;
}

const W = 320;
const H = 190;
const LEFT = 30;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 26;

function MarkerShape({ marker, x, y }: { marker: Marker; x: number; y: number }) {
  const r = 4;
  switch (marker) {
    case 'circle':
      return <circle cx={x} cy={y} r={r} />;
    case 'square':
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} />;
    case 'triangle':
      return <path d={`M${x},${y - r - 1} L${x + r + 1},${y + r} L${x - r - 1},${y + r} Z`} />;
    case 'diamond':
      return (
        <path d={`M${x},${y - r - 1} L${x + r + 1},${y} L${x},${y + r + 1} L${x - r - 1},${y} Z`} />
      );
  }
}

/**
 * Lines per week, one per series, each with its own marker shape and dash pattern (never colour
 * alone). Every week is a button that opens its lessons.
 */
export function WeekChart({ weeks, series, labelledBy, onSelect }: WeekChartProps) {
  const n = Math.max(1, weeks.length);
  const step = (W - LEFT - RIGHT) / n;
  const max = niceCeil(Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const y = (v: number) => TOP + (H - TOP - BOTTOM) * (1 - Math.min(v, max) / max);
  const xAt = (i: number) => LEFT + (i + 0.5) * step;
  // Label every k-th week so the labels never overlap (about 34 units each).
  const every = Math.max(1, Math.ceil(34 / step));
  return (
    <svg
      class="chart week-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="group"
      aria-labelledby={labelledBy}
    >
      <g class="grid" aria-hidden="true">
        {ticks(max, 2).map((v) => (
          <g key={v}>
            <line x1={LEFT} x2={W - RIGHT} y1={round1(y(v))} y2={round1(y(v))} />
            <text x={LEFT - 4} y={round1(y(v))} text-anchor="end" dominant-baseline="middle">
              {formatNumber(v, 1)}
            </text>
          </g>
        ))}
        {weeks.map((w, i) =>
          i % every === 0 ? (
            <text key={w.key} x={round1(xAt(i))} y={H - 8} text-anchor="middle">
              {w.label}
            </text>
          ) : null,
        )}
      </g>
      {weeks.map((w, i) => (
        <g key={w.key} class="bar-row week-hit" {...svgButton(w.aria, () => onSelect(i))}>
          <rect
            class="row-hit"
            x={round1(LEFT + i * step)}
            y={TOP}
            width={round1(step)}
            height={H - TOP - BOTTOM + 4}
          />
        </g>
      ))}
      {series.map((s) => {
        // A line breaks where a week has no value.
        const runs: { x: number; y: number }[][] = [[]];
        s.values.forEach((v, i) => {
          if (v === null) runs.push([]);
          else runs[runs.length - 1]?.push({ x: xAt(i), y: y(v) });
        });
        return (
          <g key={s.key} class={`series series-${s.key}`} aria-hidden="true">
            {runs.map((run, k) =>
              run.length > 1 ? <polyline key={k} points={polylinePoints(run)} /> : null,
            )}
            {s.values.map((v, i) =>
              v === null ? null : (
                <MarkerShape key={i} marker={s.marker} x={round1(xAt(i))} y={round1(y(v))} />
              ),
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** A legend entry: the marker and line style of a series, then its name. */
export function SeriesKey({ series }: { series: Pick<WeekSeries, 'key' | 'label' | 'marker'>[] }) {
  return (
    <ul class="series-key">
      {series.map((s) => (
        <li key={s.key}>
          <svg
            viewBox="0 0 28 12"
            width="28"
            height="12"
            aria-hidden="true"
            class={`series series-${s.key}`}
          >
            <line x1="0" x2="28" y1="6" y2="6" />
            <MarkerShape marker={s.marker} x={14} y={6} />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}
