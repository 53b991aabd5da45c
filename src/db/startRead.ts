/**
 * The start, with what was read before the app's JavaScript ran (startRecords.ts, inline in
 * index.html) so that Dexie (a third of the first screen's JavaScript, and its open) loads after
 * the start screen is ready (issue 15, start-up): the lock's mode, and the start screen's classes
 * for its first render. When that read is missing or could not be made, through Dexie instead.
 */
import type { ClassSummary } from '../domain/classList';
import { appKeyring, type LockMode } from './lock/keyring';
import type { StartRecords } from './startRecords';

declare global {
  interface Window {
    /** Set by the inline start read (src/early.ts); absent where it did not run. */
    spiegelStart?: Promise<StartRecords | null>;
  }
}

let kept: ClassSummary[] | undefined;

/** The inline start read's promise, taken once; a resolved null where it did not run. */
function takeEarlyRead(): Promise<StartRecords | null> {
  const early = typeof window === 'undefined' ? undefined : window.spiegelStart;
  if (early) delete window.spiegelStart;
  return early ?? Promise.resolve(null);
}

/**
 * At boot: sets the app lock's mode (on starts locked) and keeps the start screen's classes for
 * its first render. Through Dexie when the records could not be read without it. `early` is for
 * tests.
 */
export async function startUp(
  startScreen: boolean,
  early: Promise<StartRecords | null> = takeEarlyRead(),
): Promise<LockMode> {
  const records = await early.catch(() => null);
  if (!records) {
    kept = undefined;
    return import('./lock/lock').then((m) => m.initLock());
  }
  if (records.lockOn && appKeyring.mode === 'off') appKeyring.lock();
  kept = appKeyring.mode === 'locked' || !startScreen ? undefined : records.classes;
  return appKeyring.mode;
}

/** The classes kept at boot, once (undefined after that, or if none): the screen's first value. */
export function takeStartRead(): ClassSummary[] | undefined {
  const value = kept;
  kept = undefined;
  return value;
}
