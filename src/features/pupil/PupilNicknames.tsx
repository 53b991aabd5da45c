import { useState } from 'preact/hooks';
import { parseNicknames, setPupilNicknames } from '../../db/repo/pupilNicknames';
import { runAction } from '../../db/status';
import { t } from '../../i18n';
import { invalidMessage } from '../../ui/invalid';
import type { PupilRecord } from '../../model/types';

/** Other names the teacher uses for the pupil, so shared texts can hide those too. */
export function PupilNicknames({ pupil }: { pupil: PupilRecord }) {
  const saved = (pupil.nicknames ?? []).join(', ');
  const [text, setText] = useState(saved);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  const save = async (e: Event) => {
    e.preventDefault();
    setDone('');
    const next = await runAction(
      () => setPupilNicknames(pupil.id, parseNicknames(text)),
      (err) => setError(invalidMessage('pupil:nicknames', err)),
    );
    if (!next) return;
    setText((next.nicknames ?? []).join(', '));
    setError('');
    setDone(t('pupil:nicknames.saved'));
  };

  return (
    <section class="card stack pupil-nicknames" aria-labelledby="pupil-nicknames-heading">
      <h2 id="pupil-nicknames-heading">{t('pupil:nicknames.heading')}</h2>
      <form onSubmit={(e) => void save(e)} class="stack">
        <label class="field">
          <span>{t('pupil:nicknames.label')}</span>
          <input
            value={text}
            autoComplete="off"
            aria-describedby="pupil-nicknames-hint"
            aria-invalid={error ? true : undefined}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <p id="pupil-nicknames-hint" class="hint muted">
          {t('pupil:nicknames.hint')}
        </p>
        {error ? (
          <p class="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div class="row">
          <button type="submit" disabled={text === saved}>
            {t('pupil:nicknames.save')}
          </button>
        </div>
        <p role="status">{done}</p>
      </form>
    </section>
  );
}
