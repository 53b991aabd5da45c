/**
 * Typed errors for reading coach files. Every way a file can be refused has a code, which the
 * screens map to `coach:fileErrors.<code>`; nothing is stored when one of these is thrown.
 */
export type CoachFileErrorCode =
  /** Larger than the cap; not read at all. */
  | 'tooLarge'
  /** Empty, or not JSON. */
  | 'notJson'
  /** JSON that stops half-way (a cut-off download). */
  | 'truncated'
  /** A key that could reach an object's prototype. */
  | 'forbiddenKey'
  /** JSON, but not a Spiegel coach file of the expected kind. */
  | 'wrongKind'
  /** Made by a newer version of Spiegel. */
  | 'futureVersion'
  /** A field is missing, of the wrong type or out of range; `path` says where. */
  | 'invalid'
  /** A record points at a pupil, lesson or lens value that is not in the file. */
  | 'missingReference'
  /** The file is encrypted and no passphrase was given. */
  | 'passphraseRequired'
  /** AES-GCM authentication failed: a wrong passphrase, or the file was changed or damaged. */
  | 'decryptFailed'
  /** This browser has no WebCrypto (an insecure page or a very old browser). */
  | 'cryptoUnavailable';

export interface CoachFileErrorDetail {
  path?: string;
  check?: string;
  version?: number;
  size?: number;
  max?: number;
  /** For wrongKind: what the file is, when it is another Spiegel file. */
  found?: string;
}

export class CoachFileError extends Error {
  constructor(
    readonly code: CoachFileErrorCode,
    readonly detail: CoachFileErrorDetail = {},
    options?: { cause?: unknown },
  ) {
    super(`${code}${detail.path ? ` at ${detail.path}` : ''}`, options);
    this.name = 'CoachFileError';
  }
}

export function isCoachFileError(error: unknown): error is CoachFileError {
  return error instanceof CoachFileError;
}
