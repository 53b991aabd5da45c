/**
 * Drill-down: what a tap on a figure opens. The rows behind it are counted in the analysis worker
 * (src/analysis/drill.ts), where the events are.
 */
import type { Metric } from '../../analysis';
import type { Id } from '../../model/types';

/** What a tap on a figure opens. */
export type Drill =
  | { type: 'pupil'; pupilId: Id; metrics: Metric[] }
  | { type: 'group'; title: string; pupilIds: Id[]; metric: Metric }
  | { type: 'lessons'; title: string; lessonIds: Id[]; metric: Metric };
