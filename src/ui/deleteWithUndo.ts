/**
 * The one delete-with-undo flow: delete, then a toast whose Undo puts it back. Both run through
 * runAction: a storage failure goes to the banner, a refusal to `onInvalid` (the banner too
 * unless said otherwise), and nothing else happens.
 */
import { reportStorageError, runAction } from '../db/status';
import type { ValidationError } from '../model/errors';
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
  /** What a refused delete or undo says (e.g. toastInvalid); the storage banner by default. */
  onInvalid?: (e: ValidationError) => void;
}

/** Resolves true when the delete happened (the toast is then showing). */
export async function deleteWithUndo<T>(flow: DeleteWithUndo<T>): Promise<boolean> {
  const onInvalid = flow.onInvalid ?? reportStorageError;
  // Boxed: a delete may resolve to nothing, which must not read as "did not happen".
  const done = await runAction(async () => ({ removed: await flow.remove() }), onInvalid);
  if (!done) return false;
  flow.after?.();
  showToast(flow.message, {
    actionLabel: t('common:undo'),
    duration: flow.duration ?? UNDO_MS,
    onAction: async () => {
      await runAction(() => flow.undo(done.removed), onInvalid);
    },
  });
  return true;
}
