import { useRef, useState } from 'preact/hooks';
import { addPupil } from '../../db/repo/pupils';
import { t } from '../../i18n';
import { TextField } from '../classes/TextField';
import { fieldError } from '../classes/formError';

/** One pupil at a time; the field stays focused so the next name can follow straight away. */
export function AddPupilForm({ classId }: { classId: string }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus('');
    try {
      const pupil = await addPupil(classId, name);
      setName('');
      setError(null);
      setStatus(t('pupils:add.added', { name: pupil.name }));
    } catch (e) {
      setError(fieldError('pupils', e));
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
