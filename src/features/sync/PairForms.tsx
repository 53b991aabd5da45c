import { useState } from 'preact/hooks';
import { pairDevice } from '../../db/sync/service';
import { reportStorageError } from '../../db/status';
import { t } from '../../i18n';
import { newSyncKey } from '../../sync/crypto';
import { decodePairing, PairingCodeError, type Pairing } from '../../sync/pairing';
import { defaultDeviceName } from './deviceName';
import { ScanPairingCode } from './scan/ScanPairingCode';
import { serverUrl } from './serverUrl';
import { ShortJoinForm } from './short/ShortJoinForm';
import { ServerUrlField } from './ServerUrlField';

/** Both forms' pairing: busy while it runs, a failure reported (never an unhandled rejection). */
function usePairing(): { busy: boolean; pair: (pairing: Pairing) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const pair = async (pairing: Pairing) => {
    setBusy(true);
    try {
      await pairDevice(pairing, defaultDeviceName(navigator.userAgent));
    } catch (e) {
      reportStorageError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, pair };
}

/** The first device: the server address, teacher id and token from the school's administrator. */
function FirstDeviceForm() {
  const [url, setUrl] = useState('');
  const [teacherId, setTeacherId] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { busy, pair } = usePairing();
  const submit = async (e: Event) => {
    e.preventDefault();
    const address = serverUrl(url);
    if (!address) return setError('invalidUrl');
    if (!teacherId.trim() || !token.trim()) return setError('missingAccess');
    setError(null);
    await pair({
      url: address,
      teacherId: teacherId.trim(),
      token: token.trim(),
      key: newSyncKey(),
    });
  };
  return (
    <section class="card sync-section" aria-labelledby="sync-first-heading">
      <h2 id="sync-first-heading">{t('sync:first.heading')}</h2>
      <p>{t('sync:first.intro')}</p>
      <form class="sync-form" onSubmit={(e) => void submit(e)} noValidate>
        <ServerUrlField label={t('sync:first.url')} value={url} onInput={setUrl} />
        <label class="field">
          <span>{t('sync:first.teacherId')}</span>
          <input
            autoComplete="off"
            value={teacherId}
            onInput={(e) => setTeacherId(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t('sync:first.token')}</span>
          <input
            type="password"
            autoComplete="off"
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
        </label>
        {error ? (
          <p class="field-error" role="alert">
            {t(`sync:errors.${error}`)}
          </p>
        ) : null}
        <button type="submit" class="button primary" disabled={busy}>
          {t('sync:first.submit')}
        </button>
      </form>
    </section>
  );
}

/**
 * Another device: the pairing code shown on the first one. `rejoin`: this device is paired but
 * its key was replaced elsewhere; the new code brings it back.
 */
export function CodeForm({ rejoin = false }: { rejoin?: boolean }) {
  const part = rejoin ? 'rejoin' : 'code';
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { busy, pair } = usePairing();
  // Typed, pasted or scanned: one check, one message, one way to pair.
  const pairWith = async (text: string) => {
    let pairing;
    try {
      pairing = decodePairing(text);
    } catch (err) {
      if (err instanceof PairingCodeError) return setError('invalidCode');
      throw err;
    }
    setError(null);
    await pair(pairing);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    await pairWith(code);
  };
  const scanned = (text: string) => {
    setCode(text);
    void pairWith(text);
  };
  return (
    <section class="card sync-section" aria-labelledby="sync-code-heading">
      <h2 id="sync-code-heading">{t(`sync:${part}.heading`)}</h2>
      <p>{t(`sync:${part}.intro`)}</p>
      <form class="sync-form" onSubmit={(e) => void submit(e)} noValidate>
        <ScanPairingCode disabled={busy} onCode={scanned} />
        <label class="field">
          <span>{t(`sync:${part}.label`)}</span>
          <textarea
            rows={4}
            autoComplete="off"
            spellcheck={false}
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </label>
        {error ? (
          <p class="field-error" role="alert">
            {t(`sync:errors.${error}`)}
          </p>
        ) : null}
        <button type="submit" class="button primary" disabled={busy}>
          {t(`sync:${part}.submit`)}
        </button>
      </form>
    </section>
  );
}

export function PairForms() {
  return (
    <>
      <CodeForm />
      <ShortJoinForm />
      <FirstDeviceForm />
    </>
  );
}
