import { href } from '../../ui/router';
import { useEffect, useRef, useState } from 'preact/hooks';
import { renamePupil } from '../../db/repo/pupils';
import type { PupilRecord } from '../../model/types';
import { t } from '../../i18n';
import { TextField } from '../classes/TextField';
import { runAction } from '../../db/status';
import { invalidMessage } from '../../ui/invalid';

interface PupilRowProps {
  pupil: PupilRecord;
  onRemove: (pupil: PupilRecord) => void;
}

/**
 * One pupil in the list. Tapping the name edits it in place; Enter saves, Escape cancels, and
 * focus returns to the name so a keyboard user keeps their place in the list.
 */
export function PupilRow({ pupil, onRemove }: PupilRowProps) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(pupil.name);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const nameButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (editing) input.current?.select();
    else if (returnFocus.current) {
      returnFocus.current = false;
      nameButton.current?.focus();
    }
  }, [editing]);

  const stopEditing = () => {
    returnFocus.current = true;
    setEditing(false);
    setError(null);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    // A storage failure clears the field: the banner explains it.
    let refusal: string | null = null;
    const done = await runAction(
      async () => {
        await renamePupil(pupil.id, name);
        return true;
      },
      (e) => (refusal = invalidMessage('pupils', e)),
    );
    if (done) return stopEditing();
    setError(refusal);
    input.current?.focus();
  };

  if (editing) {
    return (
      <li class="pupil-row editing">
        <form onSubmit={(e) => void save(e)} noValidate>
          <TextField
            id={`rename-${pupil.id}`}
            label={t('pupils:list.renameLabel', { name: pupil.name })}
            hideLabel
            value={name}
            onInput={setName}
            error={error}
            inputRef={input}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                stopEditing();
              }
            }}
          />
          <div class="form-actions">
            <button type="submit" class="primary">
              {t('common:save')}
            </button>
            <button type="button" onClick={stopEditing}>
              {t('common:cancel')}
            </button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li class="pupil-row">
      <button
        type="button"
        ref={nameButton}
        class="pupil-name"
        onClick={() => {
          setName(pupil.name);
          setEditing(true);
        }}
      >
        <span class="pupil-name-text">{pupil.name}</span>
        <span class="visually-hidden"> {t('pupils:list.renameHint')}</span>
        <span class="pupil-name-icon" aria-hidden="true">
          ✎
        </span>
      </button>
      <a
        class="button pupil-open"
        href={href('pupil', pupil.id)}
        aria-label={t('pupils:list.openNamed', { name: pupil.name })}
      >
        {t('pupils:list.open')}
      </a>
      <button
        type="button"
        class="pupil-remove"
        aria-label={t('pupils:list.removeNamed', { name: pupil.name })}
        onClick={() => onRemove(pupil)}
      >
        {t('pupils:list.remove')}
      </button>
    </li>
  );
}
