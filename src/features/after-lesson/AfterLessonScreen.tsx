import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { useLiveLesson } from '../logging/useLiveLesson';
import { LessonLogger } from '../logging/LessonLogger';
import './after-lesson.css';

/**
 * Logging a lesson afterwards on the same grid as a live lesson (tap = turn, ••• for the rest,
 * qualifiers in the bar), with the events flagged as logged afterwards, and a memory aid: who
 * was absent and who has nothing yet, by name.
 */
export function AfterLessonScreen({ lessonId }: { lessonId: string }) {
  // Events read once (the grid's store is the truth); lesson, class and pupils followed live,
  // so a change in another tab shows here and a removed lesson takes no more taps.
  const data = useLiveLesson(lessonId);

  if (data === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (data === null) {
    return (
      <Screen title={t('after:notFound.title')} back="#/">
        <p>{t('after:notFound.body')}</p>
      </Screen>
    );
  }
  return <LessonLogger key={data.seedKey} data={data} mode="after" />;
}
