/**
 * The data key while the app is unlocked: raw bytes in memory only, never stored. One keyring per
 * JavaScript realm (the page, the analysis worker); the middleware reads it synchronously.
 */
export type LockMode = 'off' | 'locked' | 'unlocked';

export interface Keyring {
  readonly mode: LockMode;
  /** The data key (32 bytes) when unlocked, else null. */
  readonly key: Uint8Array | null;
}

export class MemoryKeyring implements Keyring {
  #mode: LockMode = 'off';
  #key: Uint8Array | null = null;
  #listeners = new Set<(mode: LockMode) => void>();

  get mode(): LockMode {
    return this.#mode;
  }

  get key(): Uint8Array | null {
    return this.#key;
  }

  /** The lock is on and the key known (a copy is kept: the caller may wipe its own). */
  unlock(key: Uint8Array): void {
    this.#wipe();
    this.#key = key.slice();
    this.#set('unlocked');
  }

  /** The lock is on and the key forgotten (its bytes overwritten). */
  lock(): void {
    this.#wipe();
    this.#set('locked');
  }

  /** The lock is off: records are stored in plain text. */
  off(): void {
    this.#wipe();
    this.#set('off');
  }

  subscribe(listener: (mode: LockMode) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #wipe(): void {
    this.#key?.fill(0);
    this.#key = null;
  }

  #set(mode: LockMode): void {
    this.#mode = mode;
    for (const l of [...this.#listeners]) l(mode);
  }
}

/** This realm's keyring: the app's database (getDb) seals and opens records with it. */
export const appKeyring = new MemoryKeyring();
