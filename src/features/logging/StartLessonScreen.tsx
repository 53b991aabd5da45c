import { useState } from 'preact/hooks';
import { href } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import { getClass } from '../../db/repo/classes';
import { startLesson } from '../../db/repo/lessons';
import { runAction } from '../../db/status';
import { t } from '../../i18n';
import { invalidMessage } from '../../ui/invalid';
import { Screen } from '../../ui/Screen';
import { defaultLessonTimes } from './model';
import './logging.css';

type Field = 'date' | 'startTime' | 'endTime' | 'topic' | 'form';

/** Which field an error code belongs to, so the message sits next to it. */
const FIELD_OF: Record<string, Field> = {
  dateRequired: 'date',
  dateInvalid: 'date',
  startTimeRequired: 'startTime',
  endBeforeStart: 'endTime',
  topicTooLong: 'topic',
};

/** Start a lesson: every field has a default, so one tap on "Start" is enough. */
export function StartLessonScreen({ classId }: { classId: string }) {
  const cls = useLiveQuery(async () => (await getClass(classId)) ?? null, [classId]);
  const [form, setForm] = useState(() => ({ ...defaultLessonTimes(new Date()), topic: '' }));
  const [error, setError] = useState<{ field: Field; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  if (cls === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (cls === null) {
    return (
      <Screen title={t('logging:notFound.classTitle')} back="#/">
        <p>{t('logging:notFound.classBody')}</p>
      </Screen>
    );
  }

  const set = (key: keyof typeof form) => (e: { currentTarget: HTMLInputElement }) =>
    setForm((f) => ({ ...f, [key]: e.currentTarget.value }));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const lesson = await runAction(
      () => startLesson({ classId, ...form }),
      (err) => {
        const field =
          FIELD_OF[err.code] ??
          (err.code === 'timeInvalid' ? (form.startTime ? 'endTime' : 'startTime') : 'form');
        setError({ field, message: invalidMessage('logging', err) });
      },
    );
    // Replace: "back" from the live screen goes to the class, not to a second start form.
    if (lesson) location.replace(href('lesson', lesson.id));
    else setBusy(false);
  };

  const errorFor = (field: Field) =>
    error?.field === field ? (
      <p id={`start-${field}-error`} class="field-error">
        {error.message}
      </p>
    ) : null;
  const described = (field: Field) =>
    error?.field === field
      ? { 'aria-describedby': `start-${field}-error`, 'aria-invalid': true }
      : {};

  return (
    <Screen title={t('logging:start.title')} back={href('class', cls.id)}>
      <form class="start-form card" onSubmit={(e) => void submit(e)} noValidate>
        <p class="start-class">{t('logging:start.forClass', { name: cls.name })}</p>
        <label class="field">
          <span>{t('logging:start.date')}</span>
          <input type="date" value={form.date} onInput={set('date')} {...described('date')} />
        </label>
        {errorFor('date')}
        <div class="start-times">
          <label class="field">
            <span>{t('logging:start.startTime')}</span>
            <input
              type="time"
              value={form.startTime}
              onInput={set('startTime')}
              {...described('startTime')}
            />
          </label>
          <label class="field">
            <span>
              {t('logging:start.endTime')} <span class="hint">{t('logging:start.optional')}</span>
            </span>
            <input
              type="time"
              value={form.endTime}
              onInput={set('endTime')}
              {...described('endTime')}
            />
          </label>
        </div>
        {errorFor('startTime')}
        {errorFor('endTime')}
        <label class="field">
          <span>
            {t('logging:start.topic')} <span class="hint">{t('logging:start.optional')}</span>
          </span>
          <input
            type="text"
            value={form.topic}
            autoComplete="off"
            placeholder={t('logging:start.topicPlaceholder')}
            onInput={set('topic')}
            {...described('topic')}
          />
        </label>
        {errorFor('topic')}
        {errorFor('form')}
        <button type="submit" class="primary start-button" disabled={busy}>
          {t('logging:start.submit')}
        </button>
      </form>
      <p class="start-alt">
        {t('logging:start.afterwardsQuestion')}{' '}
        <a href={href('class', cls.id, 'after')}>{t('logging:start.afterwardsLink')}</a>
      </p>
    </Screen>
  );
}
