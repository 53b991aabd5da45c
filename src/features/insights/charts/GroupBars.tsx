import { round1, scaleLinear, truncateLabel } from '../scale';
import { svgButton } from './svgButton';

export interface GroupBar {
  id: string;
  label: string;
  /** Bar length on the chart's scale; null draws no bar (no data). */
  value: number | null;
  /** Printed after the bar (e.g. "1.6×", "5.4"). */
  text: string;
  /** Printed after the label, smaller (e.g. "68 turns, 5 pupils"). */
  sub: string;
  aria: string;
  /** Hatched fill: a second kind of row (e.g. "not set"). */
  muted?: boolean;
}

interface GroupBarsProps {
  bars: GroupBar[];
  max: number;
  /** A dashed reference line (e.g. 1.0 = proportional), with its label. */
  reference?: { value: number; label: string };
  labelledBy: string;
  /** Without it the rows are plain (not buttons). */
  onSelect?: (id: string) => void;
}

const W = 320;
const ROW = 46;
const TOP = 18;
const BAR = 16;
const AREA = W - 64;

/** One group per row: its label and counts above, a bar below; rows open the group's pupils. */
export function GroupBars({ bars, max, reference, labelledBy, onSelect }: GroupBarsProps) {
  const x = scaleLinear(max, AREA);
  const height = TOP + bars.length * ROW + 2;
  const refX = reference ? round1(x(reference.value)) : null;
  return (
    <svg
      class="chart group-bars"
      viewBox={`0 0 ${W} ${height}`}
      role={onSelect ? 'group' : 'img'}
      aria-labelledby={labelledBy}
    >
      {bars.map((b, i) => {
        const len = b.value === null ? 0 : x(b.value);
        const over = b.value !== null && b.value > max;
        const content = (
          <>
            <rect class="row-hit" x="0" y="1" width={W} height={ROW - 2} rx="4" />
            <text x="2" y="14" class="label">
              {truncateLabel(b.label, 20)}
              <tspan class="sub" dx="6">
                {truncateLabel(b.sub, Math.max(10, 46 - Math.min(20, b.label.length)))}
              </tspan>
            </text>
            <rect
              class={b.muted ? 'bar bar-marked' : 'bar'}
              x="2"
              y={20}
              width={round1(Math.max(b.value ? 2 : 0, len))}
              height={BAR}
              rx="3"
            />
            {/* Past the reference line when the bar stops short of it, so the two never overlap. */}
            <text
              x={(refX !== null && len < refX + 2 ? refX + 2 : len) + 8}
              y={28}
              class="value"
              dominant-baseline="middle"
            >
              {over ? `${b.text} ›` : b.text}
            </text>
          </>
        );
        const transform = `translate(0 ${TOP + i * ROW})`;
        return onSelect ? (
          <g
            key={b.id}
            class="bar-row"
            transform={transform}
            {...svgButton(b.aria, () => onSelect(b.id))}
          >
            {content}
          </g>
        ) : (
          <g key={b.id} transform={transform}>
            {content}
          </g>
        );
      })}
      {refX !== null && reference ? (
        <g class="mean" aria-hidden="true">
          {/* Only beside the bars, so the line never crosses a label. */}
          {bars.map((b, i) => (
            <line
              key={b.id}
              x1={refX + 2}
              x2={refX + 2}
              y1={TOP + i * ROW + 17}
              y2={TOP + i * ROW + 39}
            />
          ))}
          <text x={refX + 2} y={TOP - 6} text-anchor="middle">
            {reference.label}
          </text>
        </g>
      ) : null}
    </svg>
  );
}
