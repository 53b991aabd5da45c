import { useState } from 'preact/hooks';
import { closeIntention } from '../../db/repo/intentions';
import { runAction } from '../../db/status';
import { t } from '../../i18n';
import { invalidMessage } from '../../ui/invalid';
import { showToast } from '../../ui/toastStore';
import { CauseChoice } from '../cause/CauseChoice';

/** After the period: a short look back, kept on the intention and written to the journal. */
export function ClosingForm({
  intentionId,
  pupil,
}: {
  intentionId: string;
  /** For an intention about one pupil: the optional "where is the cause?" tap (issue 14). */
  pupil?: { id: string; name: string } | null;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldId = `closing-${intentionId}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    const closed = await runAction(
      () => closeIntention(intentionId, text),
      (err) => setError(invalidMessage('intentions', err)),
    );
    if (!closed) return setSaving(false);
    showToast(closed.entry ? t('intentions:closing.savedJournal') : t('intentions:closing.saved'));
  };

  return (
    <form class="intention-closing" onSubmit={(e) => void submit(e)} noValidate>
      <p class="intention-closing-ask">{t('intentions:closing.body')}</p>
      <label class="field">
        <span>{t('intentions:closing.label')}</span>
        <textarea
          id={fieldId}
          rows={3}
          value={text}
          aria-describedby={error ? `${fieldId}-error` : `${fieldId}-hint`}
          aria-invalid={error ? true : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <p id={`${fieldId}-hint`} class="muted intention-hint">
        {t('intentions:closing.hint')}
      </p>
      {error ? (
        <p id={`${fieldId}-error`} class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {pupil ? (
        <CauseChoice
          pupilId={pupil.id}
          pupilName={pupil.name}
          source="intention"
          sourceKey={intentionId}
        />
      ) : null}
      <button type="submit" class="primary" disabled={saving}>
        {t('intentions:closing.save')}
      </button>
    </form>
  );
}
