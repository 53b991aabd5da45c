import { useLiveQuery } from '../../db/hooks';
import { dismissLockOffer, lockOfferDismissed } from '../../db/lock/lock';
import { reportStorageError } from '../../db/status';
import { t } from '../../i18n';
import { useLockMode } from './useLockMode';
import './lock.css';

/** Once there is a class: offers the lock (until it is on, or the teacher says "not now"). */
export function LockOffer() {
  const mode = useLockMode();
  const dismissed = useLiveQuery(() => lockOfferDismissed(), []);
  if (mode !== 'off' || dismissed !== false) return null;
  return (
    <section class="card lock-offer" aria-labelledby="lock-offer-heading">
      <h2 id="lock-offer-heading">{t('lock:offer.heading')}</h2>
      <p>{t('lock:offer.body')}</p>
      <div class="row">
        <a class="button primary" href="#/settings">
          {t('lock:offer.setUp')}
        </a>
        <button type="button" onClick={() => void dismissLockOffer().catch(reportStorageError)}>
          {t('lock:offer.later')}
        </button>
      </div>
    </section>
  );
}
