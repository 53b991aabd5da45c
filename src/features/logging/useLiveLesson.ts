import { useMemo } from 'preact/hooks';
import { useLiveQuery, useReadOnce } from '../../db/hooks';
import { loadLiveLesson, loadLiveRoster, type LiveLessonData } from '../../db/repo/lessons';

/**
 * The live lesson's data. Events and absences are read once (after that the screen's own store is
 * the truth: a live query per tap is too slow); the lesson, class and pupils are followed live,
 * so a pupil added, renamed or removed in another tab shows here, and a lesson deleted or
 * replaced by a restore there turns this screen into 'not found' (null) instead of taking taps.
 */
export function useLiveLesson(lessonId: string): LiveLessonData | null | undefined {
  const seed = useReadOnce(() => loadLiveLesson(lessonId), lessonId);
  const roster = useLiveQuery(() => loadLiveRoster(lessonId), [lessonId]);
  return useMemo(() => {
    if (seed === null || roster === null) return null;
    if (seed === undefined || roster === undefined) return undefined;
    return { ...seed, lesson: roster.lesson, cls: roster.cls, pupils: roster.pupils };
  }, [seed, roster]);
}
