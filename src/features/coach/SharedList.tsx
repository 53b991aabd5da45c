import { useLiveQuery } from '../../db/hooks';
import { listSharedPackages } from '../../db/repo/coach';
import { t } from '../../i18n';
import { formatDate, formatDateTime } from '../../i18n/format';

/** The packages made for this class on this device (their remarks can be imported here). */
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
          </li>
        ))}
      </ul>
    </section>
  );
}
