/**
 * The start screen's read, begun at boot beside the strings and the lock check instead of after
 * the screen's first render: the screen then shows its classes in that first render, one render
 * and a round trip to IndexedDB earlier (issue 15, start-up). Kept only when the app is not
 * locked: a locked app's rows are sealed, and its lock screen comes first.
 */
import type { LockMode } from '../lock/keyring';
import { listClassSummaries, type ClassSummary } from './classes';

let early: Promise<ClassSummary[] | undefined> | null = null;
let kept: ClassSummary[] | undefined;

/** Starts the read (at boot, when the start screen is the one to show). */
export function beginStartRead(): void {
  // A failure here is no failure of the screen: it reads again itself and reports what fails.
  early = listClassSummaries().catch(() => undefined);
}

/** Waits for the read begun, and keeps its result for the start screen unless the app is locked. */
export async function settleStartRead(mode: LockMode): Promise<void> {
  const value = early ? await early : undefined;
  early = null;
  kept = mode === 'locked' ? undefined : value;
}

/** The read kept at boot, once (undefined after that, or if none): the screen's first value. */
export function takeStartRead(): ClassSummary[] | undefined {
  const value = kept;
  kept = undefined;
  return value;
}
