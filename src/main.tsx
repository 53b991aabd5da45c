import { options, render } from 'preact';
import { App } from './app/App';
import { appKeyring } from './db/lock/keyring';
import { readPendingEvents } from './db/pendingEvents';
import { startUp } from './db/startRead';
import { reportStorageError } from './db/status';
import { initI18n } from './i18n';
import { toIsoDate } from './domain/dates';
import { afterStart } from './ui/afterStart';
import { afterNextPaint } from './ui/afterPaint';
import { isStartHash } from './ui/router';
import './styles.css';

/** Runs `fn` now, or once the app lock is unlocked (work that reads names waits for the key). */
function whenReadable(fn: () => void): void {
  if (appKeyring.mode !== 'locked') return fn();
  const off = appKeyring.subscribe((mode) => {
    if (mode === 'locked') return;
    off();
    fn();
  });
}

// Preact's effects wait for the next paint in the same batch as the app's own after-paint work
// (one frame callback per frame instead of one per caller; afterPaint.ts).
options.requestAnimationFrame = afterNextPaint;

async function boot(): Promise<void> {
  // The lock check and the start screen's classes are read beside the strings, without Dexie
  // (startRead.ts), and asked for first: the strings' set-up runs while IndexedDB opens. The app
  // lock, when on, starts locked: the lock screen shows before anything else is read.
  const startScreen = isStartHash(location.hash);
  const started = startUp(startScreen).catch(reportStorageError);
  const [mode] = await Promise.all([started, initI18n()]);
  // Taps noted but not stored when the page was last closed are written before any screen reads.
  if (readPendingEvents().length > 0 && mode !== 'locked') {
    await import('./db/repo/events').then((m) => m.replayPendingEvents()).catch(reportStorageError);
  } else if (readPendingEvents().length > 0) {
    whenReadable(() => {
      void import('./db/repo/events')
        .then((m) => m.replayPendingEvents())
        .catch(reportStorageError);
    });
  }
  const root = document.getElementById('app');
  if (root) {
    // index.html holds a static shell (the header) so something is painted before the JavaScript
    // runs; the app replaces it in the same task, so no frame shows both.
    root.textContent = '';
    render(<App />, root);
  }
  // None of what follows competes with the first screen's reads: it waits until the screen
  // shows its data.
  // The lock module follows the lock turned on, or locked, in another tab of this app; loaded
  // after the start, it checks once more for a lock turned on since the start read.
  afterStart(() => {
    void import('./db/lock/lock').then((m) => m.syncLockMode()).catch(reportStorageError);
  });
  // A paired device resumes syncing with the teacher's other devices (docs/sync.md); taps made
  // before that are recorded in the outbox all the same.
  afterStart(() => {
    void import('./db/sync/boot').then((m) => m.resumeSync()).catch(reportStorageError);
  });
  // Classes deleted more than the undo window ago are purged for good, whatever screen opens first
  // (the start screen does it itself, after start, on every visit: HomeScreen). So are a coach's
  // packages past the expiry the teacher set (the coach list says so).
  afterStart(() =>
    whenReadable(() => {
      void import('./db/repo/maintenance')
        .then(async (m) => {
          if (!startScreen) await m.purgeDeletedClasses(new Date());
          await m.deleteExpiredWorkspaces(toIsoDate(new Date()));
        })
        .catch(reportStorageError);
    }),
  );
}

void boot();
