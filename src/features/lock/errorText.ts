import { isLockError } from '../../db/lock/errors';
import { reportStorageError } from '../../db/status';
import { t } from '../../i18n';

/** The message for a failed lock action; storage failures also go to the banner. */
export function lockErrorText(e: unknown): string {
  if (isLockError(e)) return t(`lock:errors.${e.code}`);
  reportStorageError(e);
  return t('lock:errors.unknown');
}
