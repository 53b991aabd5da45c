import { useState } from 'preact/hooks';
import { href } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import { deleteEvent } from '../../db/repo/events';
import {
  loadLessonEditData,
  restoreEvent,
  updateEvent,
  type EventChange,
  type LessonEditData,
} from '../../db/repo/lessonEdit';
import { deleteLesson, restoreLesson } from '../../db/repo/lessons';
import { runAction } from '../../db/status';
import type { InteractionEvent } from '../../model/types';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { deleteWithUndo } from '../../ui/deleteWithUndo';
import { toastInvalid } from '../../ui/invalid';
import { Screen } from '../../ui/Screen';
import { showToast } from '../../ui/toastStore';
import { EventItem } from './EventItem';
import './lesson-edit.css';

/** Storage trouble goes to the banner; a refused change is said in a toast. */
const refused = toastInvalid('logging');

/** Fix a lesson afterwards: its events per pupil, each changeable or removable; or the lesson. */
export function LessonEditScreen({ lessonId }: { lessonId: string }) {
  const view = useLiveQuery(() => loadLessonEditData(lessonId), [lessonId]);
  if (view === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (view === null) {
    return (
      <Screen title={t('logging:notFound.title')} back="#/">
        <p>{t('logging:notFound.body')}</p>
      </Screen>
    );
  }
  return <LessonEdit view={view} />;
}

function LessonEdit({ view }: { view: LessonEditData }) {
  const { lesson, cls, pupils, events } = view;
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const current = pupils.filter((p) => !p.removedAt);
  const names = new Map(pupils.map((p) => [p.id, p.name]));
  const when = `${formatDate(lesson.date)} · ${
    lesson.endTime ? `${lesson.startTime}–${lesson.endTime}` : lesson.startTime
  }`;

  const save = (event: InteractionEvent, change: EventChange) => {
    void runAction(async () => {
      await updateEvent(lesson.id, event.id, change);
      setEditing(null);
      showToast(t('lessonEdit:changed'));
    }, refused);
  };

  const remove = (event: InteractionEvent) => {
    const what = { kind: t(`kinds:${event.kind}.label`), name: names.get(event.pupilId) ?? '?' };
    void deleteWithUndo({
      remove: () => deleteEvent(lesson.id, event.id),
      undo: () => restoreEvent(event),
      message: t('lessonEdit:eventDeleted', what),
      onInvalid: refused,
    });
  };

  const removeLesson = () => {
    setConfirming(false);
    void deleteWithUndo({
      remove: () => deleteLesson(lesson.id),
      undo: () => restoreLesson(lesson.id),
      message: t('lessonEdit:lessonDeleted', { when }),
      onInvalid: refused,
      after: () => location.replace(href('class', cls.id)),
    });
  };

  const perPupil = pupils
    .map((p) => ({ pupil: p, own: events.filter((e) => e.pupilId === p.id) }))
    .filter((g) => g.own.length > 0);

  return (
    <Screen title={t('lessonEdit:title', { name: cls.name })} back={href('class', cls.id)}>
      <p class="lesson-edit-when">
        <strong>{when}</strong>
        {lesson.topic ? <span> · {lesson.topic}</span> : null}
      </p>
      <p class="muted">{t('lessonEdit:intro', { count: events.length })}</p>
      {perPupil.length === 0 ? <p class="muted">{t('lessonEdit:empty')}</p> : null}
      {perPupil.map(({ pupil, own }) => (
        <section key={pupil.id} class="lesson-edit-pupil" aria-labelledby={`le-${pupil.id}`}>
          <h2 id={`le-${pupil.id}`}>
            {t('lessonEdit:pupilHeading', { name: pupil.name, count: own.length })}
          </h2>
          <ul class="list">
            {own.map((event) => (
              <EventItem
                key={event.id}
                event={event}
                pupilName={pupil.name}
                pupils={current}
                editing={editing === event.id}
                onEdit={() => setEditing(event.id)}
                onCancel={() => setEditing(null)}
                onSave={(change) => save(event, change)}
                onDelete={() => remove(event)}
              />
            ))}
          </ul>
        </section>
      ))}
      <section class="lesson-edit-danger" aria-labelledby="le-delete">
        <h2 id="le-delete">{t('lessonEdit:deleteHeading')}</h2>
        <p class="muted">{t('lessonEdit:deleteHint')}</p>
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          {t('lessonEdit:deleteLesson')}
        </button>
      </section>
      <ConfirmDialog
        open={confirming}
        title={t('lessonEdit:confirm.title')}
        body={t('lessonEdit:confirm.body', { when, count: events.length })}
        confirmLabel={t('lessonEdit:confirm.confirm')}
        danger
        onConfirm={removeLesson}
        onCancel={() => setConfirming(false)}
      />
    </Screen>
  );
}
