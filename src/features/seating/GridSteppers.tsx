import { GRID_MAX, GRID_MIN, type Grid } from '../../domain/seating';
import { t } from '../../i18n';

interface GridSteppersProps {
  grid: Grid;
  onResize: (grid: Grid) => void;
}

interface StepperProps {
  id: string;
  label: string;
  value: number;
  fewer: string;
  more: string;
  onChange: (value: number) => void;
}

function Stepper({ id, label, value, fewer, more, onChange }: StepperProps) {
  return (
    <div class="stepper" role="group" aria-labelledby={id}>
      <span id={id} class="stepper-label">
        {label}
      </span>
      <button
        type="button"
        aria-label={fewer}
        aria-disabled={value <= GRID_MIN}
        onClick={() => value > GRID_MIN && onChange(value - 1)}
      >
        −
      </button>
      <span class="stepper-value">{value}</span>
      <button
        type="button"
        aria-label={more}
        aria-disabled={value >= GRID_MAX}
        onClick={() => value < GRID_MAX && onChange(value + 1)}
      >
        +
      </button>
    </div>
  );
}

/**
 * Rows and columns of the plan, 1–12 each; the result is announced by the screen. Limits use
 * aria-disabled rather than disabled so keyboard focus is not lost when one is reached.
 */
export function GridSteppers({ grid, onResize }: GridSteppersProps) {
  return (
    <div class="steppers">
      <Stepper
        id="rows-label"
        label={t('seating:rows')}
        value={grid.rows}
        fewer={t('seating:fewerRows')}
        more={t('seating:moreRows')}
        onChange={(rows) => onResize({ rows, cols: grid.cols })}
      />
      <Stepper
        id="cols-label"
        label={t('seating:cols')}
        value={grid.cols}
        fewer={t('seating:fewerCols')}
        more={t('seating:moreCols')}
        onChange={(cols) => onResize({ rows: grid.rows, cols })}
      />
    </div>
  );
}
