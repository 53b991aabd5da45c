/**
 * What another device changed in one lesson, as the sync bridge wrote it into this database:
 * events added, changed or erased, and pupils marked absent or present. The open logging grid
 * follows these per lesson, so a tap on the phone shows on the laptop's grid without a re-read on
 * every write (and without any work on the grid's own taps). Apart from bridge.ts on purpose:
 * the grid must not load Yjs.
 */
import type { Id, InteractionEvent } from '../../model/types';

export interface RemoteLessonChange {
  lessonId: Id;
  /** Events new in the database, or stored in another version (other kind or qualifiers). */
  added: InteractionEvent[];
  /** Events no longer in the database. */
  removed: InteractionEvent[];
  /** Pupils marked absent (true) or present again (false). */
  absences: { pupilId: Id; absent: boolean }[];
}

type Listener = (change: RemoteLessonChange) => void;

const listeners = new Map<Id, Set<Listener>>();
/** Per lesson, how many remote changes were written: a reader compares before and after. */
const versions = new Map<Id, number>();

/**
 * The number of remote changes written to this lesson so far. A screen notes it before its
 * first read; a different value when it subscribes means a change landed in between.
 */
export function remoteLessonVersion(lessonId: Id): number {
  return versions.get(lessonId) ?? 0;
}

export function subscribeRemoteLesson(lessonId: Id, listener: Listener): () => void {
  let set = listeners.get(lessonId);
  if (!set) listeners.set(lessonId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (!set.size) listeners.delete(lessonId);
  };
}

/** Called by the bridge after the transaction that wrote the change has committed. */
export function publishRemoteLesson(change: RemoteLessonChange): void {
  if (!change.added.length && !change.removed.length && !change.absences.length) return;
  versions.set(change.lessonId, remoteLessonVersion(change.lessonId) + 1);
  listeners.get(change.lessonId)?.forEach((l) => l(change));
}
