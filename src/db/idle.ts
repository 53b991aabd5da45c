/**
 * Idle-moment scheduling for the page, shared by the data layer's hooks and the UI (src/db is the
 * lowest folder that runs in the page, and the UI may import it; not the other way round).
 */

/** Runs `run` at the next idle moment (at most a second away); returns a cancel. */
export function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function' && typeof cancelIdleCallback === 'function') {
    const cancel = cancelIdleCallback;
    const handle = requestIdleCallback(run, { timeout: 1000 });
    return () => cancel(handle);
  }
  const handle = setTimeout(run, 50);
  return () => clearTimeout(handle);
}
