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

/** The qualifier that makes an event of a base kind count towards a quality metric. */
const QUALIFIES: Readonly<Record<QualityMetric, (ev: InteractionEvent) => boolean>> = {
  higherOrder: (ev) => ev.questionLevel === 'higher',
  recall: (ev) => ev.questionLevel === 'recall',
  volunteered: (ev) => ev.initiative === 'volunteered',
  called: (ev) => ev.initiative === 'called',
  waitTime: (ev) => ev.waitTime === true,
  praiseSpecific: (ev) => ev.praiseType === 'specific',
  corrections: () => true,
};

const isQuality = (m: Metric): m is QualityMetric => m in QUALITY_BASE;

/** Per interaction kind, the quality metrics its events may count towards. */
const QUALITIES_OF: ReadonlyMap<InteractionKind, readonly QualityMetric[]> = new Map(
  INTERACTION_KINDS.map((k): [InteractionKind, QualityMetric[]] => [
    k,
    QUALITY_METRICS.filter((q) => QUALITY_BASE[q].includes(k)),
  ]),
);

/**
 * Whether one event counts towards a metric: the counting rule of the analysis, for screens that
 * list the events behind a figure (the drill-down).
 */
export function countsTowards(ev: InteractionEvent, metric: Metric): boolean {
  if (!isQuality(metric)) return ev.kind === metric;
  return QUALITY_BASE[metric].includes(ev.kind) && QUALIFIES[metric](ev);
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
  for (const q of QUALITIES_OF.get(ev.kind) ?? []) {
    if (QUALIFIES[q](ev)) bump(row, offset, slots[q]);
  }
  return true;
}
