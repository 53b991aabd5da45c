/**
 * The page's lock state handed to a worker: each realm has its own keyring (keyring.ts), and a
 * worker's own database opens sealed records only with the key the page gives it.
 */
import { appKeyring, type LockMode } from './keyring';
import { loadCipher } from './seal';

export interface LockState {
  mode: LockMode;
  /** The data key while unlocked (a copy: the receiver wipes it), else null. */
  key: Uint8Array | null;
}

/** This realm's lock state, to post to a worker. */
export function currentLockState(): LockState {
  return { mode: appKeyring.mode, key: appKeyring.key ? appKeyring.key.slice() : null };
}

/** Sets this realm's keyring to the page's state; the key received is wiped after use. */
export async function applyLockState({ mode, key }: LockState): Promise<void> {
  try {
    if (mode === 'unlocked' && key) {
      await loadCipher();
      appKeyring.unlock(key);
    } else if (mode === 'off') appKeyring.off();
    else appKeyring.lock();
  } finally {
    key?.fill(0);
  }
}
