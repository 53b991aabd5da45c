import { useState } from 'preact/hooks';
import { href } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import { listLessonsWithCounts } from '../../db/repo/lessons';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import './logging.css';

/** How many lessons show before "show all" (a year has a few hundred). */
const FIRST_PAGE = 8;

/** The class's lessons, newest first, each to continue live or to fill in afterwards. */
export function LessonList({ classId }: { classId: string }) {
  const summaries = useLiveQuery(() => listLessonsWithCounts(classId), [classId]);
  const [showAll, setShowAll] = useState(false);

  return (
    <section class="lesson-list" aria-labelledby="lesson-list-heading">
      <h2 id="lesson-list-heading">{t('logging:list.heading')}</h2>
      {summaries === undefined ? (
        <p class="muted">{t('common:loading')}</p>
      ) : summaries.length === 0 ? (
        <p class="muted">{t('logging:list.empty')}</p>
      ) : (
        <>
          <ul class="list">
            {(showAll ? summaries : summaries.slice(0, FIRST_PAGE)).map(
              ({ lesson, eventCount }) => {
                const when = `${formatDate(lesson.date)} · ${
                  lesson.endTime ? `${lesson.startTime}–${lesson.endTime}` : lesson.startTime
                }`;
                return (
                  <li key={lesson.id} class="lesson-item">
                    <p class="lesson-when">
                      <strong>{when}</strong>
                      {lesson.endedAt ? null : <span class="badge">{t('logging:list.open')}</span>}
                    </p>
                    <p class="lesson-what muted">
                      {lesson.topic ? <span>{lesson.topic} · </span> : null}
                      {t('logging:list.events', { count: eventCount })}
                    </p>
                    <div class="lesson-links">
                      <a class="button" href={href('lesson', lesson.id)}>
                        {t('logging:list.continue')}
                        <span class="visually-hidden"> ({when})</span>
                      </a>
                      <a class="button" href={href('lesson', lesson.id, 'after')}>
                        {t('logging:list.after')}
                        <span class="visually-hidden"> ({when})</span>
                      </a>
                      <a class="button" href={href('lesson', lesson.id, 'edit')}>
                        {t('logging:list.edit')}
                        <span class="visually-hidden"> ({when})</span>
                      </a>
                    </div>
                  </li>
                );
              },
            )}
          </ul>
          {!showAll && summaries.length > FIRST_PAGE ? (
            <button type="button" class="link lesson-more" onClick={() => setShowAll(true)}>
              {t('logging:list.showAll', { count: summaries.length })}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
