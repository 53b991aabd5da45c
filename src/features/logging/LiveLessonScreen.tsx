import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { useLiveLesson } from './useLiveLesson';
import { LessonLogger } from './LessonLogger';

/** Live logging: the class as tiles; one tap is a turn, every other kind two taps away. */
export function LiveLessonScreen({ lessonId }: { lessonId: string }) {
  // Events read once (the grid's store is the truth); lesson, class and pupils followed live,
  // so a change in another tab shows here and a removed lesson takes no more taps.
  const data = useLiveLesson(lessonId);

  if (data === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (data === null) {
    return (
      <Screen title={t('logging:notFound.title')} back="#/">
        <p>{t('logging:notFound.body')}</p>
      </Screen>
    );
  }
  return <LessonLogger key={data.seedKey} data={data} mode="live" />;
}
