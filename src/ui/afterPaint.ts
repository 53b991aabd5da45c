/** Work queued for after the next paint, run together in one task (null: no frame asked for). */
let batch: Array<() => void> | null = null;

/** A hidden page paints no frames: what waits for one runs after this long at the latest. */
const HIDDEN_FALLBACK_MS = 100;

function runBatch(fns: Array<() => void>): void {
  for (const fn of fns) {
    try {
      fn();
    } catch (e) {
      // One failing callback does not keep the others from running; the error is still seen.
      setTimeout(() => {
        throw e;
      }, 0);
    }
  }
}

/**
 * Runs `fn` once the next frame has been painted: a task queued from a frame callback runs after
 * that frame. For work a tap must not hold up (the small bars around the grid, the write, Preact's
 * effects: see `main.tsx`), so the tapped tile's new count reaches the screen in the first frame.
 * Everything queued before that frame shares one frame callback and one task: a tap's frame runs
 * one callback of the app's, not one per caller.
 */
export function afterNextPaint(fn: () => void): void {
  if (batch) {
    batch.push(fn);
    return;
  }
  const fns = [fn];
  batch = fns;
  let settled = false;
  const settle = () => {
    if (settled) return;
    settled = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    if (batch === fns) batch = null;
    setTimeout(() => runBatch(fns), 0);
  };
  const frame = requestAnimationFrame(settle);
  const fallback = setTimeout(settle, HIDDEN_FALLBACK_MS);
}

/** `afterNextPaint` as a promise (settled after 100 ms at the latest on a hidden page). */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => afterNextPaint(resolve));
}

/**
 * Runs `fn` in a task of its own as soon as the tasks already queued have run, without waiting
 * for a frame (a message is not clamped to 4 ms like a nested `setTimeout`).
 */
export function nextTask(fn: () => void): void {
  if (typeof MessageChannel !== 'function') {
    setTimeout(fn, 0);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}
