import { useState } from 'preact/hooks';
import { t } from '../../../i18n';
import type { CameraProblem } from './camera';
import { QrScanner } from './QrScanner';

/**
 * "Scan de QR-code" beside the pairing code field: the code read is handed to the form as if it
 * had been typed. When the camera cannot be used the reason shows here, under the button, and
 * the field stays ready for typing or pasting.
 */
export function ScanPairingCode({
  disabled = false,
  onCode,
}: {
  /** While a pairing runs, no second one starts. */
  disabled?: boolean;
  onCode: (code: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const close = (reason?: CameraProblem) => {
    setOpen(false);
    setProblem(reason ?? null);
  };
  return (
    <div class="scan-pairing">
      <button
        type="button"
        class="button"
        disabled={disabled}
        onClick={() => {
          setProblem(null);
          setOpen(true);
        }}
      >
        {t('sync:scan.button')}
      </button>
      {problem ? (
        <p class="field-error" role="alert">
          {t(`sync:scan.problems.${problem}`)}
        </p>
      ) : null}
      <QrScanner
        open={open}
        onCode={(code) => {
          close();
          onCode(code);
        }}
        onClose={close}
      />
    </div>
  );
}
