/**
 * Idle-moment scheduling for the page, shared by the data layer's hooks and the UI (src/db is the
 * lowest folder that runs in the page, and the UI may import it; not the other way round).
 */

/**
 * Runs `run` at the next idle moment (at most `timeout` ms away); returns a cancel. Where there is
 * no idle callback (a worker, Node), it runs after `fallbackMs`.
 */
export function whenIdle(
  run: () => void,
  { timeout = 1000, fallbackMs = 50 }: { timeout?: number; fallbackMs?: number } = {},
): () => void {
  if (typeof requestIdleCallback === 'function' && typeof cancelIdleCallback === 'function') {
    const cancel = cancelIdleCallback;
    const handle = requestIdleCallback(run, { timeout });
    return () => cancel(handle);
  }
  const handle = setTimeout(run, fallbackMs);
  return () => clearTimeout(handle);
}
