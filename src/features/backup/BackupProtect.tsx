import { t } from '../../i18n';
import { MIN_PASSPHRASE } from '../../intervisie';

export interface ProtectState {
  on: boolean;
  pass: string;
  repeat: string;
}

export const NO_PROTECT: ProtectState = { on: false, pass: '', repeat: '' };

/** The message for a passphrase that cannot be used yet; null when it can (or is off). */
export function protectError(state: ProtectState): string | null {
  if (!state.on) return null;
  if ([...state.pass].length < MIN_PASSPHRASE)
    return t('backup:export.passphraseTooShort', { min: MIN_PASSPHRASE });
  if (state.pass !== state.repeat) return t('backup:export.passphraseMismatch');
  return null;
}

interface Props {
  state: ProtectState;
  onChange: (state: ProtectState) => void;
  disabled: boolean;
}

/** "Protect with a passphrase": the same envelope as the coach package; typed twice. */
export function BackupProtect({ state, onChange, disabled }: Props) {
  return (
    <div class="backup-protect">
      <label class="backup-mode">
        <input
          type="checkbox"
          checked={state.on}
          disabled={disabled}
          aria-describedby="backup-protect-hint"
          onChange={(e) => onChange({ ...state, on: e.currentTarget.checked })}
        />
        <span>
          <strong>{t('backup:export.protect')}</strong>
          <span id="backup-protect-hint" class="muted">
            {t('backup:export.protectHint')}
          </span>
        </span>
      </label>
      {state.on ? (
        <>
          <label class="field">
            <span>{t('backup:export.passphrase')}</span>
            <input
              type="password"
              value={state.pass}
              autoComplete="new-password"
              aria-describedby="backup-pass-hint"
              disabled={disabled}
              onInput={(e) => onChange({ ...state, pass: e.currentTarget.value })}
            />
          </label>
          <p id="backup-pass-hint" class="muted">
            {t('backup:export.passphraseHint', { min: MIN_PASSPHRASE })}
          </p>
          <label class="field">
            <span>{t('backup:export.repeat')}</span>
            <input
              type="password"
              value={state.repeat}
              autoComplete="new-password"
              disabled={disabled}
              onInput={(e) => onChange({ ...state, repeat: e.currentTarget.value })}
            />
          </label>
        </>
      ) : null}
    </div>
  );
}
