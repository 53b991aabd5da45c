import { round1, scaleLinear, truncateLabel } from '../scale';
import { svgButton } from './svgButton';

export interface PupilBar {
  id: string;
  label: string;
  /** Bar length (a rate, so absences do not shorten a bar). */
  value: number;
  /** The number printed at the bar's end (the count). */
  text: string;
  /** The accessible name of the row (name, count, lessons, rate). */
  aria: string;
  /** Marked bars get a hatched fill and a marker symbol, e.g. "no or very few turns". */
  marked?: boolean;
  /** A symbol printed before the number for marked bars (never colour alone). */
  mark?: string;
}

interface PupilBarsProps {
  bars: PupilBar[];
  /** Where the class mean lies on the same scale, with its label. */
  mean?: { value: number; label: string } | null;
  labelledBy: string;
  onSelect: (id: string) => void;
}

const W = 320;
const LABEL = 92;
const ROW = 30;
const TOP = 20;
const BAR = 18;
const BAR_AREA = W - LABEL - 48;

/** Horizontal bars, one row per pupil; every row is a button that opens its lessons. */
export function PupilBars({ bars, mean, labelledBy, onSelect }: PupilBarsProps) {
  // The longest bar (or the mean) fills the width: there is no axis to round for.
  const max = Math.max(1e-9, mean?.value ?? 0, ...bars.map((b) => b.value));
  const x = scaleLinear(max, BAR_AREA);
  const height = TOP + bars.length * ROW + 4;
  const meanX = mean ? LABEL + x(mean.value) : null;
  return (
    <svg
      class="chart pupil-bars"
      viewBox={`0 0 ${W} ${height}`}
      role="group"
      aria-labelledby={labelledBy}
    >
      <line x1={LABEL} x2={LABEL} y1={TOP - 4} y2={height} class="axis" />
      {bars.map((b, i) => {
        const len = x(b.value);
        const y = TOP + i * ROW;
        return (
          <g
            key={b.id}
            class="bar-row"
            transform={`translate(0 ${y})`}
            {...svgButton(b.aria, () => onSelect(b.id))}
          >
            <rect class="row-hit" x="0" y="1" width={W} height={ROW - 2} rx="4" />
            <text
              x={LABEL - 6}
              y={ROW / 2}
              class="label"
              text-anchor="end"
              dominant-baseline="middle"
            >
              {truncateLabel(b.label, 12)}
            </text>
            <rect
              class={b.marked ? 'bar bar-marked' : 'bar'}
              x={LABEL}
              y={(ROW - BAR) / 2}
              width={round1(Math.max(b.value > 0 ? 2 : 0, len))}
              height={BAR}
              rx="3"
            />
            <text x={LABEL + len + 5} y={ROW / 2} class="value" dominant-baseline="middle">
              {b.marked && b.mark ? `${b.mark} ${b.text}` : b.text}
            </text>
          </g>
        );
      })}
      {meanX !== null && mean ? (
        <g class="mean" aria-hidden="true">
          <line x1={meanX} x2={meanX} y1={TOP - 4} y2={height} />
          <text x={meanX} y={TOP - 8} text-anchor="middle">
            {mean.label}
          </text>
        </g>
      ) : null}
    </svg>
  );
}
