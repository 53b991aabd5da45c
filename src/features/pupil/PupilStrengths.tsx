import { useState } from 'preact/hooks';
import { setPupilStrengths, STRENGTHS_MAX } from '../../db/repo/pupilStrengths';
import { runAction } from '../../db/status';
import { t } from '../../i18n';
import { invalidMessage } from '../../ui/invalid';
import type { PupilRecord } from '../../model/types';

/**
 * What the pupil is good at and dreams of (issue 14): looking from strengths rather than from what
 * a pupil cannot do yet. Both optional; saved together.
 */
export function PupilStrengths({ pupil }: { pupil: PupilRecord }) {
  const saved = { strengths: pupil.strengths ?? '', aspirations: pupil.aspirations ?? '' };
  const [strengths, setStrengths] = useState(saved.strengths);
  const [aspirations, setAspirations] = useState(saved.aspirations);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const name = pupil.name;

  const save = async (e: Event) => {
    e.preventDefault();
    setDone('');
    const next = await runAction(
      () => setPupilStrengths(pupil.id, { strengths, aspirations }),
      (err) => setError(invalidMessage('pupil:strengths', err)),
    );
    if (!next) return;
    setStrengths(next.strengths ?? '');
    setAspirations(next.aspirations ?? '');
    setError('');
    setDone(t('pupil:strengths.saved'));
  };

  const unchanged = strengths === saved.strengths && aspirations === saved.aspirations;
  return (
    <section class="card stack pupil-strengths" aria-labelledby="pupil-strengths-heading">
      <h2 id="pupil-strengths-heading">{t('pupil:strengths.heading')}</h2>
      <p id="pupil-strengths-hint" class="hint muted">
        {t('pupil:strengths.hint')}
      </p>
      <form onSubmit={(e) => void save(e)} class="stack">
        <label class="field">
          <span>{t('pupil:strengths.strengths', { name })}</span>
          <textarea
            rows={2}
            value={strengths}
            maxLength={STRENGTHS_MAX}
            aria-describedby="pupil-strengths-hint"
            aria-invalid={error ? true : undefined}
            onInput={(e) => setStrengths(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t('pupil:strengths.aspirations', { name })}</span>
          <textarea
            rows={2}
            value={aspirations}
            maxLength={STRENGTHS_MAX}
            aria-describedby="pupil-strengths-hint"
            aria-invalid={error ? true : undefined}
            onInput={(e) => setAspirations(e.currentTarget.value)}
          />
        </label>
        {error ? (
          <p class="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div class="row">
          <button type="submit" disabled={unchanged}>
            {t('pupil:strengths.save')}
          </button>
        </div>
        <p role="status">{done}</p>
      </form>
    </section>
  );
}
