import { useMemo, useState } from 'preact/hooks';
import { PASTE_MAX, PUPIL_NAME_MAX, parsePastedNames } from '../../domain/names';
import { addPupils } from '../../db/repo/pupils';
import { t } from '../../i18n';
import { showToast } from '../../ui/toastStore';
import { runAction } from '../../db/status';
import { invalidMessage } from '../../ui/invalid';

interface PasteNamesProps {
  classId: string;
  /** Names of the pupils in the class now (a removed pupil's name may be pasted anew). */
  existingNames: readonly string[];
}

const list = (names: readonly string[]) => names.join(', ');

/**
 * Paste a class list: the preview under the box says, in words, what will be added and what
 * not (duplicates, names already in the class), and one button adds them all.
 */
export function PasteNames({ classId, existingNames }: PasteNamesProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = useMemo(() => parsePastedNames(text, existingNames), [text, existingNames]);
  const count = parsed.names.length;
  const hasText = text.trim() !== '';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy || count === 0 || parsed.tooMany) return;
    setBusy(true);
    // Cleared after a save and after a storage failure (the banner explains that one); after a
    // failure the pasted text stays, so nothing has to be pasted again.
    let refusal: string | null = null;
    const added = await runAction(
      () => addPupils(classId, parsed.names),
      (e) => (refusal = invalidMessage('pupils', e)),
    );
    setError(refusal);
    if (added) {
      setText('');
      showToast(t('pupils:paste.added', { count: added.length }));
    }
    setBusy(false);
  };

  const describedBy = ['paste-hint', hasText ? 'paste-preview' : '', error ? 'paste-error' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <section class="card pupil-form" aria-labelledby="paste-heading">
      <h2 id="paste-heading">{t('pupils:paste.heading')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div class="field">
          <label for="paste-names" class="field-label">
            {t('pupils:paste.label')}
          </label>
          <span id="paste-hint" class="hint">
            {t('pupils:paste.hint')}
          </span>
          <textarea
            id="paste-names"
            rows={8}
            value={text}
            spellcheck={false}
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setError(null);
            }}
          />
          {error ? (
            <p id="paste-error" class="field-error">
              {error}
            </p>
          ) : null}
        </div>
        {hasText ? (
          <div id="paste-preview" class="paste-preview">
            {count > 0 ? (
              <>
                {/* Only the count is announced while typing, not every name again. */}
                <p class="paste-preview-title" role="status">
                  {t('pupils:paste.willAdd', { count })}
                </p>
                <ul class="name-chips">
                  {parsed.names.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t('pupils:paste.nothingNew')}</p>
            )}
            {parsed.duplicatesInPaste.length > 0 ? (
              <p>{t('pupils:paste.duplicates', { names: list(parsed.duplicatesInPaste) })}</p>
            ) : null}
            {parsed.alreadyInClass.length > 0 ? (
              <p>{t('pupils:paste.already', { names: list(parsed.alreadyInClass) })}</p>
            ) : null}
            {parsed.tooLong.length > 0 ? (
              <p>
                {t('pupils:paste.tooLong', { names: list(parsed.tooLong), max: PUPIL_NAME_MAX })}
              </p>
            ) : null}
            {parsed.tooMany ? (
              <p class="field-error">{t('pupils:paste.tooMany', { count, max: PASTE_MAX })}</p>
            ) : null}
          </div>
        ) : null}
        {count > 0 && !parsed.tooMany ? (
          <div class="form-actions">
            <button type="submit" class="primary" disabled={busy}>
              {t('pupils:paste.submit', { count })}
            </button>
          </div>
        ) : null}
      </form>
    </section>
  );
}
