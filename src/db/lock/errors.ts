/** Why the app lock refused something; `code` maps to `lock:errors.<code>`. */
export type LockErrorCode =
  /** The passphrase does not open the data key. */
  | 'wrongPassphrase'
  /** The recovery code does not open the data key. */
  | 'wrongRecoveryCode'
  /** The data is locked: read or written without the key in memory. */
  | 'locked'
  /** The lock is not on (nothing to unlock, change or turn off). */
  | 'notOn'
  /** The lock is already on. */
  | 'alreadyOn'
  /** A passphrase too short to protect anything. */
  | 'tooShort'
  /** An encrypted value that does not decrypt with the key (damaged, or another key). */
  | 'damaged'
  /** No WebCrypto (an insecure context or a very old browser). */
  | 'cryptoUnavailable';

export class LockError extends Error {
  constructor(
    readonly code: LockErrorCode,
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = 'LockError';
  }
}

export function isLockError(e: unknown, code?: LockErrorCode): e is LockError {
  return e instanceof LockError && (code === undefined || e.code === code);
}
