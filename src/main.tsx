import { render } from 'preact';
import { App } from './app/App';
import { readPendingEvents } from './db/pendingEvents';
import { reportStorageError } from './db/status';
import { initI18n } from './i18n';
import { toIsoDate } from './domain/dates';
import './styles.css';

async function boot(): Promise<void> {
  await initI18n();
  // Taps noted but not stored when the page was last closed are written before any screen reads.
  if (readPendingEvents().length > 0) {
    await import('./db/repo/events').then((m) => m.replayPendingEvents()).catch(reportStorageError);
  }
  const root = document.getElementById('app');
  if (root) {
    // index.html holds a static shell (the header) so something is painted before the JavaScript
    // runs; the app replaces it in the same task, so no frame shows both.
    root.textContent = '';
    render(<App />, root);
  }
  // Classes deleted more than the undo window ago are purged for good, whatever screen opens first.
  // So are a coach's packages past the expiry the teacher set (the coach list says so).
  void import('./db/repo/maintenance')
    .then(async (m) => {
      await m.purgeDeletedClasses(new Date());
      await m.deleteExpiredWorkspaces(toIsoDate(new Date()));
    })
    .catch(reportStorageError);
}

void boot();
