import { useEffect, useRef, useState } from 'preact/hooks';
import type { PupilRecord } from '../../model/types';
import { t } from '../../i18n';

export type RemoveStep = 'remove' | 'erase';

interface RemovePupilDialogProps {
  /** The pupil to remove; null keeps the dialog closed. */
  pupil: PupilRecord | null;
  /** 'erase' opens straight at the permanent deletion (for a pupil already removed). */
  initialStep: RemoveStep;
  onRemove: (pupil: PupilRecord) => void;
  onErase: (pupil: PupilRecord) => void;
  onCancel: () => void;
}

/**
 * Removing keeps the history (the default, and what the first step offers); erasing everything
 * is a separate, explicit second step with its own confirmation.
 */
export function RemovePupilDialog(props: RemovePupilDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [step, setStep] = useState<RemoveStep>(props.initialStep);
  const { pupil } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (pupil && !dialog.open) {
      setStep(props.initialStep);
      dialog.showModal();
    } else if (!pupil && dialog.open) dialog.close();
  }, [pupil, props.initialStep]);

  // The button that was pressed disappears with the step: keep focus inside the dialog.
  useEffect(() => {
    const dialog = ref.current;
    if (dialog?.open) dialog.querySelector<HTMLButtonElement>('.dialog-actions button')?.focus();
  }, [step]);

  const name = pupil?.name ?? '';
  const erasing = step === 'erase';
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby="remove-pupil-title"
      aria-describedby="remove-pupil-body"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="remove-pupil-title">
        {erasing
          ? t('pupils:removeDialog.eraseTitle', { name })
          : t('pupils:removeDialog.title', { name })}
      </h2>
      <p id="remove-pupil-body">
        {erasing
          ? t('pupils:removeDialog.eraseBody', { name })
          : t('pupils:removeDialog.body', { name })}
      </p>
      {pupil && !erasing ? (
        <div class="dialog-actions">
          <button type="button" onClick={props.onCancel}>
            {t('common:cancel')}
          </button>
          <button type="button" class="primary" onClick={() => props.onRemove(pupil)}>
            {t('pupils:removeDialog.confirm')}
          </button>
          <button type="button" class="link erase-option" onClick={() => setStep('erase')}>
            {t('pupils:removeDialog.eraseOption')}
          </button>
        </div>
      ) : null}
      {pupil && erasing ? (
        <div class="dialog-actions">
          <button
            type="button"
            onClick={() => (props.initialStep === 'erase' ? props.onCancel() : setStep('remove'))}
          >
            {props.initialStep === 'erase' ? t('common:cancel') : t('pupils:removeDialog.back')}
          </button>
          <button type="button" class="danger primary" onClick={() => props.onErase(pupil)}>
            {t('pupils:removeDialog.eraseConfirm')}
          </button>
        </div>
      ) : null}
    </dialog>
  );
}
