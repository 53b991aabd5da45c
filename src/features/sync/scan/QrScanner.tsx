import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../../../i18n';
import type { CameraProblem } from './camera';
import { startScan } from './scanSession';

interface QrScannerProps {
  open: boolean;
  /** A pairing code was read; the camera is off. */
  onCode: (code: string) => void;
  /** Cancelled (Escape, the button, pagehide) or the camera failed; the camera is off. */
  onClose: (problem?: CameraProblem) => void;
}

type Phase = 'starting' | 'looking' | 'otherCode';

/**
 * The camera view that reads the pairing code from the QR code on the teacher's other device.
 * A modal <dialog>: labelled by its heading, Escape cancels, focus stays inside while it is open.
 * The camera runs only while it is open and this screen is shown.
 */
export function QrScanner({ open, onCode, onClose }: QrScannerProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const titleId = useId();
  const [phase, setPhase] = useState<Phase>('starting');
  // The scan outlives re-renders; it calls whatever the latest props are.
  const latest = useRef({ onCode, onClose });
  latest.current = { onCode, onClose };

  // Focus goes back where it was (the scan button) once the dialog is closed: not before, as
  // everything outside a modal dialog is inert while it is open.
  const returnFocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement as HTMLElement | null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      returnFocus.current?.focus();
      returnFocus.current = null;
    }
  }, [open]);

  useEffect(() => {
    const video = videoRef.current;
    if (!open || !video) return;
    setPhase('starting');
    const scan = startScan(video, {
      looking: () => setPhase('looking'),
      otherCode: () => setPhase('otherCode'),
      found: (code) => latest.current.onCode(code),
      problem: (problem) => latest.current.onClose(problem),
    });
    // A page put away (another tab, the app in the background, bfcache) gives the camera back.
    const onPageHide = () => {
      scan.stop();
      latest.current.onClose();
    };
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      scan.stop();
    };
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      class="dialog scan-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClose={() => {
        // Closed by the browser itself (not through `open`): keep the state in step.
        if (open) onClose();
      }}
    >
      <h2 id={titleId}>{t('sync:scan.heading')}</h2>
      <p>{t('sync:scan.intro')}</p>
      <div class="scan-view">
        {/* The picture is for aiming; what it shows is said in the status line below. */}
        <video ref={videoRef} muted playsInline aria-hidden="true" />
      </div>
      <p role="status" class={phase === 'otherCode' ? 'field-error' : 'muted'}>
        {t(`sync:scan.${phase}`)}
      </p>
      <div class="dialog-actions">
        <button type="button" onClick={() => onClose()}>
          {t('sync:scan.cancel')}
        </button>
      </div>
    </dialog>
  );
}
