import { useState } from 'preact/hooks';
import type { ValidationError } from '../../model/errors';
import { logBanking } from '../../db/repo/banking';
import { runAction } from '../../db/status';
import type { PupilRecord } from '../../model/types';
import { toIsoDate } from '../../domain/dates';
import { t } from '../../i18n';
import { showToast } from '../../ui/toastStore';
import { MinutesStepper } from './MinutesStepper';

interface BankingFormProps {
  classId: string;
  /** Current pupils of the class, by name. */
  pupils: readonly PupilRecord[];
}

const DEFAULT_MINUTES = 10;

/** Logs one Banking Time moment: pupil, date (today by default), minutes, optional note. */
export function BankingForm({ classId, pupils }: BankingFormProps) {
  const [today] = useState(() => toIsoDate(new Date()));
  const [pupilId, setPupilId] = useState('');
  const [date, setDate] = useState(today);
  const [minutes, setMinutes] = useState(DEFAULT_MINUTES);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ValidationError | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    await runAction(async () => {
      await logBanking({ classId, pupilId, date, minutes, note });
      const name = pupils.find((p) => p.id === pupilId)?.name ?? '';
      showToast(t('banking:saved', { name, count: minutes }));
      setError(null);
      setPupilId('');
      setNote('');
    }, setError);
    setSaving(false);
  };

  const code = error?.code;
  const message = error ? t(`banking:errors.${error.code}`, error.detail ?? {}) : '';
  const errorFor = (codes: string[], id: string) =>
    code && codes.includes(code) ? (
      <p id={id} class="field-error" role="alert">
        {message}
      </p>
    ) : null;
  const isFor = (codes: string[]) => Boolean(code && codes.includes(code));

  return (
    <form class="card banking-form" onSubmit={(e) => void submit(e)} noValidate>
      <label class="field">
        <span>{t('banking:form.pupil')}</span>
        <select
          value={pupilId}
          aria-invalid={isFor(['pupilRequired'])}
          aria-describedby={isFor(['pupilRequired']) ? 'banking-pupil-error' : undefined}
          onChange={(e) => setPupilId(e.currentTarget.value)}
        >
          <option value="">{t('banking:form.choosePupil')}</option>
          {pupils.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {errorFor(['pupilRequired'], 'banking-pupil-error')}
      <label class="field">
        <span>{t('banking:form.date')}</span>
        <input
          type="date"
          value={date}
          max={today}
          aria-invalid={isFor(['dateInvalid', 'dateFuture'])}
          aria-describedby={isFor(['dateInvalid', 'dateFuture']) ? 'banking-date-error' : undefined}
          onInput={(e) => setDate(e.currentTarget.value)}
        />
      </label>
      {errorFor(['dateInvalid', 'dateFuture'], 'banking-date-error')}
      <MinutesStepper
        id="banking-minutes"
        value={minutes}
        onChange={setMinutes}
        describedBy={isFor(['minutesRange']) ? 'banking-minutes-error' : undefined}
      />
      {errorFor(['minutesRange'], 'banking-minutes-error')}
      <label class="field">
        <span>
          {t('banking:form.note')} <span class="hint">{t('banking:form.optional')}</span>
        </span>
        <textarea
          rows={2}
          value={note}
          placeholder={t('banking:form.notePlaceholder')}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      {code === 'sessionNotFound' ? (
        <p class="field-error" role="alert">
          {message}
        </p>
      ) : null}
      <button type="submit" class="primary banking-submit" disabled={saving}>
        {t('banking:form.save')}
      </button>
    </form>
  );
}
