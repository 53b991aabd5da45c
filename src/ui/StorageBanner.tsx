import { useEffect, useState } from 'preact/hooks';
import { clearStorageProblem, subscribeStorageProblem, type StorageProblem } from '../db/status';
import { t } from '../i18n';

/** Shows storage failures (full disk, blocked upgrade, newer version in another tab). */
export function StorageBanner() {
  const [problem, setProblem] = useState<StorageProblem | null>(null);
  useEffect(() => subscribeStorageProblem(setProblem), []);
  if (!problem) return null;
  const needsReload = problem.kind === 'versionChanged' || problem.kind === 'closed';
  return (
    <div class="banner banner-error" role="alert">
      <p>{t(`common:storage.${problem.kind}`)}</p>
      {needsReload ? (
        <button type="button" onClick={() => location.reload()}>
          {t('common:storage.reload')}
        </button>
      ) : (
        <button type="button" onClick={clearStorageProblem}>
          {t('common:close')}
        </button>
      )}
    </div>
  );
}
