/**
 * The app lock's stored configuration and how to read it, without the database: the start-up
 * reads it with IndexedDB itself (src/db/startRecords.ts), the lock module through Dexie.
 */
import type { WrappedKey } from './keys';

/** The settings key of the lock's configuration (plain: wrapped keys, salts and counts). */
export const LOCK_SETTING = 'appLock';
export const IDLE_CHOICES = [5, 15, 30, 60] as const;
export type IdleMinutes = (typeof IDLE_CHOICES)[number];
export const DEFAULT_IDLE_MINUTES: IdleMinutes = 15;

export interface LockConfig {
  version: 1;
  passphrase: WrappedKey;
  recovery: WrappedKey;
  idleMinutes: IdleMinutes;
}

const isWrapped = (w: unknown): w is WrappedKey => {
  const r = w as Partial<WrappedKey> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.iterations === 'number' &&
    typeof r.salt === 'string' &&
    typeof r.iv === 'string' &&
    typeof r.wrapped === 'string'
  );
};

/** The configuration in a settings row's value, or null when it holds none (the lock is off). */
export function parseLockConfig(value: unknown): LockConfig | null {
  const c = value as Partial<LockConfig> | null;
  if (typeof c !== 'object' || c === null || !isWrapped(c.passphrase) || !isWrapped(c.recovery)) {
    return null;
  }
  const idle = IDLE_CHOICES.find((m) => m === c.idleMinutes) ?? DEFAULT_IDLE_MINUTES;
  return { version: 1, passphrase: c.passphrase, recovery: c.recovery, idleMinutes: idle };
}
