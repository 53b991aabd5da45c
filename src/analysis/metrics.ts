/**
 * What the analysis counts per pupil per lesson: every interaction kind, plus "quality" metrics
 * derived from the qualifiers of an event (TESA's response-opportunity and feedback strands).
 */
import type { InteractionEvent } from '../model/types';
import { INTERACTION_KINDS, type InteractionKind } from '../model/kinds';

export const QUALITY_METRICS = [
  'higherOrder',
  'recall',
  'volunteered',
  'called',
  'waitTime',
  'praiseSpecific',
  'corrections',
] as const;

export type QualityMetric = (typeof QUALITY_METRICS)[number];
export type Metric = InteractionKind | QualityMetric;

/** The kinds a quality metric is counted from. */
export const QUALITY_BASE: Readonly<Record<QualityMetric, readonly InteractionKind[]>> = {
  // Turns and follow-up questions both carry a question level.
  higherOrder: ['turn', 'followUp'],
  recall: ['turn', 'followUp'],
  volunteered: ['turn'],
  called: ['turn'],
  waitTime: ['turn'],
  praiseSpecific: ['praise'],
  corrections: ['correctionWork', 'correctionBehaviour'],
};

/** Metrics in scope for the chosen kinds, in a fixed order (catalogue order, then qualities). */
export function metricsFor(kinds: readonly InteractionKind[]): Metric[] {
  const chosen = new Set(kinds);
  const out: Metric[] = INTERACTION_KINDS.filter((k) => chosen.has(k));
  for (const q of QUALITY_METRICS) if (QUALITY_BASE[q].some((k) => chosen.has(k))) out.push(q);
  return out;
}

/** Where each metric lives inside a row of counts; -1 when it is not in scope. */
export type Slots = Readonly<Record<Metric, number>>;

export function slotsFor(metrics: readonly Metric[]): Slots {
  const slots = {} as Record<Metric, number>;
  for (const k of INTERACTION_KINDS) slots[k] = -1;
  for (const q of QUALITY_METRICS) slots[q] = -1;
  metrics.forEach((m, i) => (slots[m] = i));
  return slots;
}

function bump(row: Float64Array, offset: number, slot: number): void {
  if (slot >= 0) row[offset + slot] = (row[offset + slot] ?? 0) + 1;
}

/** Adds one event to the counts row starting at `offset`. Kinds not in scope are skipped. */
export function countEvent(
  row: Float64Array,
  offset: number,
  ev: InteractionEvent,
  slots: Slots,
): boolean {
  const s = slots[ev.kind];
  if (s === undefined || s < 0) return false;
  bump(row, offset, s);
  switch (ev.kind) {
    case 'turn':
      if (ev.initiative === 'volunteered') bump(row, offset, slots.volunteered);
      else if (ev.initiative === 'called') bump(row, offset, slots.called);
      if (ev.waitTime === true) bump(row, offset, slots.waitTime);
      countLevel(row, offset, ev, slots);
      break;
    case 'followUp':
      countLevel(row, offset, ev, slots);
      break;
    case 'praise':
      if (ev.praiseType === 'specific') bump(row, offset, slots.praiseSpecific);
      break;
    case 'correctionWork':
    case 'correctionBehaviour':
      bump(row, offset, slots.corrections);
      break;
    default:
      break;
  }
  return true;
}

function countLevel(row: Float64Array, offset: number, ev: InteractionEvent, slots: Slots): void {
  if (ev.questionLevel === 'higher') bump(row, offset, slots.higherOrder);
  else if (ev.questionLevel === 'recall') bump(row, offset, slots.recall);
}

/** Every metric in scope, for asking about one event (countsTowards). */
const ALL_SLOTS = slotsFor([...INTERACTION_KINDS, ...QUALITY_METRICS]);
const scratch = new Float64Array(INTERACTION_KINDS.length + QUALITY_METRICS.length);

/**
 * Whether one event counts towards a metric, by the analysis' own counting (countEvent), for
 * screens that list the events behind a figure (the drill-down).
 */
export function countsTowards(ev: InteractionEvent, metric: Metric): boolean {
  scratch.fill(0);
  countEvent(scratch, 0, ev, ALL_SLOTS);
  return (scratch[ALL_SLOTS[metric]] ?? 0) > 0;
}
