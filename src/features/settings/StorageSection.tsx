import { useEffect, useState } from 'preact/hooks';
import {
  requestPersistentStorage,
  storageEstimate,
  storagePersisted,
  type StorageUse,
} from '../../db/repo/maintenance';
import { setSetting, useSettings } from '../../db/repo/settings';
import { reportStorageError, runAction } from '../../db/status';
import { t } from '../../i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { invalidMessage } from '../../ui/invalid';
import { showToast } from '../../ui/toastStore';

const REMINDER_CHOICES = [7, 14, 30, 60, 90];

/** undefined while checking; null when the browser cannot say. */
type Persisted = boolean | null | undefined;

/** Where the data lives, whether the browser keeps it, the last backup and the reminder. */
export function StorageSection() {
  const settings = useSettings();
  const [persisted, setPersisted] = useState<Persisted>(undefined);
  const [usage, setUsage] = useState<StorageUse | null>(null);
  const [asking, setAsking] = useState(false);
  const [reminderError, setReminderError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    Promise.all([storagePersisted(), storageEstimate()])
      .then(([p, u]) => {
        if (!alive) return;
        setPersisted(p);
        setUsage(u);
      })
      .catch(() => {
        // The StorageManager itself failed: treat it as a browser that cannot say.
        if (alive) setPersisted(null);
      });
    return () => {
      alive = false;
    };
  }, []);

  const ask = async () => {
    setAsking(true);
    try {
      const result = await requestPersistentStorage();
      setPersisted(result === 'unsupported' ? null : result === 'granted');
      showToast(
        t(result === 'granted' ? 'settings:data.persistGranted' : 'settings:data.persistDenied'),
      );
    } catch (error) {
      reportStorageError(error);
    } finally {
      setAsking(false);
    }
  };

  const changeReminder = async (days: number) => {
    setReminderError(null);
    await runAction(
      async () => {
        await setSetting('backupReminderDays', days);
        showToast(t('settings:data.reminderSaved', { count: days }));
      },
      (error) => setReminderError(invalidMessage('settings', error)),
    );
  };

  const status =
    persisted === undefined
      ? 'checking'
      : persisted === null
        ? 'unsupported'
        : persisted
          ? 'persisted'
          : 'notPersisted';
  const days = settings?.backupReminderDays ?? 14;
  const choices = REMINDER_CHOICES.includes(days)
    ? REMINDER_CHOICES
    : [...REMINDER_CHOICES, days].sort((a, b) => a - b);

  return (
    <section class="card settings-section" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('settings:data.heading')}</h2>
      <p>{t('settings:data.intro')}</p>
      <p class="settings-status" data-status={status}>
        <span class="settings-status-mark" aria-hidden="true">
          {status === 'persisted' ? '✓' : 'i'}
        </span>
        <span>{t(`settings:data.${status}`)}</span>
      </p>
      {persisted === false ? (
        <button type="button" disabled={asking} onClick={() => void ask()}>
          {t('settings:data.requestPersist')}
        </button>
      ) : null}
      {usage ? (
        <p class="muted">
          {t('settings:data.usage', { size: formatNumber(usage.usage / 1_000_000, 1) })}
        </p>
      ) : null}
      <p>
        {settings?.lastExportAt
          ? t('settings:data.lastBackup', { date: formatDateTime(settings.lastExportAt) })
          : t('settings:data.noBackup')}
      </p>
      <a class="button settings-link" href="#/backup">
        {t('settings:data.backupLink')}
      </a>
      <label class="field">
        <span>{t('settings:data.reminderLabel')}</span>
        <select
          value={String(days)}
          disabled={!settings}
          aria-invalid={reminderError ? true : undefined}
          aria-describedby={reminderError ? 'reminder-error' : undefined}
          onChange={(e) => void changeReminder(Number(e.currentTarget.value))}
        >
          {choices.map((n) => (
            <option key={n} value={String(n)}>
              {t('settings:data.reminderOption', { count: n })}
            </option>
          ))}
        </select>
      </label>
      {reminderError ? (
        <p id="reminder-error" class="field-error">
          {reminderError}
        </p>
      ) : null}
    </section>
  );
}
