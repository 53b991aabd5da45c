import { niceCeil, round1, scaleLinear, truncateLabel } from '../scale';
import { svgButton } from './svgButton';

export interface DivergingRow {
  id: string;
  label: string;
  /** Right of the axis (praise). */
  right: number;
  /** Left of the axis, stacked from the axis outwards (work, then behaviour corrections). */
  left: [number, number];
  aria: string;
}

interface DivergingBarsProps {
  rows: DivergingRow[];
  labels: { left: string; right: string };
  labelledBy: string;
  onSelect: (id: string) => void;
}

const W = 320;
const LABEL = 76;
const NUM = 22;
const ROW = 28;
const TOP = 22;
const BAR = 16;
const SIDE = (W - LABEL - 2 * NUM) / 2;
const AXIS = LABEL + NUM + SIDE;

/**
 * Praise to the right of a centre line, corrections to the left (work solid, behaviour hatched),
 * with the counts at both ends: who hears mostly what went well, who mostly what went wrong.
 */
export function DivergingBars({ rows, labels, labelledBy, onSelect }: DivergingBarsProps) {
  const max = niceCeil(Math.max(1, ...rows.map((r) => Math.max(r.right, r.left[0] + r.left[1]))));
  const x = scaleLinear(max, SIDE);
  const height = TOP + rows.length * ROW + 4;
  return (
    <svg
      class="chart diverging"
      viewBox={`0 0 ${W} ${height}`}
      role="group"
      aria-labelledby={labelledBy}
    >
      <g aria-hidden="true" class="side-labels">
        <text x={AXIS - 6} y={12} text-anchor="end">
          {labels.left}
        </text>
        <text x={AXIS + 6} y={12}>
          {labels.right}
        </text>
      </g>
      {rows.map((r, i) => {
        const work = x(r.left[0]);
        const behaviour = x(r.left[0] + r.left[1]) - work;
        const praise = x(r.right);
        const corrections = r.left[0] + r.left[1];
        return (
          <g
            key={r.id}
            class="bar-row"
            transform={`translate(0 ${TOP + i * ROW})`}
            {...svgButton(r.aria, () => onSelect(r.id))}
          >
            <rect class="row-hit" x="0" y="1" width={W} height={ROW - 2} rx="4" />
            <text
              x={LABEL - 4}
              y={ROW / 2}
              class="label"
              text-anchor="end"
              dominant-baseline="middle"
            >
              {truncateLabel(r.label, 10)}
            </text>
            <rect
              class="bar bar-work"
              x={round1(AXIS - work)}
              y={(ROW - BAR) / 2}
              width={round1(work)}
              height={BAR}
            />
            <rect
              class="bar bar-behaviour"
              x={round1(AXIS - work - behaviour)}
              y={(ROW - BAR) / 2}
              width={round1(behaviour)}
              height={BAR}
            />
            <rect
              class="bar bar-praise"
              x={AXIS}
              y={(ROW - BAR) / 2}
              width={round1(praise)}
              height={BAR}
            />
            <text
              x={AXIS - work - behaviour - 4}
              y={ROW / 2}
              class="value"
              text-anchor="end"
              dominant-baseline="middle"
            >
              {corrections}
            </text>
            <text x={AXIS + praise + 4} y={ROW / 2} class="value" dominant-baseline="middle">
              {r.right}
            </text>
          </g>
        );
      })}
      <line x1={AXIS} x2={AXIS} y1={TOP - 4} y2={height} class="axis" />
    </svg>
  );
}
