import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { MIN_PASSPHRASE } from '../../intervisie';
import { Choice } from './Choice';

export { MIN_PASSPHRASE };
export type ExportMode = 'share' | 'download';

interface Props {
  /** False while the setup has an error (nothing to export). */
  ready: boolean;
  /** Whether the device can share files (Web Share API). */
  canShare: boolean;
  /** Makes, records and hands over the file; resolves with the message to show. */
  onExport: (mode: ExportMode, passphrase: string | null) => Promise<string>;
}

/** Optional passphrase (typed twice), then share or download. */
export function ShareExport({ ready, canShare, onExport }: Props) {
  const [protect, setProtect] = useState(true);
  const [pass, setPass] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  const run = async (mode: ExportMode) => {
    setDone('');
    if (protect && [...pass].length < MIN_PASSPHRASE) {
      setError(t('coach:errors.passphraseTooShort', { min: MIN_PASSPHRASE }));
      return;
    }
    if (protect && pass !== repeat) {
      setError(t('coach:errors.passphraseMismatch'));
      return;
    }
    setError('');
    setBusy(true);
    try {
      setDone(await onExport(mode, protect ? pass : null));
      setPass('');
      setRepeat('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card coach-section" aria-labelledby="share-export-heading">
      <h2 id="share-export-heading">{t('coach:export.heading')}</h2>
      <Choice
        type="checkbox"
        checked={protect}
        label={t('coach:export.protect')}
        hint={t('coach:export.protectHint')}
        onChange={setProtect}
      />
      {protect ? (
        <>
          <label class="field">
            <span>{t('coach:export.passphrase')}</span>
            <input
              type="password"
              value={pass}
              autoComplete="new-password"
              aria-describedby="share-pass-hint"
              onInput={(e) => setPass(e.currentTarget.value)}
            />
          </label>
          <p id="share-pass-hint" class="hint muted coach-hint">
            {t('coach:export.passphraseHint', { min: MIN_PASSPHRASE })}
          </p>
          <label class="field">
            <span>{t('coach:export.repeat')}</span>
            <input
              type="password"
              value={repeat}
              autoComplete="new-password"
              onInput={(e) => setRepeat(e.currentTarget.value)}
            />
          </label>
        </>
      ) : null}
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="row coach-actions">
        {canShare ? (
          <button
            type="button"
            class="primary"
            disabled={!ready || busy}
            onClick={() => void run('share')}
          >
            {t('coach:export.share')}
          </button>
        ) : null}
        <button
          type="button"
          class={canShare ? '' : 'primary'}
          disabled={!ready || busy}
          onClick={() => void run('download')}
        >
          {t('coach:export.download')}
        </button>
      </div>
      <p role="status" class="coach-done">
        {busy ? t('coach:export.working') : done}
      </p>
    </section>
  );
}
