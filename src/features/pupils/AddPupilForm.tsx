import { useRef, useState } from 'preact/hooks';
import { addPupil } from '../../db/repo/pupils';
import { t } from '../../i18n';
import { TextField } from '../classes/TextField';
import { runAction } from '../../db/status';
import { invalidMessage } from '../../ui/invalid';

/** One pupil at a time; the field stays focused so the next name can follow straight away. */
export function AddPupilForm({ classId }: { classId: string }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus('');
    // Cleared after a save and after a storage failure (the banner explains that one).
    let refusal: string | null = null;
    const pupil = await runAction(
      () => addPupil(classId, name),
      (e) => (refusal = invalidMessage('pupils', e)),
    );
    setError(refusal);
    if (pupil) {
      setName('');
      setStatus(t('pupils:add.added', { name: pupil.name }));
    }
    input.current?.focus();
  };

  return (
    <section class="card pupil-form" aria-labelledby="add-pupil-heading">
      <h2 id="add-pupil-heading">{t('pupils:add.heading')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id="add-pupil-name"
          label={t('pupils:add.name')}
          hint={t('pupils:add.hint')}
          value={name}
          onInput={(value) => {
            setName(value);
            setStatus('');
          }}
          error={error}
          inputRef={input}
        />
        <div class="form-actions">
          <button type="submit" class="primary">
            {t('pupils:add.submit')}
          </button>
        </div>
        <p class="form-status" role="status">
          {status}
        </p>
      </form>
    </section>
  );
}
