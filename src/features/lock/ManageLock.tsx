import { useState } from 'preact/hooks';
import { useLiveQuery } from '../../db/hooks';
import { IDLE_CHOICES, type IdleMinutes } from '../../db/lock/config';
import {
  lockNow,
  readLockConfig,
  setIdleMinutes,
  turnLockOff,
  changePassphrase,
} from '../../db/lock/lock';
import { t } from '../../i18n';
import { showToast } from '../../ui/toastStore';
import { lockErrorText } from './errorText';
import { NewPassphrase, newPassphraseError } from './NewPassphrase';
import { PassphraseField } from './PassphraseField';

function IdleChoice() {
  const config = useLiveQuery(() => readLockConfig(), []);
  if (!config) return null;
  const choose = (value: string) => {
    const minutes = Number(value) as IdleMinutes;
    setIdleMinutes(minutes).then(
      () => showToast(t('lock:settings.idleSaved', { count: minutes })),
      (e: unknown) => showToast(lockErrorText(e)),
    );
  };
  return (
    <div class="field">
      <label for="lock-idle" class="field-label">
        {t('lock:settings.idleLabel')}
      </label>
      <select
        id="lock-idle"
        value={String(config.idleMinutes)}
        onChange={(e) => choose(e.currentTarget.value)}
      >
        {IDLE_CHOICES.map((m) => (
          <option key={m} value={m}>
            {t('lock:settings.idleOption', { count: m })}
          </option>
        ))}
      </select>
    </div>
  );
}

function ChangePassphrase() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const problem = newPassphraseError(next, repeat);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      await changePassphrase(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      showToast(t('lock:settings.changed'));
    } catch (err) {
      setError(lockErrorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details>
      <summary>{t('lock:settings.changeHeading')}</summary>
      <form class="lock-settings" onSubmit={(e) => void submit(e)}>
        <PassphraseField
          id="lock-current"
          label={t('lock:settings.current')}
          value={current}
          onInput={setCurrent}
          autoComplete="current-password"
        />
        <NewPassphrase
          idPrefix="lock-change"
          passphrase={next}
          repeat={repeat}
          onPassphrase={setNext}
          onRepeat={setRepeat}
          error={error}
        />
        <button type="submit" disabled={busy || current === ''}>
          {t('lock:settings.change')}
        </button>
      </form>
    </details>
  );
}

function TurnOff() {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await turnLockOff(passphrase);
      showToast(t('lock:settings.turnedOff'));
    } catch (err) {
      setError(lockErrorText(err));
      setBusy(false);
    }
  };
  return (
    <details>
      <summary>{t('lock:settings.offHeading')}</summary>
      <form class="lock-settings" onSubmit={(e) => void submit(e)}>
        <p>{t('lock:settings.offBody')}</p>
        <PassphraseField
          id="lock-off"
          label={t('lock:screen.label')}
          value={passphrase}
          onInput={setPassphrase}
          error={error}
          autoComplete="current-password"
        />
        <button type="submit" class="danger" disabled={busy || passphrase === ''}>
          {t('lock:settings.turnOff')}
        </button>
        {busy ? (
          <p class="muted" role="status">
            {t('lock:settings.turningOff')}
          </p>
        ) : null}
      </form>
    </details>
  );
}

/** While the lock is on: lock now, the idle time, a new passphrase, or turning it off. */
export function ManageLock() {
  return (
    <>
      <p>{t('lock:settings.onIntro')}</p>
      <button type="button" class="primary" onClick={lockNow}>
        {t('lock:settings.lockNow')}
      </button>
      <IdleChoice />
      <ChangePassphrase />
      <TurnOff />
    </>
  );
}
