/**
 * A tiny observable for storage problems, so a failure deep in a repository is shown to the
 * teacher (by src/ui/StorageBanner) instead of being swallowed.
 */
import { classifyStorageError, type StorageErrorKind } from './errors';

export interface StorageProblem {
  kind: StorageErrorKind;
  message: string;
}

type Listener = (problem: StorageProblem | null) => void;
const listeners = new Set<Listener>();
let current: StorageProblem | null = null;

export function reportStorageProblem(kind: StorageErrorKind, message = ''): void {
  current = { kind, message };
  listeners.forEach((l) => l(current));
}

/** Report any error thrown by a database call; returns its kind. */
export function reportStorageError(error: unknown): StorageErrorKind {
  const kind = classifyStorageError(error);
  reportStorageProblem(kind, error instanceof Error ? error.message : String(error));
  return kind;
}

export function clearStorageProblem(): void {
  current = null;
  listeners.forEach((l) => l(null));
}

export function subscribeStorageProblem(listener: Listener): () => void {
  listeners.add(listener);
  listener(current);
  return () => listeners.delete(listener);
}
