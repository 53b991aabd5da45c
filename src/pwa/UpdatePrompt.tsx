import { useRegisterSW } from 'virtual:pwa-register/preact';
import { t } from '../i18n';

/**
 * Offers a new version; never swaps it in by itself, so a lesson being logged is not
 * interrupted. Registration happens only in the production build (no worker in dev).
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });
  if (!needRefresh) return null;
  return (
    <div class="banner" role="status">
      <p>{t('common:update.ready')}</p>
      <button type="button" class="primary" onClick={() => void updateServiceWorker(true)}>
        {t('common:update.reload')}
      </button>
      <button type="button" onClick={() => setNeedRefresh(false)}>
        {t('common:update.later')}
      </button>
    </div>
  );
}
