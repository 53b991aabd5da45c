import { render } from 'preact';
import { App } from './app/App';
import { readPendingEvents } from './db/pendingEvents';
import { reportStorageError } from './db/status';
import { initI18n } from './i18n';
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
  // A paired device resumes syncing with the teacher's other devices (docs/sync-client.md).
  void import('./db/sync/boot').then((m) => m.resumeSync()).catch(reportStorageError);
  // Classes deleted more than the undo window ago are purged for good, whatever screen opens first.
  void import('./db/repo/maintenance')
    .then((m) => m.purgeDeletedClasses(new Date()))
    .catch(reportStorageError);
}

void boot();
