import { lockNow } from '../../db/lock/lock';
import { t } from '../../i18n';
import { useLockMode } from './useLockMode';

/** The header's lock button: shown only while the lock is on. */
export function LockButton() {
  const mode = useLockMode();
  if (mode !== 'unlocked') return null;
  return (
    <button type="button" class="icon-link" onClick={lockNow}>
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 8V7a3 3 0 1 1 6 0v3H9Z"
        />
      </svg>
      <span class="visually-hidden">{t('lock:button.lock')}</span>
    </button>
  );
}
