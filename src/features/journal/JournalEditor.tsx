import { useEffect, useRef, useState } from 'preact/hooks';
import type { ValidationError } from '../../model/errors';
import { runAction } from '../../db/status';
import type { IsoDate, LessonRecord, PupilRecord } from '../../model/types';
import { toIsoDate } from '../../domain/dates';
import { t } from '../../i18n';
import { lessonLabel } from './labels';

export interface JournalFields {
  date: IsoDate;
  text: string;
  pupilId: string;
  lessonId: string;
}

interface JournalEditorProps {
  /** Unique per editor on the page (ids of the fields). */
  id: string;
  initial: JournalFields;
  /** Offered for linking; leave out to hide the choice (e.g. on a pupil's own page). */
  pupils?: readonly PupilRecord[];
  lessons?: readonly LessonRecord[];
  submitLabel: string;
  /** Throws ValidationError for input the teacher can fix. */
  onSave: (fields: JournalFields) => Promise<void>;
  onCancel?: () => void;
  /** Start afresh after a successful save (new entries). */
  resetAfterSave?: boolean;
  autoFocus?: boolean;
}

const FIELD_OF: Record<string, keyof JournalFields> = {
  textRequired: 'text',
  textTooLong: 'text',
  dateInvalid: 'date',
  dateFuture: 'date',
  pupilNotFound: 'pupilId',
  lessonNotFound: 'lessonId',
};

/** Writing or editing one journal entry: the text first, the date and links after it. */
export function JournalEditor(props: JournalEditorProps) {
  const [fields, setFields] = useState(props.initial);
  const [error, setError] = useState<ValidationError | null>(null);
  const [saving, setSaving] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [today] = useState(() => toIsoDate(new Date()));
  useEffect(() => {
    if (props.autoFocus) textRef.current?.focus();
  }, [props.autoFocus]);

  const set = (patch: Partial<JournalFields>) => setFields((f) => ({ ...f, ...patch }));
  const submit = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    await runAction(
      async () => {
        await props.onSave(fields);
        setError(null);
        if (props.resetAfterSave) setFields(props.initial);
      },
      (err) => {
        setError(err);
        if (FIELD_OF[err.code] === 'text') textRef.current?.focus();
      },
    );
    setSaving(false);
  };

  const field = error ? (FIELD_OF[error.code] ?? 'form') : null;
  const errorId = `${props.id}-error`;
  const message = error ? t(`journal:errors.${error.code}`, error.detail ?? {}) : '';
  const invalid = (name: keyof JournalFields) =>
    field === name ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  const errorAt = (name: keyof JournalFields | 'form') =>
    field === name ? (
      <p id={errorId} class="field-error" role="alert">
        {message}
      </p>
    ) : null;

  return (
    <form class="journal-editor" onSubmit={(e) => void submit(e)} noValidate>
      <label class="field">
        <span>{t('journal:form.text')}</span>
        <textarea
          ref={textRef}
          rows={4}
          value={fields.text}
          placeholder={t('journal:form.textPlaceholder')}
          onInput={(e) => set({ text: e.currentTarget.value })}
          {...invalid('text')}
        />
      </label>
      {errorAt('text')}
      <div class="journal-editor-row">
        <label class="field">
          <span>{t('journal:form.date')}</span>
          <input
            type="date"
            value={fields.date}
            max={today}
            onInput={(e) => set({ date: e.currentTarget.value })}
            {...invalid('date')}
          />
        </label>
        {props.pupils ? (
          <label class="field">
            <span>{t('journal:form.pupil')}</span>
            <select
              value={fields.pupilId}
              onChange={(e) => set({ pupilId: e.currentTarget.value })}
              {...invalid('pupilId')}
            >
              <option value="">{t('journal:form.noPupil')}</option>
              {props.pupils.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {props.lessons ? (
          <label class="field">
            <span>{t('journal:form.lesson')}</span>
            <select
              value={fields.lessonId}
              onChange={(e) => set({ lessonId: e.currentTarget.value })}
              {...invalid('lessonId')}
            >
              <option value="">{t('journal:form.noLesson')}</option>
              {props.lessons.map((l) => (
                <option key={l.id} value={l.id}>
                  {lessonLabel(l)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {errorAt('date')}
      {errorAt('pupilId')}
      {errorAt('lessonId')}
      {errorAt('form')}
      <div class="journal-form-actions">
        <button type="submit" class="primary" disabled={saving}>
          {props.submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            {t('common:cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
