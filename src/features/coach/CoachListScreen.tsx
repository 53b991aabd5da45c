import { useEffect } from 'preact/hooks';
import { href } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import { listWorkspaces } from '../../db/repo/coachWorkspace';
import { deleteExpiredWorkspaces, takeExpiredCount } from '../../db/repo/maintenance';
import { reportStorageError } from '../../db/status';
import { toIsoDate } from '../../domain/dates';
import { showToast } from '../../ui/toastStore';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Screen } from '../../ui/Screen';
import { OpenPackage } from './OpenPackage';
import './coach.css';

/** The coach's side: open a teacher's package; the workspaces opened so far. */
export function CoachListScreen() {
  const workspaces = useLiveQuery(() => listWorkspaces(), []);
  // Packages past the expiry the teacher set are deleted when the list opens (and at start).
  useEffect(() => {
    deleteExpiredWorkspaces(toIsoDate(new Date()))
      .then(() => {
        const count = takeExpiredCount();
        if (count > 0) showToast(t('coach:coach.expiredDeleted', { count }));
      })
      .catch(reportStorageError);
  }, []);
  return (
    <Screen title={t('coach:coach.title')} back="#/">
      <div class="coach">
        <p>{t('coach:coach.intro')}</p>
        <OpenPackage />
        <section class="card coach-section" aria-labelledby="workspace-list-heading">
          <h2 id="workspace-list-heading">{t('coach:coach.listHeading')}</h2>
          {workspaces === undefined ? (
            <p class="loading">{t('common:loading')}</p>
          ) : workspaces.length === 0 ? (
            <p class="muted">{t('coach:coach.empty')}</p>
          ) : (
            <ul class="list coach-workspaces">
              {workspaces.map((w) => (
                <li key={w.id}>
                  <a href={href('coach', w.id)}>
                    <strong>
                      {w.locked
                        ? t('coach:coach.lockedItem', { date: formatDate(w.openedAt.slice(0, 10)) })
                        : w.label}
                    </strong>
                    <span class="muted">
                      {[
                        w.period
                          ? t('coach:coach.listItem', {
                              from: formatDate(w.period.from, 'short'),
                              to: formatDate(w.period.to, 'short'),
                            })
                          : '',
                        w.remarks === null
                          ? ''
                          : t('coach:coach.remarkCount', { count: w.remarks }),
                        w.expiresOn
                          ? t('coach:coach.keptUntil', { date: formatDate(w.expiresOn, 'short') })
                          : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Screen>
  );
}
