import { useState } from 'preact/hooks';
import { getBackupStatus } from '../../db/backup/settings';
import { useLiveQuery } from '../../db/hooks';
import { t } from '../../i18n';

// "Later" hides the reminder until the app is opened again.
let dismissedThisVisit = false;

/**
 * A gentle banner (for the start screen) when the last full backup is older than the chosen
 * number of days and there is real, non-demo data to lose. Renders nothing otherwise.
 */
export function BackupReminder() {
  const status = useLiveQuery(() => getBackupStatus(), []);
  const [dismissed, setDismissed] = useState(dismissedThisVisit);
  if (!status?.due || dismissed) return null;
  return (
    <aside class="banner backup-reminder" aria-label={t('backup:reminder.action')}>
      <p>
        {status.lastExportAt && status.daysSince !== null
          ? t('backup:reminder.text', { count: status.daysSince })
          : t('backup:reminder.textNever')}
      </p>
      <div class="row">
        <a class="button primary" href="#/backup">
          {t('backup:reminder.action')}
        </a>
        <button
          type="button"
          onClick={() => {
            dismissedThisVisit = true;
            setDismissed(true);
          }}
        >
          {t('backup:reminder.later')}
        </button>
      </div>
    </aside>
  );
}
