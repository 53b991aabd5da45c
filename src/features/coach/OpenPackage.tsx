import { useRef, useState } from 'preact/hooks';
import { navigate, href } from '../../ui/router';
import {
  saveEncryptedWorkspace,
  saveWorkspace,
  type SavedWorkspace,
} from '../../db/repo/coachWorkspace';
import { t } from '../../i18n';
import { readPackageFile, type EncryptedPackage } from '../../intervisie';
import { showToast } from '../../ui/toastStore';
import { askToKeepData } from '../../ui/keepData';
import { coachErrorMessage } from './messages';

type Step =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'locked'; envelope: EncryptedPackage; busy: boolean };

/**
 * "Open a package from a teacher": the file is validated completely (and decrypted first when it
 * is protected) before it is stored as a workspace; then the workspace opens.
 */
export function OpenPackage() {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [pass, setPass] = useState('');
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const opened = (saved: SavedWorkspace) => {
    askToKeepData();
    if (saved.existed) showToast(t('coach:coach.alreadyOpen'));
    navigate(href('coach', saved.id).slice(1));
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError('');
    setPass('');
    setStep({ kind: 'busy' });
    try {
      const read = await readPackageFile(file);
      if (read.encrypted) {
        setStep({ kind: 'locked', envelope: read.envelope, busy: false });
        return;
      }
      opened(await saveWorkspace(read.pkg));
    } catch (e) {
      setError(coachErrorMessage(e, 'package'));
      setStep({ kind: 'idle' });
      if (input.current) input.current.value = '';
    }
  };

  const unlock = async (envelope: EncryptedPackage) => {
    setError('');
    setStep({ kind: 'locked', envelope, busy: true });
    try {
      // Stored as it came (encrypted); the plaintext stays in this tab's memory.
      opened(await saveEncryptedWorkspace(envelope, pass));
    } catch (e) {
      setError(coachErrorMessage(e, 'package'));
      setStep({ kind: 'locked', envelope, busy: false });
    }
  };

  return (
    <section class="card coach-section" aria-labelledby="open-package-heading">
      <h2 id="open-package-heading">{t('coach:coach.openHeading')}</h2>
      <label class="field">
        <span>{t('coach:coach.fileLabel')}</span>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          disabled={step.kind === 'busy' || (step.kind === 'locked' && step.busy)}
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
        />
      </label>
      {step.kind === 'busy' ? <p role="status">{t('coach:coach.reading')}</p> : null}
      {step.kind === 'locked' ? (
        <form
          class="coach-unlock"
          onSubmit={(e) => {
            e.preventDefault();
            void unlock(step.envelope);
          }}
        >
          <label class="field">
            <span>{t('coach:coach.passphrase')}</span>
            <input
              type="password"
              value={pass}
              autoComplete="off"
              onInput={(e) => setPass(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="primary" disabled={step.busy || pass === ''}>
            {step.busy ? t('coach:coach.opening') : t('coach:coach.open')}
          </button>
        </form>
      ) : null}
      {error ? (
        <p role="alert" class="field-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
