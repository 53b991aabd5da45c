import { round1, truncateLabel } from '../scale';
import { svgButton } from './svgButton';

export interface PlacementRow {
  id: string;
  label: string;
  /** 0..1: where the teacher's expectation places the pupil in the class. */
  expectation: number;
  /** 0..1: where the results place the pupil. */
  achievement: number;
  /** '▲' placed clearly higher, '▼' clearly lower, '' in line. */
  mark: string;
  aria: string;
}

interface PlacementChartProps {
  rows: PlacementRow[];
  axis: { low: string; high: string };
  labelledBy: string;
  onSelect: (id: string) => void;
}

const W = 320;
const LABEL = 80;
const MARK = 18;
const ROW = 28;
const TOP = 18;
const AREA = W - LABEL - MARK - 12;

/**
 * Per pupil a line from the results (open square) to the expectation (filled circle) on one
 * 0..1 axis: a long line means the expectation places the pupil far from the results.
 */
export function PlacementChart({ rows, axis, labelledBy, onSelect }: PlacementChartProps) {
  const x = (v: number) => LABEL + 6 + Math.max(0, Math.min(1, v)) * AREA;
  const height = TOP + rows.length * ROW + 4;
  return (
    <svg
      class="chart placement"
      viewBox={`0 0 ${W} ${height}`}
      role="group"
      aria-labelledby={labelledBy}
    >
      <g class="grid" aria-hidden="true">
        <text x={x(0)} y={11}>
          {axis.low}
        </text>
        <text x={x(1)} y={11} text-anchor="end">
          {axis.high}
        </text>
        <line x1={x(0.5)} x2={x(0.5)} y1={TOP - 2} y2={height} />
      </g>
      {rows.map((r, i) => {
        const ex = round1(x(r.expectation));
        const ax = round1(x(r.achievement));
        return (
          <g
            key={r.id}
            class={r.mark ? 'bar-row placed-apart' : 'bar-row'}
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
            <line class="gap-line" x1={ax} x2={ex} y1={ROW / 2} y2={ROW / 2} />
            <rect class="marker-achievement" x={ax - 4} y={ROW / 2 - 4} width="8" height="8" />
            <circle class="marker-expectation" cx={ex} cy={ROW / 2} r="4.5" />
            <text x={W - 4} y={ROW / 2} class="value" text-anchor="end" dominant-baseline="middle">
              {r.mark}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
