import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';

interface Props {
  fileName: string;
  /** The message of the last try (wrong passphrase or changed file); empty at first. */
  error: string;
  onUnlock: (passphrase: string) => void;
  onCancel: () => void;
}

/** Asks the passphrase of an encrypted backup; nothing is read or written before it opens. */
export function BackupUnlock({ fileName, error, onUnlock, onCancel }: Props) {
  const [pass, setPass] = useState('');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), [error]);
  return (
    <form
      class="backup-protect"
      onSubmit={(e) => {
        e.preventDefault();
        if (pass) onUnlock(pass);
      }}
    >
      <p role="status">{t('backup:import.locked', { file: fileName })}</p>
      <label class="field">
        <span>{t('backup:import.passphrase')}</span>
        <input
          ref={field}
          type="password"
          value={pass}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'backup-unlock-error' : undefined}
          onInput={(e) => setPass(e.currentTarget.value)}
        />
      </label>
      {error ? (
        <p id="backup-unlock-error" class="field-error" role="alert">
          {error} <strong>{t('backup:import.unchangedData')}</strong>
        </p>
      ) : null}
      <div class="row">
        <button type="submit" class="primary" disabled={pass === ''}>
          {t('backup:import.unlock')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('backup:import.another')}
        </button>
      </div>
    </form>
  );
}
