/**
 * Pure logic of the after-lesson screen: totals per pupil and the "whom did I not speak to?"
 * pass. Absent pupils are left out of both: they could not be spoken to.
 */
import type { LessonCounts, PupilLiveAfterCounts } from '../../db/repo/afterLesson';
import type { Id } from '../../model/types';
import { INTERACTION_KINDS, type InteractionKind } from '../../model/kinds';

/** All events (live and afterwards) for one pupil, over every kind. */
export function totalEvents(counts: PupilLiveAfterCounts | undefined): number {
  if (!counts) return 0;
  let total = 0;
  for (const kind of INTERACTION_KINDS) total += counts[kind].live + counts[kind].after;
  return total;
}

/** Present pupils without any event this lesson, in the given (seating) order. */
export function notSpokenTo(
  pupilIds: readonly Id[],
  counts: LessonCounts,
  absentIds: readonly Id[],
): Id[] {
  const absent = new Set(absentIds);
  return pupilIds.filter((id) => !absent.has(id) && totalEvents(counts[id]) === 0);
}

export interface SpokenSummary {
  spoken: number;
  present: number;
}

export function spokenSummary(
  pupilIds: readonly Id[],
  counts: LessonCounts,
  absentIds: readonly Id[],
): SpokenSummary {
  const absent = new Set(absentIds);
  const present = pupilIds.filter((id) => !absent.has(id));
  return {
    present: present.length,
    spoken: present.filter((id) => totalEvents(counts[id]) > 0).length,
  };
}

/** The kinds offered as "I did: …" in the pass, minus those the teacher hid. */
export const PASS_KINDS: readonly InteractionKind[] = ['turn', 'help', 'personal'];

export function passKinds(hidden: readonly InteractionKind[]): InteractionKind[] {
  const visible = PASS_KINDS.filter((k) => !hidden.includes(k));
  // Hiding all three would leave no way to say "yes": keep the turn, the most basic contact.
  return visible.length > 0 ? visible : ['turn'];
}

/** The kinds shown as steppers: the catalogue order, turn first, minus hidden ones. */
export function visibleKinds(hidden: readonly InteractionKind[]): InteractionKind[] {
  return INTERACTION_KINDS.filter((k) => !hidden.includes(k));
}
