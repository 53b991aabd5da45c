import { reportStorageError } from '../db/status';

/**
 * The one place that asks the browser to keep our data (never on page load): called right after
 * the first real save of any kind — a class made, a backup restored, a coach's package opened.
 * Only the first call asks; a failure shows in the storage banner, never blocks the save.
 */
export function askToKeepData(): void {
  // Loaded when needed: the start screen's new-class form calls this, and the module reaches Dexie.
  import('../db/repo/maintenance')
    .then((m) => m.requestPersistentStorageOnce())
    .catch(reportStorageError);
}
