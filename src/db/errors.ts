/**
 * Turns what IndexedDB/Dexie throws into a few kinds the UI can explain. Quota errors may arrive
 * wrapped as the `inner` of an AbortError (or as a DOMException's `cause`), so the whole chain is
 * inspected.
 */
export type StorageErrorKind = 'quota' | 'blocked' | 'closed' | 'versionChanged' | 'unknown';

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  /** Dexie's BulkError lists the error of every failed row. */
  failures?: unknown;
}

/**
 * The error and what it wraps (Dexie's `inner`, standard `cause`, a BulkError's `failures`),
 * breadth first, at most 16 links.
 */
function chain(error: unknown): ErrorLike[] {
  const seen: ErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.length < 16) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.includes(current)) continue;
    const e = current as ErrorLike;
    seen.push(e);
    queue.push(e.inner, e.cause);
    if (Array.isArray(e.failures)) queue.push(...(e.failures as unknown[]).slice(0, 4));
  }
  return seen;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Safari/iOS drops the connection after the app was in the background. */
const CONNECTION_LOST =
  /connection to indexed ?(?:db|database) server lost|database connection is closing/i;

export function classifyStorageError(error: unknown): StorageErrorKind {
  const links = chain(error);
  const names = links.map((e) => text(e.name));
  const messages = links.map((e) => text(e.message));
  // Firefox used NS_ERROR_DOM_QUOTA_REACHED before it adopted QuotaExceededError.
  if (names.some((n) => /quota/i.test(n)) || messages.some((m) => /quota/i.test(m))) return 'quota';
  if (names.includes('VersionChangeError') || names.includes('VersionChangedError'))
    return 'versionChanged';
  if (names.includes('BlockedError')) return 'blocked';
  // A database older than its slim declaration (schema.ts): a reload declares the whole history.
  if (
    names.includes('DatabaseClosedError') ||
    names.includes('SchemaBehindError') ||
    messages.some((m) => CONNECTION_LOST.test(m))
  )
    return 'closed';
  return 'unknown';
}

/**
 * True when the browser dropped the IndexedDB connection under us (iOS after backgrounding):
 * worth one retry, and never a sign that the database is empty.
 */
export function isConnectionLost(error: unknown): boolean {
  return chain(error).some((e) => CONNECTION_LOST.test(text(e.message)));
}
