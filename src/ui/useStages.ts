import { useEffect, useState } from 'preact/hooks';
import { afterNextPaint } from './afterPaint';

/**
 * Draws a screen in parts, one part a frame: returns how many parts may be drawn now (1 … count).
 * Until `start` is true it stays at 1; then it grows by one after each painted frame, so each part
 * is its own task and the first one reaches the screen before the rest is built (issue 15: no
 * main-thread task over 50 ms on a €200 phone). Once all parts are drawn it stays there.
 */
export function useStages(count: number, start: boolean): number {
  const [drawn, setDrawn] = useState(1);
  useEffect(() => {
    if (!start || drawn >= count) return;
    let live = true;
    afterNextPaint(() => {
      if (live) setDrawn((n) => Math.min(count, n + 1));
    });
    return () => {
      live = false;
    };
  }, [start, drawn, count]);
  return start ? drawn : 1;
}
