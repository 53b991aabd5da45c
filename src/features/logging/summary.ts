/** Pure end-of-lesson summary: counts per kind and who got nothing (no DOM, no database). */
import { INTERACTION_KINDS, type InteractionKind } from '../../model/kinds';

export interface LessonSummaryCounts {
  /** Every kind with at least one event, in catalogue order. */
  perKind: { kind: InteractionKind; count: number }[];
  total: number;
  /** Present pupils, in the order given. */
  present: number;
  absent: number;
  /** Present pupils without any event, in the order given (seating order on screen). */
  missed: string[];
}

export function summariseLessonEvents(
  pupilIds: readonly string[],
  events: readonly { pupilId: string; kind: InteractionKind }[],
  absentIds: readonly string[],
): LessonSummaryCounts {
  const absent = new Set(absentIds);
  const current = new Set(pupilIds);
  const byKind = new Map<InteractionKind, number>();
  const spoken = new Set<string>();
  let total = 0;
  for (const e of events) {
    // Events of pupils who left the class since still count for the lesson.
    byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
    total++;
    if (current.has(e.pupilId)) spoken.add(e.pupilId);
  }
  const presentIds = pupilIds.filter((id) => !absent.has(id));
  return {
    perKind: INTERACTION_KINDS.filter((k) => byKind.has(k)).map((kind) => ({
      kind,
      count: byKind.get(kind) ?? 0,
    })),
    total,
    present: presentIds.length,
    absent: pupilIds.length - presentIds.length,
    missed: presentIds.filter((id) => !spoken.has(id)),
  };
}
