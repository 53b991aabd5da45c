import type { NamingText } from '../../db/repo/erasure';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';

interface Props {
  name: string;
  texts: readonly NamingText[];
  /** Keys of the texts to delete with the pupil. */
  chosen: ReadonlySet<string>;
  onToggle: (key: string, remove: boolean) => void;
}

/**
 * Texts elsewhere in the class that name the pupil (their name, a part of it or a nickname):
 * each deleted with the pupil unless the teacher unticks it.
 */
export function ErasureTexts({ name, texts, chosen, onToggle }: Props) {
  if (texts.length === 0) return <p class="muted">{t('pupil:erasure.noTexts', { name })}</p>;
  return (
    <fieldset class="pupil-erasure-texts">
      <legend>{t('pupil:erasure.textsLegend', { name, count: texts.length })}</legend>
      <p class="hint muted">{t('pupil:erasure.textsHint')}</p>
      {texts.map((text) => (
        <label key={text.key} class="pupil-erasure-text">
          <input
            type="checkbox"
            checked={chosen.has(text.key)}
            onChange={(e) => onToggle(text.key, e.currentTarget.checked)}
          />
          <span>
            <span class="muted">
              {t(`pupil:erasure.kinds.${text.kind}`)} · {formatDate(text.date, 'short')}
            </span>
            <br />
            {text.text}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
