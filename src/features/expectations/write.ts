import { ValidationError } from '../../model/errors';
import { reportStorageError } from '../../db/status';
import { t } from '../../i18n';
import { showToast } from '../../ui/toastStore';

/**
 * Runs a write from a tap. Input the teacher can fix becomes a short message from the
 * namespace's `errors.<code>`; anything else is a storage problem for the banner (never
 * swallowed). Resolves to whether the write succeeded, so a pass only moves on after a save.
 */
export async function guardedWrite(
  ns: 'expectations' | 'relationships',
  write: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (e) {
    if (e instanceof ValidationError) {
      showToast(t(`${ns}:errors.${e.code}`, e.detail ?? {}), { tone: 'error' });
    } else {
      reportStorageError(e);
    }
    return false;
  }
}
