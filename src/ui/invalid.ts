/**
 * How a screen words a refused write: `<namespace>:errors.<code>` with the error's detail filled
 * in. A scope with a colon names a key inside a namespace ('pupil:nicknames' →
 * `pupil:nicknames.errors.<code>`).
 */
import type { ValidationError } from '../model/errors';
import { t } from '../i18n';
import { showToast } from './toastStore';

export function invalidMessage(scope: string, error: ValidationError): string {
  const key = scope.includes(':')
    ? `${scope}.errors.${error.code}`
    : `${scope}:errors.${error.code}`;
  return t(key, error.detail ?? {});
}

/** An `onInvalid` for runAction that says the refusal in an error toast. */
export function toastInvalid(scope: string): (error: ValidationError) => void {
  return (error) => showToast(invalidMessage(scope, error), { tone: 'error' });
}
