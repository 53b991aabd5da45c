import { ValidationError } from '../../model/errors';
import { reportStorageError } from '../../db/status';
import { t } from '../../i18n';
import { showToast } from '../../ui/toastStore';

/**
 * Runs a write from a tap. Input the teacher can fix becomes a short message; anything else is a
 * storage problem for the banner (never swallowed). Resolves to whether the write succeeded.
 */
export async function guardedWrite(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (e) {
    if (e instanceof ValidationError) {
      showToast(t(`after:errors.${e.code}`), { tone: 'error' });
    } else {
      reportStorageError(e);
    }
    return false;
  }
}
