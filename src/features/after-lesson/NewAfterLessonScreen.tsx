import { useState } from 'preact/hooks';
import { href, navigate } from '../../ui/router';
import type { ValidationError } from '../../model/errors';
import { useLiveQuery } from '../../db/hooks';
import { classForPastLesson, createPastLesson } from '../../db/repo/afterLesson';
import { runAction } from '../../db/status';
import { addMinutesToClock, toClockTime, toIsoDate } from '../../domain/dates';
import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import './after-lesson.css';

/** A lesson usually lasts about 50 minutes; the default start is that long before now. */
const DEFAULT_LENGTH_MIN = 50;

function roundDown5(d: Date): Date {
  const r = new Date(d);
  r.setMinutes(r.getMinutes() - (r.getMinutes() % 5), 0, 0);
  return r;
}

function defaultTimes(now: Date): { start: string; end: string } {
  const end = roundDown5(now);
  const start = new Date(end.getTime() - DEFAULT_LENGTH_MIN * 60_000);
  const s = toClockTime(start);
  const e = toClockTime(end);
  // Just after midnight the start falls on the day before: leave the end open then.
  return { start: s, end: e > s ? e : '' };
}

const FIELD_OF: Record<string, 'date' | 'start' | 'end' | 'topic'> = {
  dateRequired: 'date',
  dateInvalid: 'date',
  dateFuture: 'date',
  startTimeRequired: 'start',
  timeInvalid: 'start',
  endBeforeStart: 'end',
  topicTooLong: 'topic',
};

/** Creates a lesson that already took place (today or earlier), then opens its steppers. */
export function NewAfterLessonScreen({ classId }: { classId: string }) {
  const cls = useLiveQuery(() => classForPastLesson(classId), [classId]);
  const [today] = useState(() => toIsoDate(new Date()));
  const [date, setDate] = useState(today);
  const [times] = useState(() => defaultTimes(new Date()));
  const [start, setStart] = useState(times.start);
  const [end, setEnd] = useState(times.end);
  // Until the teacher sets the end, it follows the start (a lesson of the usual length): a start
  // moved to this morning otherwise kept an end of "now", before it.
  const [endSet, setEndSet] = useState(false);
  const [topic, setTopic] = useState('');
  const [error, setError] = useState<ValidationError | null>(null);
  const [saving, setSaving] = useState(false);

  if (cls === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (cls === null) {
    return (
      <Screen title={t('after:notFound.title')} back="#/">
        <p>{t('after:notFound.classBody')}</p>
      </Screen>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    const lesson = await runAction(
      () => createPastLesson({ classId, date, startTime: start, endTime: end, topic }),
      setError,
    );
    if (lesson) navigate(`/lesson/${encodeURIComponent(lesson.id)}/after`);
    else setSaving(false);
  };
  // timeInvalid may be about either time: blame the end when the start looks fine.
  const errorField =
    error?.code === 'timeInvalid' && /^\d\d:\d\d$/.test(start)
      ? 'end'
      : error
        ? FIELD_OF[error.code]
        : undefined;
  const errorMessage = error ? t(`after:errors.${error.code}`, error.detail ?? {}) : '';
  const fieldError = (field: string) =>
    errorField === field ? (
      <p id={`new-after-${field}-error`} class="field-error" role="alert">
        {errorMessage}
      </p>
    ) : null;
  const described = (field: string) =>
    errorField === field ? `new-after-${field}-error` : undefined;

  return (
    <Screen title={t('after:new.title')} back={href('class', cls.id)}>
      <p class="after-intro">{t('after:new.intro', { name: cls.name })}</p>
      <form class="card new-after-form" onSubmit={(e) => void submit(e)} noValidate>
        <label class="field">
          <span>{t('after:new.date')}</span>
          <input
            type="date"
            value={date}
            max={today}
            required
            aria-invalid={errorField === 'date'}
            aria-describedby={described('date')}
            onInput={(e) => setDate(e.currentTarget.value)}
          />
        </label>
        {fieldError('date')}
        <div class="new-after-times">
          <label class="field">
            <span>{t('after:new.start')}</span>
            <input
              type="time"
              value={start}
              required
              aria-invalid={errorField === 'start'}
              aria-describedby={described('start')}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setStart(value);
                if (!endSet) setEnd(addMinutesToClock(value, DEFAULT_LENGTH_MIN) ?? '');
              }}
            />
          </label>
          <label class="field">
            <span>
              {t('after:new.end')} <span class="hint">{t('after:new.optional')}</span>
            </span>
            <input
              type="time"
              value={end}
              aria-invalid={errorField === 'end'}
              aria-describedby={described('end')}
              onInput={(e) => {
                setEndSet(true);
                setEnd(e.currentTarget.value);
              }}
            />
          </label>
        </div>
        {fieldError('start')}
        {fieldError('end')}
        <label class="field">
          <span>
            {t('after:new.topic')} <span class="hint">{t('after:new.optional')}</span>
          </span>
          <input
            value={topic}
            autoComplete="off"
            aria-invalid={errorField === 'topic'}
            aria-describedby={described('topic')}
            onInput={(e) => setTopic(e.currentTarget.value)}
          />
        </label>
        {fieldError('topic')}
        {error && !errorField ? (
          <p class="field-error" role="alert">
            {errorMessage}
          </p>
        ) : null}
        <button type="submit" class="primary new-after-submit" disabled={saving}>
          {t('after:new.submit')}
        </button>
      </form>
    </Screen>
  );
}
