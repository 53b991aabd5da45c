import { ValidationError } from '../../model/errors';
import { reportStorageError } from '../../db/status';
import { t } from '../../i18n';

/**
 * Turns an error from a repository write into a message for the field, or null when it was a
 * storage failure: that one goes to the storage banner, which explains it for every screen.
 */
export function fieldError(namespace: string, error: unknown): string | null {
  if (error instanceof ValidationError) {
    return t(`${namespace}:errors.${error.code}`, error.detail ?? {});
  }
  reportStorageError(error);
  return null;
}
