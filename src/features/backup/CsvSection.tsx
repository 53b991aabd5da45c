import { useState } from 'preact/hooks';
import {
  CSV_KINDS,
  csvFileName,
  exportCsv,
  type CsvKind,
  type CsvLabels,
} from '../../db/backup/csv';
import type { BackupScope } from '../../db/backup/format';
import { reportStorageError } from '../../db/status';
import { currentLanguage, t } from '../../i18n';
import { downloadBlob } from './download';

const labels: CsvLabels = {
  header: (_kind, column) => t(`backup:csv.headers.${column}`),
  value: (group, value) =>
    group === 'kind' ? t(`kinds:${value}.label`) : t(`backup:csv.values.${group}.${value}`),
};

/** One CSV file per kind, for the scope chosen above (all classes or one). */
export function CsvSection({ scope }: { scope: BackupScope }) {
  const [busy, setBusy] = useState<CsvKind | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (kind: CsvKind) => {
    setBusy(kind);
    setDone(null);
    try {
      // Dutch spreadsheets split columns on a semicolon, English ones on a comma.
      const delimiter = currentLanguage() === 'nl' ? ';' : ',';
      const text = await exportCsv(kind, scope, labels, delimiter);
      const name = csvFileName(kind, new Date());
      downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), name);
      setDone(name);
    } catch (e) {
      reportStorageError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="card backup-section" aria-labelledby="backup-csv-heading">
      <h2 id="backup-csv-heading">{t('backup:csv.heading')}</h2>
      <p>{t('backup:csv.intro')}</p>
      <div class="backup-csv-buttons">
        {CSV_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            disabled={busy !== null}
            aria-busy={busy === kind ? true : undefined}
            onClick={() => void run(kind)}
          >
            {t(`backup:csv.${kind}`)}
          </button>
        ))}
      </div>
      <p class="backup-done" role="status">
        {done ? t('backup:csv.done', { file: done }) : ''}
      </p>
    </section>
  );
}
