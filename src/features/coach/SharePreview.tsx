import type { PupilRecord } from '../../model/types';
import { t } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import { ShareTexts } from './ShareTexts';
import {
  COUNTED_TYPES,
  packageCounts,
  packageExcerpt,
  sharedExtras,
  type BuiltPackage,
} from '../../intervisie';

const collator = new Intl.Collator('nl', { numeric: true });

/**
 * Exactly what the file will hold: counts, the ticked extras, every shared text in full, the
 * pseudonyms and an excerpt of the file.
 */
export function SharePreview({
  built,
  pupils,
}: {
  built: BuiltPackage;
  pupils: readonly PupilRecord[];
}) {
  const { pkg } = built;
  const counts = packageCounts(pkg);
  const extras = sharedExtras(pkg);
  const names = new Map(pupils.map((p) => [p.id, p.name]));
  const codes = Object.entries(built.pseudonyms).sort((a, b) => collator.compare(a[1], b[1]));
  const initials = pkg.pseudonymisation === 'initials';
  const ticked = [
    ...extras.extras.map((name) => t(`coach:share.extras.${name}`)),
    ...extras.lenses.map((name) => t('coach:preview.lensExtra', { name })),
  ];
  return (
    <section class="card coach-section" aria-labelledby="share-preview-heading">
      <h2 id="share-preview-heading">{t('coach:preview.heading')}</h2>
      <p>
        <strong>{pkg.data.class.label}</strong> ·{' '}
        {t('coach:preview.period', {
          from: formatDate(pkg.period.from, 'short'),
          to: formatDate(pkg.period.to, 'short'),
        })}
      </p>
      <p>{t(initials ? 'coach:preview.pseudoInitials' : 'coach:preview.pseudoCodes')}</p>
      <dl class="coach-counts">
        {COUNTED_TYPES.map((type) => (
          <div key={type}>
            <dt>{t(`coach:preview.counts.${type}`)}</dt>
            <dd>{formatNumber(counts[type], 0)}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('coach:preview.extrasHeading')}</h3>
      {ticked.length > 0 ? (
        <ul class="coach-ticked">
          {ticked.map((label) => (
            <li key={label}>{label}</li>
          ))}
        </ul>
      ) : (
        <p>{t('coach:preview.noExtras')}</p>
      )}
      <ShareTexts texts={built.texts} />
      <p class="muted">{t('coach:preview.stayHome')}</p>
      <details class="coach-details">
        <summary>
          {t(initials ? 'coach:preview.initialsSummary' : 'coach:preview.codesSummary', {
            count: codes.length,
          })}
        </summary>
        <table class="coach-table">
          <thead>
            <tr>
              <th scope="col">
                {t(initials ? 'coach:preview.initialsColumn' : 'coach:preview.codeColumn')}
              </th>
              <th scope="col">{t('coach:preview.nameColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {codes.map(([id, code]) => (
              <tr key={id}>
                <td>{code}</td>
                <td>{names.get(id) ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <details class="coach-details">
        <summary>{t('coach:preview.excerptSummary')}</summary>
        {/* The excerpt is the file itself; it can scroll sideways on a phone. */}
        <pre
          class="coach-excerpt"
          tabIndex={0}
          role="region"
          aria-label={t('coach:preview.excerptSummary')}
        >
          {packageExcerpt(pkg, 2)}
        </pre>
      </details>
    </section>
  );
}
