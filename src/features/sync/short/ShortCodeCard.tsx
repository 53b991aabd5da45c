import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../../i18n';
import type { Pairing } from '../../../sync/pairing';
import { useCountdown, useShortCodeHost } from '../usePairing';

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The paired device's short code: asked from the server on request, shown with a countdown;
 * when a device joins, the 4 digits to compare and "Klopt" / "Klopt niet".
 */
export function ShortCodeCard({ pairing }: { pairing: Pairing }) {
  const { state, start, stop, confirm } = useShortCodeHost(pairing);
  const expiresAt = state.step === 'code' || state.step === 'confirm' ? state.expiresAt : null;
  const left = useCountdown(expiresAt);
  const focusRef = useRef<HTMLElement | null>(null);

  // Focus follows what the teacher needs next: the code, then the digits to compare.
  useEffect(() => {
    if (state.step === 'code' || state.step === 'confirm') focusRef.current?.focus();
  }, [state.step]);

  const showing = state.step === 'code' || state.step === 'confirm';
  return (
    <section class="card sync-section" aria-labelledby="sync-short-heading">
      <h2 id="sync-short-heading">{t('sync:short.heading')}</h2>
      <p>{t('sync:short.intro')}</p>
      <div role="status" aria-live="polite" class="sync-short-status">
        {state.step === 'opening' ? <p>{t('sync:short.opening')}</p> : null}
        {state.step === 'code' && state.failed ? (
          <p class="field-error">
            {t(`sync:short.failed.${state.failed.why}`, {
              defaultValue: t('sync:short.failed.tampered'),
            })}{' '}
            {t('sync:short.triesLeft', { count: state.failed.left })}
          </p>
        ) : null}
        {state.step === 'done' ? <p>{t('sync:short.done')}</p> : null}
        {state.step === 'ended' ? (
          <p class="field-error">
            {t(`sync:short.ended.${state.reason}`, {
              defaultValue: t('sync:short.ended.connection'),
            })}
          </p>
        ) : null}
      </div>
      {state.step === 'code' ? (
        <>
          <p
            class="sync-short-code"
            tabIndex={-1}
            ref={(el) => {
              focusRef.current = el;
            }}
          >
            <span class="visually-hidden">{t('sync:short.codeLabel')} </span>
            {state.code}
          </p>
          <p>{t('sync:short.server', { url: pairing.url })}</p>
          <p class="muted">
            {left > 0 ? t('sync:short.expires', { time: clock(left) }) : t('sync:short.expiring')}{' '}
            {t('sync:short.waiting')}
          </p>
          <p class="muted">{t('sync:short.secret')}</p>
        </>
      ) : null}
      {state.step === 'confirm' ? (
        <div class="sync-short-confirm">
          <h3
            tabIndex={-1}
            ref={(el) => {
              focusRef.current = el;
            }}
          >
            {t('sync:short.confirmHeading')}
          </h3>
          <p class="sync-digits">
            <span class="visually-hidden">{t('sync:short.digitsLabel')} </span>
            {state.digits}
          </p>
          <p>{t('sync:short.confirmIntro')}</p>
          <div class="row">
            <button type="button" class="button primary" onClick={() => confirm(true)}>
              {t('sync:short.same')}
            </button>
            <button type="button" class="button" onClick={() => confirm(false)}>
              {t('sync:short.different')}
            </button>
          </div>
        </div>
      ) : null}
      <div class="row">
        {showing || state.step === 'opening' ? (
          <button type="button" class="button" onClick={stop}>
            {t('sync:short.stop')}
          </button>
        ) : (
          <button type="button" class="button" onClick={start}>
            {state.step === 'idle' ? t('sync:short.show') : t('sync:short.again')}
          </button>
        )}
      </div>
    </section>
  );
}
