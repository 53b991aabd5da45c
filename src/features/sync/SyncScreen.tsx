import { useLiveQuery } from '../../db/hooks';
import { getSyncPairing } from '../../db/repo/syncPairing';
import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { PairedView } from './PairedView';
import { PairForms } from './PairForms';
import { useSyncStatus } from './useSyncStatus';
import './sync.css';

/** Pair this device with the teacher's other devices, see how syncing goes, or unpair. */
export function SyncScreen() {
  const pairing = useLiveQuery(() => getSyncPairing(), []);
  const { phase } = useSyncStatus();
  return (
    <Screen title={t('sync:title')} back="#/settings">
      <div class="sync">
        <p class="sync-intro">{t('sync:intro')}</p>
        {!pairing && phase === 'unpaired' ? (
          <p class="card" role="status">
            {t('sync:status.unpaired')}
          </p>
        ) : null}
        {pairing === undefined ? null : pairing ? <PairedView pairing={pairing} /> : <PairForms />}
      </div>
    </Screen>
  );
}
