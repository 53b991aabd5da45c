import { reportStorageError } from '../../db/status';
import { ValidationError } from '../../model/errors';
import { t } from '../../i18n';
import { showToast } from '../../ui/toastStore';

/**
 * A refused tap (its pupil or lesson was removed, e.g. in another tab) is said plainly, in a toast
 * and to screen readers; any other failure goes to the storage banner. The caller has already
 * taken the tile's count back.
 */
export function reportTapFailure(
  e: unknown,
  name: string,
  announce: (message: string) => void,
): void {
  if (e instanceof ValidationError && (e.code === 'pupilNotFound' || e.code === 'lessonNotFound')) {
    const message =
      e.code === 'pupilNotFound'
        ? t('logging:refused.pupil', { name })
        : t('logging:refused.lesson');
    showToast(message, { tone: 'error', duration: 8000 });
    announce(message);
    return;
  }
  reportStorageError(e);
}
