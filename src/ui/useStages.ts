import { useLayoutEffect, useState } from 'preact/hooks';
import { afterNextPaint, nextTask } from './afterPaint';

/**
 * Draws a screen in parts: returns how many parts may be drawn now (1 … count). Until `start` is
 * true it stays at 1; then the first part is painted before the second is built, and each further
 * part is built in a task of its own right after the one before, without waiting for a frame (at
 * 1× a frame each cost more than the parts). So no task builds more than one part (issue 15: no
 * main-thread task over 50 ms on a €200 phone), and the browser paints between them when a frame
 * is due. Once all parts are drawn it stays there.
 */
export function useStages(count: number, start: boolean): number {
  const [drawn, setDrawn] = useState(1);
  useLayoutEffect(() => {
    if (!start || drawn >= count) return;
    let live = true;
    (drawn === 1 ? afterNextPaint : nextTask)(() => {
      if (live) setDrawn((n) => Math.min(count, n + 1));
    });
    return () => {
      live = false;
    };
  }, [start, drawn, count]);
  return start ? drawn : 1;
}
