import { useState } from 'preact/hooks';
import { REMINDER_DAY_OPTIONS, setReminderDays, type BackupStatus } from '../../db/backup/settings';
import { runAction } from '../../db/status';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { invalidMessage } from '../../ui/invalid';
import { showToast } from '../../ui/toastStore';

/** When the last full backup was made, and after how many days to be reminded. */
export function BackupStatusSection({ status }: { status: BackupStatus | undefined }) {
  const [error, setError] = useState<string | null>(null);
  const days = status?.reminderDays ?? 14;
  const options: number[] = REMINDER_DAY_OPTIONS.includes(days as 14)
    ? [...REMINDER_DAY_OPTIONS]
    : [...REMINDER_DAY_OPTIONS, days].sort((a, b) => a - b);
  const change = async (value: number) => {
    setError(null);
    await runAction(
      async () => {
        await setReminderDays(value);
        showToast(t('backup:status.reminderSaved', { count: value }));
      },
      (e) => setError(invalidMessage('settings', e)),
    );
  };
  return (
    <section class="card backup-section" aria-label={t('backup:status.reminderLabel')}>
      <p class="backup-last">
        {status?.lastExportAt
          ? t('backup:status.lastBackup', { date: formatDateTime(status.lastExportAt) })
          : t('backup:status.never')}
      </p>
      <label class="field">
        <span>{t('backup:status.reminderLabel')}</span>
        <select
          value={String(days)}
          disabled={!status}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'backup-reminder-error' : undefined}
          onChange={(e) => void change(Number(e.currentTarget.value))}
        >
          {options.map((n) => (
            <option key={n} value={String(n)}>
              {t('backup:status.reminderOption', { count: n })}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <p id="backup-reminder-error" class="field-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
