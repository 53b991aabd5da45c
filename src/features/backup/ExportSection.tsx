import { useState } from 'preact/hooks';
import { prepareExport, recordExport } from '../../db/backup/export';
import type { BackupScope } from '../../db/backup/format';
import { reportStorageError } from '../../db/status';
import type { ClassRecord } from '../../model/types';
import { MAX_BACKUP_BYTES } from '../../db/backup/format';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { encryptBackup } from '../../db/backup/encrypted';
import { BackupProtect, NO_PROTECT, protectError, type ProtectState } from './BackupProtect';
import { downloadBlob } from './download';

interface ExportSectionProps {
  classes: ClassRecord[];
  /** 'all' or a class id. */
  choice: string;
  onChoice: (choice: string) => void;
  scope: BackupScope;
}

function classLabel(c: ClassRecord): string {
  if (c.isDemo) return t('backup:export.demo', { name: c.name });
  if (c.archivedAt) return t('backup:export.archived', { name: c.name });
  return c.name;
}

/** Downloads a backup of all classes or of one class as a JSON file. */
export function ExportSection({ classes, choice, onChoice, scope }: ExportSectionProps) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  /** Size in bytes of a file too large to restore (not downloaded). */
  const [tooLarge, setTooLarge] = useState<number | null>(null);
  const [protect, setProtect] = useState<ProtectState>(NO_PROTECT);
  const [passError, setPassError] = useState<string | null>(null);
  const run = async () => {
    setDone(null);
    setTooLarge(null);
    const problem = protectError(protect);
    setPassError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const now = new Date();
      const file = await prepareExport(scope, now);
      if (file.tooLarge) {
        setTooLarge(file.blob.size);
        return;
      }
      // WebCrypto after the database work, never inside it.
      const blob = protect.on ? await encryptBackup(file.blob, protect.pass) : file.blob;
      if (blob.size > MAX_BACKUP_BYTES) {
        setTooLarge(blob.size);
        return;
      }
      downloadBlob(blob, file.fileName);
      setProtect(protect.on ? { ...protect, pass: '', repeat: '' } : protect);
      await recordExport(scope, now);
      setDone(file.fileName);
    } catch (e) {
      reportStorageError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card backup-section" aria-labelledby="backup-export-heading">
      <h2 id="backup-export-heading">{t('backup:export.heading')}</h2>
      <label class="field">
        <span>{t('backup:export.scopeLabel')}</span>
        <select
          value={choice}
          onChange={(e) => {
            setDone(null);
            setTooLarge(null);
            onChoice(e.currentTarget.value);
          }}
        >
          <option value="all">{t('backup:export.scopeAll')}</option>
          {classes.map((c) => (
            <option key={c.id} value={c.id}>
              {classLabel(c)}
            </option>
          ))}
        </select>
      </label>
      {scope.kind === 'class' ? <p class="muted">{t('backup:export.classNote')}</p> : null}
      <BackupProtect state={protect} onChange={setProtect} disabled={busy} />
      {passError ? (
        <p class="field-error" role="alert">
          {passError}
        </p>
      ) : null}
      <button type="button" class="primary" disabled={busy} onClick={() => void run()}>
        {busy ? t('backup:export.busy') : t('backup:export.button')}
      </button>
      <p class="backup-done" role="status">
        {done ? t('backup:export.done', { file: done }) : ''}
        {tooLarge !== null
          ? t('backup:export.tooLarge', {
              size: formatNumber(tooLarge / 1_000_000, 0),
              max: formatNumber(MAX_BACKUP_BYTES / 1_000_000, 0),
            })
          : ''}
      </p>
      <p class="muted">{t('backup:export.privacy')}</p>
    </section>
  );
}
