import { useLiveQuery } from '../../db/hooks';
import { listSharedPackages, type SharedPackage } from '../../db/repo/share';
import { t } from '../../i18n';
import { formatDate, formatDateTime } from '../../i18n/format';
import { EXTRA_NAMES } from '../../intervisie';

/** What a package held besides counts: the extras and lenses ticked, in words. */
export function sharedExtrasText(s: SharedPackage): string {
  if (!s.extras) return t('coach:export.madeUnknown');
  const parts = [
    ...EXTRA_NAMES.filter((name) => s.extras?.[name]).map((name) =>
      t(`coach:share.extras.${name}`),
    ),
    ...(s.lenses ?? []).map((name) => t('coach:preview.lensExtra', { name })),
  ];
  return parts.length > 0 ? parts.join(', ') : t('coach:workspace.noExtras');
}

/**
 * The packages made for this class on this device — the record of what was shared (issue 11):
 * date, label, period, codes or initials, extras and lenses ticked, passphrase, expiry.
 */
export function SharedList({ classId }: { classId: string }) {
  const shared = useLiveQuery(() => listSharedPackages(classId), [classId]);
  if (!shared || shared.length === 0) return null;
  return (
    <section class="card coach-section" aria-labelledby="shared-list-heading">
      <h2 id="shared-list-heading">{t('coach:export.madeHeading')}</h2>
      <ul class="coach-made">
        {shared.map((s) => (
          <li key={s.packageId}>
            {t('coach:export.madeItem', {
              label: s.label,
              from: formatDate(s.period.from, 'short'),
              to: formatDate(s.period.to, 'short'),
              date: formatDateTime(s.createdAt),
            })}{' '}
            <span class="badge">
              {s.encrypted ? t('coach:export.encrypted') : t('coach:export.plain')}
            </span>
            <br />
            <span class="muted">
              {[
                t(`coach:export.made.${s.pseudonymisation}`),
                t('coach:export.made.extras', { list: sharedExtrasText(s) }),
                s.expiresOn
                  ? t('coach:export.made.expires', { date: formatDate(s.expiresOn, 'short') })
                  : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
