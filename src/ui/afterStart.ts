/**
 * What the first screen does not need (the update check, the backup reminder, resuming sync,
 * clean-up) waits until the start screen shows its data, then for an idle moment, so it never
 * competes with the first paint. A deep link to another screen never marks the start screen
 * ready: then it waits only for the idle moment.
 */
import { useEffect, useState } from 'preact/hooks';
import { whenIdle } from '../db/idle';
import { isStartHash } from './router';

const READY_MARK = 'spiegel:ready';
const FALLBACK_MS = 1500;

let release: () => void = () => undefined;
const started = new Promise<void>((resolve) => {
  release = resolve;
});
setTimeout(() => release(), FALLBACK_MS);
// A deep link never shows the start screen: what waits for it runs at the first idle moment
// instead of a timer that would land in the middle of the teacher's first taps.
if (typeof location !== 'undefined' && !isStartHash(location.hash)) release();

/** Called once by the start screen when its data is on screen (the start-up bench's finish line). */
export function markStartScreenReady(): void {
  if (performance.getEntriesByName(READY_MARK).length === 0) performance.mark(READY_MARK);
  release();
}

/** Runs `run` once the start screen is ready and the main thread had an idle moment. */
export function afterStart(run: () => void): void {
  void started.then(() => whenIdle(run));
}

/** False until the start screen is ready and the main thread had an idle moment. */
export function useAfterStart(): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    let alive = true;
    void started.then(() => whenIdle(() => alive && setOn(true)));
    return () => {
      alive = false;
    };
  }, []);
  return on;
}
