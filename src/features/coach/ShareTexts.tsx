import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import type { SharedText } from '../../intervisie';

const KIND_ORDER: readonly SharedText['kind'][] = [
  'topic',
  'journal',
  'relationshipNote',
  'bankingNote',
  'strengths',
  'aspirations',
];

/**
 * Every free text that goes into the package, in full, with each replaced name visible: the
 * original struck through, the pseudonym marked. Nothing is cut short.
 */
export function ShareTexts({ texts }: { texts: readonly SharedText[] }) {
  if (texts.length === 0) return null;
  const sorted = [...texts].sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (a.date ?? '').localeCompare(b.date ?? '') ||
      (a.pupil ?? '').localeCompare(b.pupil ?? '', 'nl', { numeric: true }),
  );
  return (
    <section class="coach-texts" aria-labelledby="share-texts-heading">
      <h3 id="share-texts-heading">{t('coach:preview.textsHeading', { count: texts.length })}</h3>
      <p class="hint muted">{t('coach:preview.textsIntro')}</p>
      <ul class="coach-text-list">
        {sorted.map((text, i) => (
          <li key={i} data-testid="shared-text">
            <span class="muted">
              {t(`coach:preview.textKinds.${text.kind}`)} ·{' '}
              {text.date ? formatDate(text.date, 'short') : (text.pupil ?? '')}
            </span>
            <p class="coach-text">
              {text.segments.map((s, k) =>
                typeof s === 'string' ? (
                  s
                ) : (
                  <span key={k} class="coach-replaced" title={t('coach:preview.replaced', s)}>
                    <del>{s.original}</del> <ins>{s.replacement}</ins>
                  </span>
                ),
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
