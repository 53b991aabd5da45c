/** A queue of short messages, optionally with one action (e.g. "Undo"). */
export interface Toast {
  id: number;
  message: string;
  actionLabel?: string;
  onAction?: () => void | Promise<void>;
  /** How long it stays, in ms. */
  duration: number;
  tone: 'info' | 'error';
}

type Listener = (toasts: Toast[]) => void;
let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<Listener>();
const emit = () => listeners.forEach((l) => l(toasts));

export function showToast(
  message: string,
  options: Partial<Omit<Toast, 'id' | 'message'>> = {},
): number {
  const toast: Toast = { id: nextId++, message, duration: 5000, tone: 'info', ...options };
  toasts = [...toasts.slice(-2), toast];
  emit();
  return toast.id;
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function subscribeToasts(listener: Listener): () => void {
  listeners.add(listener);
  listener(toasts);
  return () => listeners.delete(listener);
}
