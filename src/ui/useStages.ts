import { useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import { afterNextPaint, nextTask } from './afterPaint';

/**
 * Draws a screen in parts: returns how many parts may be drawn now (1 … count). Until `start` is
 * true it stays at 1; then the first part is painted before the second is built, and each further
 * part is built in a task of its own right after the one before, without waiting for a frame (at
 * 1× a frame each cost more than the parts). So no task builds more than one part (issue 15: no
 * main-thread task over 50 ms on a €200 phone), and the browser paints between them when a frame
 * is due. Once all parts are drawn it stays there — until `key` changes (new content for the
 * parts, such as another period's analysis): then it starts again at 1 in that same render.
 */
export function useStages(count: number, start: boolean, key?: unknown): number {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const stage = useRef({ key, drawn: 1 });
  if (stage.current.key !== key) stage.current = { key, drawn: 1 };
  const { drawn } = stage.current;
  useLayoutEffect(() => {
    if (!start || drawn >= count) return;
    let live = true;
    const current = stage.current;
    (drawn === 1 ? afterNextPaint : nextTask)(() => {
      if (!live || stage.current !== current) return;
      current.drawn = Math.min(count, drawn + 1);
      redraw(0);
    });
    return () => {
      live = false;
    };
  }, [start, drawn, count, key]);
  return start ? drawn : 1;
}
