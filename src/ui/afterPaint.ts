/**
 * Runs `fn` once the next frame has been painted: a callback queued from a frame callback runs
 * after that frame. For work a tap must not hold up (the small bars around the grid), so the
 * tapped tile's new count reaches the screen in the first frame.
 */
export function afterNextPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

/**
 * `afterNextPaint` as a promise; a hidden page paints no frames, so it also settles after
 * `fallbackMs` at the latest.
 */
export function nextPaint(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    afterNextPaint(resolve);
    setTimeout(resolve, fallbackMs);
  });
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
