import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../i18n';
import { parseShortCode, ShortCodeError } from '../../../sync/shortCode';
import { serverUrl } from '../serverUrl';
import { lastServer, useShortCodeJoin } from '../usePairing';
import { ServerUrlField } from '../ServerUrlField';

/**
 * A new device: the server address and the short code from the paired device; then the 4 digits
 * to compare, and the pairing arrives once the other device says they match. `server`: a device
 * whose key was replaced elsewhere knows its server already (pairing again is a rejoin).
 */
export function ShortJoinForm({ server }: { server?: string }) {
  const [url, setUrl] = useState(() => server ?? lastServer());
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { state, join, cancel } = useShortCodeJoin();
  const digitsRef = useRef<HTMLParagraphElement>(null);
  const busy = state.step === 'connecting' || state.step === 'digits' || state.step === 'pairing';

  // The digits are what the teacher must look at next: focus goes there.
  useEffect(() => {
    if (state.step === 'digits') digitsRef.current?.focus();
  }, [state.step]);

  const submit = (e: Event) => {
    e.preventDefault();
    const address = serverUrl(url);
    if (!address) return setError('invalidUrl');
    let parsed;
    try {
      parsed = parseShortCode(code);
    } catch (err) {
      if (err instanceof ShortCodeError) return setError('invalidShortCode');
      throw err;
    }
    setError(null);
    join(address, parsed);
  };

  return (
    <section class="card sync-section" aria-labelledby="sync-short-join-heading">
      <h2 id="sync-short-join-heading">{t('sync:shortJoin.heading')}</h2>
      <p>{t('sync:shortJoin.intro')}</p>
      <form class="sync-form" onSubmit={submit} noValidate>
        <ServerUrlField
          label={t('sync:shortJoin.url')}
          value={url}
          disabled={busy}
          onInput={setUrl}
        />
        <label class="field">
          <span>{t('sync:shortJoin.code')}</span>
          <input
            class="sync-short-input"
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            maxLength={12}
            placeholder="K7QP-3M9X"
            aria-describedby="sync-short-join-hint"
            value={code}
            disabled={busy}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </label>
        <p id="sync-short-join-hint" class="muted">
          {t('sync:shortJoin.hint')}
        </p>
        {error ? (
          <p class="field-error" role="alert">
            {t(`sync:errors.${error}`)}
          </p>
        ) : null}
        <div role="status" aria-live="polite" class="sync-short-status">
          {state.step === 'connecting' ? <p>{t('sync:shortJoin.connecting')}</p> : null}
          {state.step === 'digits' ? (
            <>
              <p>{t('sync:shortJoin.compare')}</p>
              <p class="sync-digits" tabIndex={-1} ref={digitsRef}>
                <span class="visually-hidden">{t('sync:shortJoin.digitsLabel')} </span>
                {state.digits}
              </p>
            </>
          ) : null}
          {state.step === 'pairing' ? <p>{t('sync:shortJoin.pairing')}</p> : null}
        </div>
        {state.step === 'ended' ? (
          <p class="field-error" role="alert">
            {t(`sync:shortJoin.ended.${state.reason}`, {
              defaultValue: t('sync:shortJoin.ended.connection'),
            })}
          </p>
        ) : null}
        {busy ? (
          <button type="button" class="button" onClick={cancel}>
            {t('sync:shortJoin.cancel')}
          </button>
        ) : (
          <button type="submit" class="button primary">
            {t('sync:shortJoin.submit')}
          </button>
        )}
      </form>
    </section>
  );
}
