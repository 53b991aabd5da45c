/**
 * A tiny observable for storage problems, so a failure deep in a repository is shown to the
 * teacher (by src/ui/StorageBanner) instead of being swallowed.
 */
import { classifyStorageError, isConnectionLost } from './errors';
import { ValidationError } from '../model/errors';
import type { StorageErrorKind } from './errors';
import { isLockError } from './lock/errors';

export interface StorageProblem {
  kind: StorageErrorKind;
  message: string;
}

type Listener = (problem: StorageProblem | null) => void;
const listeners = new Set<Listener>();
let current: StorageProblem | null = null;

export function reportStorageProblem(kind: StorageErrorKind, message = ''): void {
  // After a newer version took over, every later call fails as "closed": keep the message that
  // explains why.
  if (current?.kind === 'versionChanged' && kind === 'closed') return;
  current = { kind, message };
  listeners.forEach((l) => l(current));
}

/** Report any error thrown by a database call; returns its kind. */
export function reportStorageError(error: unknown): StorageErrorKind {
  // A read cut off by the app lock is no storage problem: the lock screen is the explanation.
  if (lockedInChain(error)) return 'unknown';
  const kind = classifyStorageError(error);
  reportStorageProblem(kind, error instanceof Error ? error.message : String(error));
  return kind;
}

function lockedInChain(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  if (isLockError(error, 'locked')) return true;
  const e = error as { inner?: unknown; cause?: unknown };
  return lockedInChain(e.inner, depth + 1) || lockedInChain(e.cause, depth + 1);
}

export function clearStorageProblem(): void {
  current = null;
  listeners.forEach((l) => l(null));
}

export function currentStorageProblem(): StorageProblem | null {
  return current;
}

export function subscribeStorageProblem(listener: Listener): () => void {
  listeners.add(listener);
  listener(current);
  return () => listeners.delete(listener);
}

/**
 * Runs a storage action. A dropped connection (iOS after backgrounding) is retried once; any
 * other storage failure is reported to the banner and rethrown so the caller can stop what it was
 * doing. A ValidationError passes through unreported: the screen shows it next to the input.
 */
export async function withStorageErrors<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (first) {
    if (first instanceof ValidationError) throw first;
    if (isConnectionLost(first)) {
      try {
        return await action();
      } catch (second) {
        if (!(second instanceof ValidationError)) reportStorageError(second);
        throw second;
      }
    }
    reportStorageError(first);
    throw first;
  }
}

/**
 * The one way a screen runs a write it started (a tap, a submit). The write goes through
 * withStorageErrors (a lost connection is retried once). Input the teacher can fix goes to
 * `onInvalid` (the screen says it where the teacher looks); any other failure is already on the
 * banner and is swallowed, not rethrown: every caller is an event handler with nothing left to
 * do but stop, and a rethrow would only be an unhandled rejection. Either way the promise
 * resolves to undefined, so the caller knows the write did not happen. A write that resolves to
 * nothing can return `true` (or do what follows a save inside `write`) to tell success apart.
 */
export async function runAction<T>(
  write: () => Promise<T>,
  onInvalid: (error: ValidationError) => void,
): Promise<T | undefined> {
  try {
    return await withStorageErrors(write);
  } catch (e) {
    if (e instanceof ValidationError) onInvalid(e);
    return undefined;
  }
}
