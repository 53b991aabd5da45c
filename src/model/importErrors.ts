/**
 * Typed import errors: every way a backup file can be refused has a code, and the detail says
 * where (a path such as `events[12].pupilId`), so the screen can say exactly what is wrong.
 * Nothing is written when one of these is thrown.
 */
export type ImportErrorCode =
  | 'tooLarge'
  | 'notJson'
  | 'truncated'
  | 'notBackup'
  | 'futureVersion'
  | 'invalid'
  | 'duplicateId'
  | 'missingReference'
  | 'forbiddenKey'
  /** An encrypted backup, read without a passphrase. */
  | 'passphraseRequired'
  /** Wrong passphrase, or a changed byte (AES-GCM cannot tell them apart). */
  | 'decryptFailed'
  /** The encrypted backup's envelope itself is damaged. */
  | 'envelopeDamaged'
  | 'storage';

/** What went wrong, as far as it is known. Only plain values, so it can be shown or logged. */
export interface ImportErrorDetail {
  /** Where in the file, e.g. `events[12].pupilId` (the `data.` prefix is left out). */
  path?: string;
  table?: string;
  id?: string;
  /** For missingReference: the table the id should be in. */
  target?: string;
  /** For invalid: what kind of check failed (valibot issue type, e.g. `uuid`, `max_length`). */
  check?: string;
  /** For invalid: the expected value or limit, as valibot states it. */
  expected?: string;
  /** For tooLarge: the file's size and the cap, in bytes. */
  size?: number;
  max?: number;
  /** For futureVersion: the version the file names. */
  version?: number;
  /** For notJson: the file was empty. */
  empty?: boolean;
  /** For forbiddenKey: the key. For storage: the storage error kind. */
  key?: string;
  kind?: string;
}

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly detail: ImportErrorDetail = {},
    options?: { cause?: unknown },
  ) {
    super(`${code}${detail.path ? ` at ${detail.path}` : ''}`, options);
    this.name = 'ImportError';
  }
}

export function isImportError(error: unknown): error is ImportError {
  return error instanceof ImportError;
}
