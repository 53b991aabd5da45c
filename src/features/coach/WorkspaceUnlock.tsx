import { useState } from 'preact/hooks';
import { unlockWorkspace } from '../../db/repo/coachWorkspace';
import { t } from '../../i18n';
import { coachErrorMessage } from './messages';

/**
 * An encrypted workspace stays encrypted on this device: the teacher's passphrase opens it for
 * this tab only (the plaintext is kept in memory, never stored).
 */
export function WorkspaceUnlock({ id, onOpen }: { id: string; onOpen: () => void }) {
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async () => {
    setBusy(true);
    setError('');
    try {
      await unlockWorkspace(id, pass);
      onOpen();
    } catch (e) {
      setError(coachErrorMessage(e, 'package'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="card coach-section coach-unlock"
      aria-labelledby="ws-unlock-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (pass) void submit();
      }}
    >
      <h2 id="ws-unlock-heading">{t('coach:workspace.lockedHeading')}</h2>
      <p>{t('coach:workspace.lockedBody')}</p>
      <label class="field">
        <span>{t('coach:coach.passphrase')}</span>
        <input
          type="password"
          value={pass}
          autoComplete="off"
          onInput={(e) => setPass(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="primary" disabled={busy || pass === ''}>
        {busy ? t('coach:coach.opening') : t('coach:coach.open')}
      </button>
      {error ? (
        <p role="alert" class="field-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
