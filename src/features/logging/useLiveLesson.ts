import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLiveQuery, useReadOnce } from '../../db/hooks';
import { loadLiveLessonData, loadLiveRosterData, type LiveLessonData } from '../../db/repo/lessons';
import { remoteLessonVersion, subscribeRemoteLesson } from '../../db/sync/lessonSignal';
import type { LiveLessonStore } from './liveStore';

export interface FollowedLesson extends LiveLessonData {
  /** Changes when the events were read again (after a restore in another tab): a new store. */
  seedKey: string;
  /** How many remote (synced) changes to this lesson had landed when the events were read. */
  remoteVersion: number;
  /** Reads the events again (a remote change landed between the read and the subscription). */
  reseed: () => void;
}

/**
 * The live lesson's data. Events and absences are read once (after that the screen's own store is
 * the truth: a live query per tap is too slow); the lesson, class and pupils are followed live,
 * so a pupil added, renamed or removed in another tab shows here, and a lesson deleted or
 * replaced by a restore there turns this screen into 'not found' (null) instead of taking taps.
 * A restore that keeps the lesson but changes its events (replace with an older file, or a merge)
 * makes the screen read its events again. Events another device logged arrive through sync:
 * `useRemoteLesson` applies them to the store.
 */
export function useLiveLesson(lessonId: string): FollowedLesson | null | undefined {
  const roster = useLiveQuery(() => loadLiveRosterData(lessonId), [lessonId]);
  // The restore stamp seen first is the baseline; a later one means: read the events again.
  const baseline = useRef<{ lessonId: string; restoredAt: string | null } | null>(null);
  if (roster && baseline.current?.lessonId !== lessonId) {
    baseline.current = { lessonId, restoredAt: roster.restoredAt };
  }
  const [reseeds, setReseeds] = useState(0);
  const reseed = useCallback(() => setReseeds((n) => n + 1), []);
  const restoredAt = roster?.restoredAt ?? null;
  const reread = roster != null && restoredAt !== baseline.current?.restoredAt;
  const seedKey =
    (reread ? `${lessonId}|${restoredAt}` : lessonId) + (reseeds ? `|${reseeds}` : '');
  const seed = useReadOnce(async () => {
    // Noted before the read: a remote change published after it may or may not be in it.
    const remoteVersion = remoteLessonVersion(lessonId);
    const data = await loadLiveLessonData(lessonId);
    return data && { ...data, remoteVersion };
  }, seedKey);
  return useMemo(() => {
    if (seed === null || roster === null) return null;
    if (seed === undefined || roster === undefined) return undefined;
    return {
      ...seed,
      lesson: roster.lesson,
      cls: roster.cls,
      pupils: roster.pupils,
      seedKey,
      reseed,
    };
  }, [seed, roster, seedKey, reseed]);
}

/**
 * Follows what other devices change in this lesson through sync (taps, undos, absences) into the
 * grid's store, per lesson, with no work on this screen's own taps. Remote changes are applied
 * once each, so one that was already in the first read is not counted twice; one that may have
 * landed between the read and this subscription makes the screen read its events again.
 */
export function useRemoteLesson(
  store: LiveLessonStore,
  lessonId: string,
  seed: { remoteVersion?: number; reseed?: () => void },
): void {
  const { remoteVersion, reseed } = seed;
  useEffect(() => {
    const unsubscribe = subscribeRemoteLesson(lessonId, (change) => store.applyRemote(change));
    if (remoteVersion !== undefined && remoteLessonVersion(lessonId) !== remoteVersion) reseed?.();
    return unsubscribe;
  }, [store, lessonId, remoteVersion, reseed]);
}
