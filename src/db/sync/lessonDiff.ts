import type { InteractionEvent, LessonEventsRecord } from '../../model/types';
import { sameJson } from '../../sync/json';
import { eventOfRecord } from '../eventStore';

/**
 * The events one version of a lesson's record has that the other has not, or has otherwise:
 * `added` (new or changed, as in `after`) and `removed` (as in `before`). Compared as stored,
 * so only those are expanded into events: a remote tap changes one event of hundreds.
 */
export function changedEvents(
  before: LessonEventsRecord | undefined,
  after: LessonEventsRecord | undefined,
): { added: InteractionEvent[]; removed: InteractionEvent[] } {
  // Lesson, class or date moved: every event takes those from its record, so each changed.
  const moved =
    !!before &&
    !!after &&
    (before.id !== after.id || before.classId !== after.classId || before.date !== after.date);
  const olds = new Map(before?.events.map((e) => [e.id, e]));
  const added: InteractionEvent[] = [];
  for (const e of after?.events ?? []) {
    const old = olds.get(e.id);
    olds.delete(e.id);
    if (!old || moved || !sameJson(old, e)) added.push(eventOfRecord(after!, e));
  }
  const removed = [...olds.values()].map((e) => eventOfRecord(before!, e));
  return { added, removed };
}
