/**
 * The one delete-with-undo flow: delete, then a toast whose Undo puts it back. A failure on
 * either side is reported (the storage banner by default) and nothing else happens.
 */
import { reportStorageError } from '../db/status';
import { t } from '../i18n';
import { showToast } from './toastStore';

/** How long the Undo stays offered after a delete (a deleted class's purge waits longer). */
export const UNDO_MS = 8000;

interface DeleteWithUndo<T> {
  /** Deletes; its result (e.g. the removed records) is handed to `undo`. */
  remove: () => Promise<T>;
  undo: (removed: T) => Promise<unknown>;
  /** The toast's text: what was deleted. */
  message: string;
  /** Runs after a successful delete, before the toast (e.g. leaving the deleted thing's screen). */
  after?: () => void;
  /** How long Undo is offered; UNDO_MS unless said otherwise. */
  duration?: number;
  onError?: (e: unknown) => void;
}

/** Resolves true when the delete happened (the toast is then showing). */
export async function deleteWithUndo<T>(flow: DeleteWithUndo<T>): Promise<boolean> {
  const onError = flow.onError ?? reportStorageError;
  let removed: T;
  try {
    removed = await flow.remove();
  } catch (e) {
    onError(e);
    return false;
  }
  flow.after?.();
  showToast(flow.message, {
    actionLabel: t('common:undo'),
    duration: flow.duration ?? UNDO_MS,
    onAction: async () => {
      try {
        await flow.undo(removed);
      } catch (e) {
        onError(e);
      }
    },
  });
  return true;
}
