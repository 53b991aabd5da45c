import { t } from '../../i18n';
import { ManageLock } from './ManageLock';
import { SetUpLock } from './SetUpLock';
import { useLockMode } from './useLockMode';
import './lock.css';

/** The settings section of the app lock (issue 11, point 6). */
export function LockSection() {
  const mode = useLockMode();
  return (
    <section id="lock" class="card settings-section lock-settings" aria-labelledby="lock-heading">
      <h2 id="lock-heading">{t('lock:settings.heading')}</h2>
      {mode === 'off' ? <SetUpLock /> : <ManageLock />}
    </section>
  );
}
