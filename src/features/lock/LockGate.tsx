/**
 * Shows the lock screen instead of the app while the lock is on and the key is not in memory,
 * and locks after the chosen idle time. Nothing of the app (and so none of the data) renders
 * while locked; the screens mount again, and read again, after unlocking.
 */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { DEFAULT_IDLE_MINUTES } from '../../db/lock/config';
import { idleLockDue } from '../../domain/idleLock';
import { lazyScreen } from '../../ui/lazy';
import { useLockMode } from './useLockMode';

const LockScreen = lazyScreen(() => import('./LockScreen').then((m) => m.LockScreen), 'loading', [
  'lock',
]);

// The lock module reaches the database: loaded once the lock is on, not with the first screen.
const lockModule = () => import('../../db/lock/lock');

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_MS = 10_000;

/** Locks after `idle minutes` without a tap or key (checked every few seconds and on return). */
function useIdleLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let minutes: number = DEFAULT_IDLE_MINUTES;
    let last = Date.now();
    let alive = true;
    // Read again on every check: a new choice in Settings applies at once.
    const readMinutes = () =>
      lockModule()
        .then((m) => m.readLockConfig())
        .then(
          (c) => {
            if (alive && c) minutes = c.idleMinutes;
          },
          () => undefined,
        );
    void readMinutes();
    const touch = () => {
      last = Date.now();
    };
    const check = () => {
      if (idleLockDue(last, Date.now(), minutes)) void lockModule().then((m) => m.lockNow());
      else void readMinutes();
    };
    for (const type of ACTIVITY)
      window.addEventListener(type, touch, { passive: true, capture: true });
    document.addEventListener('visibilitychange', check);
    const timer = setInterval(check, CHECK_MS);
    return () => {
      alive = false;
      for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
      document.removeEventListener('visibilitychange', check);
      clearInterval(timer);
    };
  }, [active]);
}

export function LockGate({ children }: { children: ComponentChildren }) {
  const mode = useLockMode();
  useIdleLock(mode === 'unlocked');
  return mode === 'locked' ? <LockScreen /> : <>{children}</>;
}
