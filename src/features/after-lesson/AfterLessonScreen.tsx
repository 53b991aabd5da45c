import { useState } from 'preact/hooks';
import { href } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import {
  afterLessonView,
  decrementAfter,
  incrementAfter,
  setAbsent,
} from '../../db/repo/afterLesson';
import type { InteractionKind } from '../../model/kinds';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Screen } from '../../ui/Screen';
import { guardedWrite } from './guard';
import { NotSpokenPass } from './NotSpokenPass';
import { notSpokenTo, spokenSummary, visibleKinds } from './pass';
import { PupilCard } from './PupilCard';
import './after-lesson.css';
import { JournalForItem } from '../journal/JournalForItem';

/** Logging a lesson afterwards: steppers per pupil and kind, and the "not spoken to" pass. */
export function AfterLessonScreen({ lessonId }: { lessonId: string }) {
  const view = useLiveQuery(() => afterLessonView(lessonId), [lessonId]);
  // The pass's pupils are fixed when it starts; null means the list is shown.
  const [passQueue, setPassQueue] = useState<string[] | null>(null);

  if (view === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (view === null) {
    return (
      <Screen title={t('after:notFound.title')} back="#/">
        <p>{t('after:notFound.body')}</p>
      </Screen>
    );
  }

  const { lesson, cls, pupils, counts, absentIds } = view;
  const kinds = visibleKinds(cls.hiddenKinds);
  const ids = pupils.map((p) => p.id);
  const { spoken, present } = spokenSummary(ids, counts, absentIds);
  const step = (pupilId: string, kind: InteractionKind, delta: 1 | -1) => {
    void guardedWrite(() =>
      delta === 1
        ? incrementAfter(lessonId, pupilId, kind)
        : decrementAfter(lessonId, pupilId, kind),
    );
  };
  const toggleAbsent = (pupilId: string, absent: boolean) => {
    void guardedWrite(() => setAbsent(lessonId, pupilId, absent));
  };
  const times = lesson.endTime ? `${lesson.startTime}–${lesson.endTime}` : lesson.startTime;

  return (
    <Screen title={t('after:title', { name: cls.name })} back={href('class', cls.id)}>
      <p class="after-meta">
        {formatDate(lesson.date)} · {times}
        {lesson.topic ? ` · ${lesson.topic}` : ''}
      </p>
      {passQueue ? (
        <NotSpokenPass view={view} queue={passQueue} onClose={() => setPassQueue(null)} />
      ) : pupils.length === 0 ? (
        <p class="card">
          {t('after:noPupils')} <a href={href('class', cls.id, 'pupils')}>{t('after:addPupils')}</a>
        </p>
      ) : (
        <>
          <p class="after-intro">{t('after:intro')}</p>
          <div class="after-pass-start card">
            <p aria-live="polite">{t('after:progress', { spoken, count: present })}</p>
            <button
              type="button"
              class="primary"
              onClick={() => setPassQueue(notSpokenTo(ids, counts, absentIds))}
            >
              {t('after:pass.start')}
            </button>
          </div>
          <ul class="list after-list">
            {pupils.map((p) => (
              <PupilCard
                key={p.id}
                pupil={p}
                counts={counts[p.id]}
                kinds={kinds}
                absent={absentIds.includes(p.id)}
                onStep={step}
                onToggleAbsent={toggleAbsent}
              />
            ))}
          </ul>
          <JournalForItem lessonId={lesson.id} />
          <a class="button primary after-done" href={href('class', cls.id)}>
            {t('after:done')}
          </a>
        </>
      )}
    </Screen>
  );
}
