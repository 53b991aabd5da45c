import { useRef, useState } from 'preact/hooks';
import { importCoachRemarks } from '../../db/repo/share';
import { t } from '../../i18n';
import { readRemarksFile } from '../../intervisie';
import { coachErrorMessage } from './messages';

type State =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

/** "Import remarks from your coach": validated, matched to this class, then stored. */
export function RemarksImport({ classId }: { classId: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setState({ kind: 'reading' });
    try {
      const remarks = await readRemarksFile(file);
      const result = await importCoachRemarks(classId, remarks);
      setState({
        kind: 'done',
        message:
          result.added > 0
            ? t('coach:import.added', { count: result.added, label: result.label })
            : t('coach:import.nothingNew'),
      });
    } catch (e) {
      setState({ kind: 'error', message: coachErrorMessage(e, 'remarks') });
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section class="card coach-section" aria-labelledby="remarks-import-heading">
      <h2 id="remarks-import-heading">{t('coach:import.heading')}</h2>
      <p>{t('coach:import.intro')}</p>
      <label class="field">
        <span>{t('coach:import.fileLabel')}</span>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          disabled={state.kind === 'reading'}
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
        />
      </label>
      {state.kind === 'reading' ? <p role="status">{t('coach:import.reading')}</p> : null}
      {state.kind === 'done' ? (
        <p role="status" class="coach-done">
          {state.message}
        </p>
      ) : null}
      {state.kind === 'error' ? (
        <p role="alert" class="field-error">
          {state.message}
        </p>
      ) : null}
    </section>
  );
}
