import { useState } from 'preact/hooks';
import { navigate } from '../../ui/router';
import { clearLocalAppKeys } from '../../db/repo/erasure';
import { deleteAllData } from '../../db/repo/maintenance';
import { reportStorageError } from '../../db/status';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { showToast } from '../../ui/toastStore';

/** Wipes every class and record from this device, after the teacher types a word. */
export function DeleteAllSection() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await deleteAllData();
      // Small device-only notes outside the database (e.g. a snoozed nudge per class).
      try {
        clearLocalAppKeys(localStorage);
      } catch {
        // No localStorage (private mode): nothing is stored there either.
      }
      setOpen(false);
      showToast(t('settings:deleteAll.done'));
      navigate('/');
    } catch (error) {
      // Nothing was deleted (one transaction); the banner says why.
      setOpen(false);
      reportStorageError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card settings-section settings-danger" aria-labelledby="delete-heading">
      <h2 id="delete-heading">{t('settings:deleteAll.heading')}</h2>
      <p>{t('settings:deleteAll.body')}</p>
      <button type="button" class="danger" disabled={busy} onClick={() => setOpen(true)}>
        {t('settings:deleteAll.button')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('settings:deleteAll.confirmTitle')}
        body={t('settings:deleteAll.confirmBody')}
        confirmLabel={t('settings:deleteAll.confirmButton')}
        requireWord={t('settings:deleteAll.word')}
        danger
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      />
    </section>
  );
}
