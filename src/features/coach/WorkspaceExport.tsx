import { useEffect, useState } from 'preact/hooks';
import { getCoachName, setCoachName } from '../../db/repo/coachWorkspace';
import { reportStorageError } from '../../db/status';
import type { CoachWorkspaceRecord } from '../../model/types';
import { t } from '../../i18n';
import { buildRemarksFile, remarksFileName } from '../../intervisie';
import { downloadFile, fileOf } from './saveFile';

/** "Export remarks for the teacher": a small JSON file with the package id and the remarks. */
export function WorkspaceExport({ record }: { record: CoachWorkspaceRecord }) {
  const [author, setAuthor] = useState('');
  const [message, setMessage] = useState('');
  useEffect(() => {
    getCoachName().then(setAuthor, reportStorageError);
  }, []);

  const exportRemarks = () => {
    if (record.remarks.length === 0) {
      setMessage(t('coach:workspace.noRemarks'));
      return;
    }
    const now = new Date();
    const file = buildRemarksFile(
      { packageId: record.packageId, label: record.label },
      author,
      record.remarks,
      now,
    );
    const out = fileOf(JSON.stringify(file, null, 2), remarksFileName(now));
    downloadFile(out);
    setMessage(t('coach:workspace.exported', { file: out.name }));
    setCoachName(author, now).catch(reportStorageError);
  };

  return (
    <section class="card coach-section" aria-labelledby="ws-export-heading">
      <h2 id="ws-export-heading">{t('coach:workspace.exportHeading')}</h2>
      <p>{t('coach:workspace.exportIntro')}</p>
      <label class="field">
        <span>{t('coach:workspace.authorField')}</span>
        <input
          value={author}
          maxLength={80}
          autoComplete="name"
          onInput={(e) => setAuthor(e.currentTarget.value)}
        />
      </label>
      <button type="button" class="primary" onClick={exportRemarks}>
        {t('coach:workspace.export')}
      </button>
      <p role="status" class="coach-done">
        {message}
      </p>
    </section>
  );
}
