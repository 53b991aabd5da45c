import { href } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import { listWorkspaces } from '../../db/repo/coach';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Screen } from '../../ui/Screen';
import { OpenPackage } from './OpenPackage';
import './coach.css';

/** The coach's side: open a teacher's package; the workspaces opened so far. */
export function CoachListScreen() {
  const workspaces = useLiveQuery(() => listWorkspaces(), []);
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
                    <strong>{w.label}</strong>
                    <span class="muted">
                      {w.period
                        ? t('coach:coach.listItem', {
                            from: formatDate(w.period.from, 'short'),
                            to: formatDate(w.period.to, 'short'),
                          })
                        : ''}
                      {' · '}
                      {t('coach:coach.remarkCount', { count: w.remarks })}
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
