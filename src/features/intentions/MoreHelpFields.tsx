import type { Id, PupilRecord } from '../../model/types';
import { t } from '../../i18n';

interface MoreHelpFieldsProps {
  pupils: readonly PupilRecord[];
  chosen: readonly Id[];
  onChange: (next: Id[]) => void;
  /** A moreHelp* error of the last save, if any. */
  error: { code: string; detail?: Record<string, string | number> } | null;
}

/**
 * Optional, folded away: the pupils this intention deliberately gives more help (issue 14). Fair
 * chances can mean treating pupils unequally; the mirror then shows their help as a choice and
 * asks whether they also get challenge.
 */
export function MoreHelpFields({ pupils, chosen, onChange, error }: MoreHelpFieldsProps) {
  const errorId = 'intention-more-help-error';
  const toggle = (id: Id, on: boolean) =>
    onChange(on ? [...chosen, id] : chosen.filter((p) => p !== id));
  return (
    <details class="intention-more-help" open={chosen.length > 0 || error !== null}>
      <summary>
        {t('deliberate:form.summary')}
        {chosen.length > 0 ? ` (${t('deliberate:form.chosen', { count: chosen.length })})` : ''}
      </summary>
      <fieldset aria-describedby={error ? errorId : 'intention-more-help-hint'}>
        <legend>{t('deliberate:form.legend')}</legend>
        <p id="intention-more-help-hint" class="muted intention-hint">
          {t('deliberate:form.hint')}
        </p>
        <ul class="intention-more-help-list">
          {pupils.map((p) => (
            <li key={p.id}>
              <label class="check">
                <input
                  type="checkbox"
                  checked={chosen.includes(p.id)}
                  onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                />{' '}
                {p.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {error ? (
        <p id={errorId} class="field-error" role="alert">
          {t(`deliberate:errors.${error.code}`, error.detail ?? {})}
        </p>
      ) : null}
    </details>
  );
}
