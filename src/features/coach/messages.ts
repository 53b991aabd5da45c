/** Turns what the intervisie code throws into a sentence for the screen. */
import { ValidationError } from '../../model/errors';
import { reportStorageError } from '../../db/status';
import { t } from '../../i18n';
import { CoachFileError } from '../../intervisie';
import { invalidMessage } from '../../ui/invalid';

const OTHER_KINDS: Record<string, string> = {
  'spiegel-backup': 'isBackup',
  'spiegel-coach-package': 'isPackage',
  'spiegel-coach-package-encrypted': 'isPackage',
  'spiegel-coach-remarks': 'isRemarks',
};

/**
 * The message for an error while reading a file or saving what it holds. `expecting` says which
 * kind of file the screen asked for. Storage failures also go to the banner.
 */
export function coachErrorMessage(error: unknown, expecting: 'package' | 'remarks'): string {
  if (error instanceof CoachFileError) {
    if (error.code === 'wrongKind') {
      const other = error.detail.found ? OTHER_KINDS[error.detail.found] : undefined;
      return t(
        `coach:fileErrors.${other ?? (expecting === 'package' ? 'wrongKindPackage' : 'wrongKindRemarks')}`,
      );
    }
    return t(`coach:fileErrors.${error.code}`, { path: error.detail.path ?? '?' });
  }
  return errorMessage(error);
}

/** A ValidationError's message, or the storage banner for anything else. */
export function errorMessage(error: unknown): string {
  if (error instanceof ValidationError) return invalidMessage('coach', error);
  reportStorageError(error);
  return t('coach:errors.unknown');
}
