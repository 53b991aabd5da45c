import { useState } from 'preact/hooks';
import { newRecoveryCode } from '../../db/lock/keys';
import { turnLockOn } from '../../db/lock/lock';
import { t } from '../../i18n';
import { showToast } from '../../ui/toastStore';
import { lockErrorText } from './errorText';
import { NewPassphrase, newPassphraseError } from './NewPassphrase';

/**
 * Turning the lock on: first the warning and the passphrase (twice), then the recovery code,
 * shown once; the lock goes on only after the teacher confirms it is written down.
 */
export function SetUpLock() {
  const [step, setStep] = useState<'closed' | 'passphrase' | 'code'>('closed');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [written, setWritten] = useState(false);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setStep('closed');
    setPassphrase('');
    setRepeat('');
    setCode('');
    setWritten(false);
    setError(null);
  };

  const next = (e: Event) => {
    e.preventDefault();
    const problem = newPassphraseError(passphrase, repeat);
    setError(problem);
    if (problem) return;
    setCode(newRecoveryCode());
    setStep('code');
  };

  const turnOn = async () => {
    setBusy(true);
    try {
      await turnLockOn(passphrase, code);
      reset();
      showToast(t('lock:settings.turnedOn'));
    } catch (e) {
      setError(lockErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (step === 'closed') {
    return (
      <>
        <p>{t('lock:settings.offIntro')}</p>
        <button type="button" onClick={() => setStep('passphrase')}>
          {t('lock:settings.setUp')}
        </button>
      </>
    );
  }
  if (step === 'passphrase') {
    return (
      <form class="lock-settings" onSubmit={next}>
        <p class="lock-warning">{t('lock:settings.warning')}</p>
        <NewPassphrase
          idPrefix="lock"
          passphrase={passphrase}
          repeat={repeat}
          onPassphrase={setPassphrase}
          onRepeat={setRepeat}
          error={error}
        />
        <div class="row">
          <button type="submit" class="primary">
            {t('lock:settings.next')}
          </button>
          <button type="button" onClick={reset}>
            {t('lock:settings.cancel')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <div class="lock-settings">
      <h3>{t('lock:settings.codeHeading')}</h3>
      <p>{t('lock:settings.codeIntro')}</p>
      <p class="lock-code" data-testid="recovery-code">
        {code}
      </p>
      <label class="lock-check">
        <input
          type="checkbox"
          checked={written}
          onChange={(e) => setWritten(e.currentTarget.checked)}
        />
        <span>{t('lock:settings.codeConfirm')}</span>
      </label>
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="row">
        <button
          type="button"
          class="primary"
          disabled={!written || busy}
          onClick={() => void turnOn()}
        >
          {t('lock:settings.turnOn')}
        </button>
        <button type="button" disabled={busy} onClick={reset}>
          {t('lock:settings.cancel')}
        </button>
      </div>
      {busy ? (
        <p class="muted" role="status">
          {t('lock:settings.turningOn')}
        </p>
      ) : null}
    </div>
  );
}
