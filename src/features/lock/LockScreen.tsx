import { useRef, useState } from 'preact/hooks';
import { unlock, unlockWithRecoveryCode } from '../../db/lock/lock';
import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { showToast } from '../../ui/toastStore';
import { lockErrorText } from './errorText';
import { PassphraseField } from './PassphraseField';
import './lock.css';

/** Asks for the passphrase (or the recovery code); nothing of the data is shown until then. */
export function LockScreen() {
  const [passphrase, setPassphrase] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  const attempt = async (
    run: () => Promise<void>,
    fail: (m: string) => void,
    field: HTMLInputElement | null,
  ) => {
    setBusy(true);
    setError(null);
    setCodeError(null);
    try {
      await run();
      return true;
    } catch (e) {
      fail(lockErrorText(e));
      field?.focus();
      return false;
    } finally {
      setBusy(false);
    }
  };

  const onUnlock = (e: Event) => {
    e.preventDefault();
    void attempt(() => unlock(passphrase), setError, passRef.current);
  };
  const onRecover = (e: Event) => {
    e.preventDefault();
    void attempt(() => unlockWithRecoveryCode(code), setCodeError, codeRef.current).then(
      (ok) => ok && showToast(t('lock:screen.afterCode')),
    );
  };

  return (
    <Screen title={t('lock:screen.title')}>
      <div class="lock-screen">
        <form class="card lock-form" onSubmit={onUnlock}>
          <p>{t('lock:screen.intro')}</p>
          <PassphraseField
            id="lock-passphrase"
            label={t('lock:screen.label')}
            value={passphrase}
            onInput={setPassphrase}
            error={error}
            autoComplete="current-password"
            inputRef={passRef}
          />
          <button type="submit" class="primary" disabled={busy || passphrase === ''}>
            {t('lock:screen.unlock')}
          </button>
          {busy ? (
            <p class="muted" role="status">
              {t('lock:screen.busy')}
            </p>
          ) : null}
        </form>
        <details class="lock-forgot">
          <summary>{t('lock:screen.forgot')}</summary>
          <form onSubmit={onRecover}>
            <p>{t('lock:screen.forgotBody')}</p>
            <PassphraseField
              id="lock-recovery"
              label={t('lock:screen.codeLabel')}
              hint={t('lock:screen.codeHint')}
              value={code}
              onInput={setCode}
              error={codeError}
              autoComplete="off"
              inputRef={codeRef}
              visible
            />
            <button type="submit" disabled={busy || code.trim() === ''}>
              {t('lock:screen.unlockWithCode')}
            </button>
          </form>
        </details>
      </div>
    </Screen>
  );
}
