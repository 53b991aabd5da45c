import type { Metric, PupilShare } from '../../analysis';
import { t } from '../../i18n';
import { heatLevel, seatRatio } from './scale';
import { metricCount, ratioText } from './words';

export interface SeatCellProps {
  /**
   * What the seat shows: the count only (below the period's data threshold, issue 10 §2), or the
   * pupil's rate as a multiple of the class's, in colour and as the big number, with the count.
   */
  measure: 'counts' | 'ratio';
  metric: Metric;
  share: PupilShare | undefined;
  meanRate: number | null;
  name: string;
  short: string;
  onSelect: () => void;
}

/** One pupil's seat on the plan: a button that opens the lessons behind the figure. */
export function SeatCell({
  measure,
  metric,
  share,
  meanRate,
  name,
  short,
  onSelect,
}: SeatCellProps) {
  const count = share?.count ?? 0;
  const vars = {
    name,
    count: metricCount(metric, count),
    lessons: t('insights:count.lessons', { count: share?.presentLessons ?? 0 }),
  };
  const rate = share?.rate ?? null;
  const ratio = measure === 'ratio' ? seatRatio(rate, meanRate) : null;
  const level = measure === 'ratio' ? heatLevel(rate, meanRate) : null;
  return (
    <button
      type="button"
      class={level === null ? 'seat heat-off' : `seat heat-${level}`}
      onClick={onSelect}
      aria-label={
        level === null
          ? t('insights:seating.seatLabelCounts', vars)
          : t('insights:seating.seatLabel', {
              ...vars,
              ratio: ratioText(ratio),
              level: t(`insights:seating.level.${level}`),
            })
      }
    >
      <span class="seat-name">{short}</span>
      <span class="seat-count">{level === null ? count : ratioText(ratio)}</span>
      {level === null ? null : <span class="seat-n">({count})</span>}
    </button>
  );
}
