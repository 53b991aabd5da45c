import { useRef, useState } from 'preact/hooks';
import { navigate } from '../../ui/router';
import { askToKeepData } from '../../ui/keepData';
import type { SchoolType } from '../../model/types';
import { t } from '../../i18n';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { TextField } from '../classes/TextField';
import { runAction } from '../../db/status';
import { invalidMessage } from '../../ui/invalid';
import { yearLabelSuggestions } from './yearLabels';

const SCHOOL_TYPES: readonly SchoolType[] = ['primary', 'secondary'];

export function NewClassForm() {
  const [name, setName] = useState('');
  const [schoolType, setSchoolType] = useState<SchoolType>('primary');
  const [yearLabel, setYearLabel] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [yearError, setYearError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setNameError(null);
    setYearError(null);
    // Everything typed stays in the fields; the message says what to change (a storage
    // failure: the banner explains it).
    const cls = await runAction(
      // The classes' module (and Dexie) is not part of the first screen's JavaScript.
      () =>
        import('../../db/repo/classes').then((m) => m.createClass({ name, schoolType, yearLabel })),
      (error) => {
        const message = invalidMessage('classes', error);
        if (error.code === 'yearLabelTooLong') setYearError(message);
        else {
          setNameError(message);
          nameRef.current?.focus();
        }
      },
    );
    if (!cls) return setBusy(false);
    // The first real data is the moment to ask the browser not to evict it.
    askToKeepData();
    navigate(`/class/${cls.id}`);
  };

  return (
    <section class="card new-class" aria-labelledby="new-class-heading">
      <h2 id="new-class-heading">{t('home:newClass.heading')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id="new-class-name"
          label={t('home:newClass.name')}
          hint={t('home:newClass.nameHint')}
          value={name}
          onInput={setName}
          error={nameError}
          inputRef={nameRef}
        />
        <ChoiceGroup
          legend={t('home:newClass.schoolType')}
          name="school-type"
          options={SCHOOL_TYPES}
          value={schoolType}
          onChange={setSchoolType}
          label={(type) => <span>{t(`home:newClass.${type}`)}</span>}
        />
        <TextField
          id="new-class-year"
          label={t('home:newClass.yearLabel')}
          hint={t('home:newClass.yearLabelHint')}
          value={yearLabel}
          onInput={setYearLabel}
          error={yearError}
          list="year-label-suggestions"
        />
        <datalist id="year-label-suggestions">
          {yearLabelSuggestions(schoolType).map((label) => (
            <option key={label} value={label} />
          ))}
        </datalist>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy}>
            {t('home:newClass.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
