import { useMemo, useRef } from 'preact/hooks';
import { useLiveQuery, useReadOnce } from '../../db/hooks';
import { loadLiveLesson, loadLiveRoster, type LiveLessonData } from '../../db/repo/lessons';

export interface FollowedLesson extends LiveLessonData {
  /** Changes when the events were read again (after a restore in another tab): a new store. */
  seedKey: string;
}

/**
 * The live lesson's data. Events and absences are read once (after that the screen's own store is
 * the truth: a live query per tap is too slow); the lesson, class and pupils are followed live,
 * so a pupil added, renamed or removed in another tab shows here, and a lesson deleted or
 * replaced by a restore there turns this screen into 'not found' (null) instead of taking taps.
 * A restore that keeps the lesson but changes its events (replace with an older file, or a merge)
 * makes the screen read its events again.
 */
export function useLiveLesson(lessonId: string): FollowedLesson | null | undefined {
  const roster = useLiveQuery(() => loadLiveRoster(lessonId), [lessonId]);
  // The restore stamp seen first is the baseline; a later one means: read the events again.
  const baseline = useRef<{ lessonId: string; restoredAt: string | null } | null>(null);
  if (roster && baseline.current?.lessonId !== lessonId) {
    baseline.current = { lessonId, restoredAt: roster.restoredAt };
  }
  const restoredAt = roster?.restoredAt ?? null;
  const reread = roster != null && restoredAt !== baseline.current?.restoredAt;
  const seedKey = reread ? `${lessonId}|${restoredAt}` : lessonId;
  const seed = useReadOnce(() => loadLiveLesson(lessonId), seedKey);
  return useMemo(() => {
    if (seed === null || roster === null) return null;
    if (seed === undefined || roster === undefined) return undefined;
    return { ...seed, lesson: roster.lesson, cls: roster.cls, pupils: roster.pupils, seedKey };
  }, [seed, roster, seedKey]);
}
