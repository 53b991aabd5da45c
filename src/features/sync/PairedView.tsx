import { useMemo, useState } from 'preact/hooks';
import { renderSVG } from 'uqr';
import { unpairDevice } from '../../db/sync/service';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n';
import { encodePairing, type Pairing } from '../../sync/pairing';
import { DevicesCard, RotateCard } from './DevicesCard';
import { CodeForm } from './PairForms';
import { ShortCodeCard } from './short/ShortCodeCard';
import { ShortJoinForm } from './short/ShortJoinForm';
import { useSyncStatus } from './useSyncStatus';

/** Where syncing stands: connection, last synced, changes waiting, or what went wrong. */
function StatusCard() {
  const s = useSyncStatus();
  return (
    <section class="card sync-section" aria-labelledby="sync-status-heading">
      <h2 id="sync-status-heading">{t('sync:status.heading')}</h2>
      <p role="status" class={`sync-state sync-state-${s.phase}`} data-phase={s.phase}>
        {t(`sync:status.${s.phase}`)}
      </p>
      <p>
        {s.lastSyncedAt
          ? t('sync:status.lastSynced', { when: formatDateTime(s.lastSyncedAt) })
          : t('sync:status.neverSynced')}
      </p>
      <p>{t('sync:status.waiting', { count: s.waiting })}</p>
    </section>
  );
}

/** The pairing code and its QR code, for the teacher's next device. */
function CodeCard({ pairing }: { pairing: Pairing }) {
  const code = useMemo(() => encodePairing(pairing), [pairing]);
  const svg = useMemo(() => renderSVG(code, { border: 2 }), [code]);
  return (
    <section class="card sync-section" aria-labelledby="sync-share-heading">
      <h2 id="sync-share-heading">{t('sync:share.heading')}</h2>
      <p>{t('sync:share.intro')}</p>
      <div
        class="sync-qr"
        role="img"
        aria-label={t('sync:share.qrLabel')}
        // uqr renders the QR code as an SVG string from the code alone.
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <label class="field">
        <span>{t('sync:share.codeLabel')}</span>
        <textarea class="sync-code" rows={4} readOnly value={code} />
      </label>
      <p class="muted">{t('sync:share.secret')}</p>
    </section>
  );
}

export function PairedView({ pairing }: { pairing: Pairing }) {
  const { phase } = useSyncStatus();
  const [busy, setBusy] = useState(false);
  const unpair = async () => {
    setBusy(true);
    try {
      await unpairDevice();
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <StatusCard />
      {phase === 'wrongKey' ? (
        <>
          <CodeForm rejoin />
          <ShortJoinForm server={pairing.url} />
        </>
      ) : null}
      <CodeCard pairing={pairing} />
      {/* A key that no longer fits is not handed on through a short code. */}
      {phase === 'wrongKey' ? null : <ShortCodeCard pairing={pairing} />}
      <DevicesCard />
      <RotateCard />
      <section class="card sync-section" aria-labelledby="sync-unpair-heading">
        <h2 id="sync-unpair-heading">{t('sync:unpair.heading')}</h2>
        <p>{t('sync:unpair.intro')}</p>
        <button type="button" class="button" disabled={busy} onClick={() => void unpair()}>
          {t('sync:unpair.button')}
        </button>
      </section>
    </>
  );
}
