import { useReadOnce } from '../../db/hooks';
import { loadLiveLesson } from '../../db/repo/lessons';
import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { LessonLogger } from './LessonLogger';

/** Live logging: the class as tiles; one tap is a turn, every other kind two taps away. */
export function LiveLessonScreen({ lessonId }: { lessonId: string }) {
  // Read once: after that the screen's own state is the truth (a live query per tap is too slow).
  const data = useReadOnce(() => loadLiveLesson(lessonId), lessonId);

  if (data === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (data === null) {
    return (
      <Screen title={t('logging:notFound.title')} back="#/">
        <p>{t('logging:notFound.body')}</p>
      </Screen>
    );
  }
  return <LessonLogger key={data.lesson.id} data={data} mode="live" />;
}
