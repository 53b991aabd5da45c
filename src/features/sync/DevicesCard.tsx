import { useEffect, useState } from 'preact/hooks';
import {
  getSyncDevices,
  rotateSyncKey,
  RotationRefused,
  subscribeSyncDevices,
  unpairOtherDevice,
  type DeviceList,
} from '../../db/sync/service';
import { reportStorageError } from '../../db/status';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n';
import type { PairedDevice } from '../../sync/devices';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

function useDevices(): DeviceList {
  const [list, setList] = useState(getSyncDevices);
  useEffect(() => subscribeSyncDevices(setList), []);
  return list;
}

function DeviceRow({ device, self }: { device: PairedDevice; self: boolean }) {
  const name = device.name || t('sync:devices.unnamed');
  const [asking, setAsking] = useState(false);
  return (
    <li class="sync-device">
      <p>
        <strong>{name}</strong>
        {self ? ` (${t('sync:devices.self')})` : null}
      </p>
      <p class="muted">
        {device.unpairedAt
          ? t('sync:devices.unpairedAt', { when: formatDateTime(device.unpairedAt) })
          : t('sync:devices.seenAt', { when: formatDateTime(device.seenAt) })}
      </p>
      {self || device.unpairedAt ? null : (
        <>
          <button type="button" class="button" onClick={() => setAsking(true)}>
            {t('sync:devices.unpair', { name })}
          </button>
          <ConfirmDialog
            open={asking}
            title={t('sync:devices.confirmTitle', { name })}
            body={t('sync:devices.confirmBody')}
            confirmLabel={t('sync:devices.unpair', { name })}
            onConfirm={() => {
              setAsking(false);
              unpairOtherDevice(device.id);
            }}
            onCancel={() => setAsking(false)}
          />
        </>
      )}
    </li>
  );
}

/** The devices paired with this teacher's document; another one can be asked to unpair. */
export function DevicesCard() {
  const { devices, self } = useDevices();
  return (
    <section class="card sync-section" aria-labelledby="sync-devices-heading">
      <h2 id="sync-devices-heading">{t('sync:devices.heading')}</h2>
      {devices.length ? (
        <ul class="sync-devices">
          {devices.map((d) => (
            <DeviceRow key={d.id} device={d} self={d.id === self} />
          ))}
        </ul>
      ) : (
        <p>{t('sync:devices.none')}</p>
      )}
      <p class="muted">{t('sync:devices.lost')}</p>
    </section>
  );
}

/** A new key for the shared document; the other devices pair again with the new code. */
export function RotateCard() {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<'done' | 'offline' | null>(null);
  const rotate = async () => {
    setAsking(false);
    setBusy(true);
    try {
      await rotateSyncKey();
      setOutcome('done');
    } catch (e) {
      if (e instanceof RotationRefused) setOutcome('offline');
      else reportStorageError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card sync-section" aria-labelledby="sync-rotate-heading">
      <h2 id="sync-rotate-heading">{t('sync:rotate.heading')}</h2>
      <p>{t('sync:rotate.intro')}</p>
      <button type="button" class="button" disabled={busy} onClick={() => setAsking(true)}>
        {t('sync:rotate.button')}
      </button>
      {outcome ? (
        <p role="status" class="sync-rotated">
          {t(`sync:rotate.${outcome}`)}
        </p>
      ) : null}
      <ConfirmDialog
        open={asking}
        title={t('sync:rotate.confirmTitle')}
        body={t('sync:rotate.confirmBody')}
        confirmLabel={t('sync:rotate.button')}
        onConfirm={() => void rotate()}
        onCancel={() => setAsking(false)}
      />
    </section>
  );
}
