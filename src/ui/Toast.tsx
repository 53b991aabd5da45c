import { useEffect, useState } from 'preact/hooks';
import { dismissToast, subscribeToasts, type Toast } from './toastStore';

function ToastItem({ toast }: { toast: Toast }) {
  useEffect(() => {
    const timer = setTimeout(() => dismissToast(toast.id), toast.duration);
    return () => clearTimeout(timer);
  }, [toast.id, toast.duration]);
  return (
    <div class={`toast toast-${toast.tone}`}>
      <span>{toast.message}</span>
      {toast.actionLabel && toast.onAction ? (
        <button
          type="button"
          class="toast-action"
          onClick={() => {
            dismissToast(toast.id);
            void toast.onAction?.();
          }}
        >
          {toast.actionLabel}
        </button>
      ) : null}
    </div>
  );
}

/** Renders toasts in a polite live region so screen readers announce them. */
export function ToastHost() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  useEffect(() => subscribeToasts(setToasts), []);
  return (
    <div class="toast-host" role="status" aria-live="polite">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
}
