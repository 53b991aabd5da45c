/**
 * Turns what IndexedDB/Dexie throws into a few kinds the UI can explain. Quota errors may arrive
 * wrapped as the `inner` of an AbortError, so the whole chain is inspected.
 */
export type StorageErrorKind = 'quota' | 'blocked' | 'closed' | 'versionChanged' | 'unknown';

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
}

function chain(error: unknown): ErrorLike[] {
  const seen: ErrorLike[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && seen.length < 8) {
    const e = current as ErrorLike;
    seen.push(e);
    current = e.inner ?? e.cause;
  }
  return seen;
}

export function classifyStorageError(error: unknown): StorageErrorKind {
  const links = chain(error);
  const names = links.map((e) => (typeof e.name === 'string' ? e.name : ''));
  const messages = links.map((e) => (typeof e.message === 'string' ? e.message : ''));
  if (names.includes('QuotaExceededError') || messages.some((m) => /quota/i.test(m)))
    return 'quota';
  if (names.includes('VersionChangeError') || names.includes('VersionChangedError'))
    return 'versionChanged';
  if (names.includes('BlockedError')) return 'blocked';
  if (names.includes('DatabaseClosedError')) return 'closed';
  return 'unknown';
}

/** Thrown by repositories for input the teacher can correct; `code` maps to an i18n key. */
export class ValidationError extends Error {
  constructor(
    readonly code: string,
    readonly detail?: Record<string, string | number>,
  ) {
    super(code);
    this.name = 'ValidationError';
  }
}
