import { useState } from 'preact/hooks';
import { useLiveQuery } from '../../db/hooks';
import { softDeleteClass } from '../../db/repo/classes';
import { listClassRetention, type ClassRetentionRow } from '../../db/repo/maintenance';
import { reportStorageError } from '../../db/status';
import { retentionReason } from '../../domain/retention';
import { t } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { showToast } from '../../ui/toastStore';

/**
 * Each class's age and size; a class archived for a year, or unused since before this school
 * year began (1 August), is offered for export and deletion (src/domain/retention.ts).
 */
export function RetentionSection() {
  const rows = useLiveQuery(() => listClassRetention(), []);
  const [deleting, setDeleting] = useState<ClassRetentionRow | null>(null);
  if (!rows || rows.length === 0) return null;
  const now = new Date();
  const remove = async (row: ClassRetentionRow) => {
    setDeleting(null);
    try {
      await softDeleteClass(row.cls.id);
      showToast(t('settings:retention.deleted', { name: row.cls.name }));
    } catch (e) {
      reportStorageError(e);
    }
  };
  return (
    <section class="card settings-section" aria-labelledby="retention-heading">
      <h2 id="retention-heading">{t('settings:retention.heading')}</h2>
      <p class="muted">{t('settings:retention.intro')}</p>
      <ul class="settings-retention">
        {rows.map((row) => {
          const reason = retentionReason({ ...row.cls, lastLessonDate: row.lastLessonDate }, now);
          return (
            <li key={row.cls.id}>
              <strong>{row.cls.name}</strong>
              <span class="muted">
                {t('settings:retention.facts', {
                  date: formatDate(row.cls.createdAt.slice(0, 10), 'short'),
                  count: row.records,
                  records: formatNumber(row.records, 0),
                })}
                {row.lastLessonDate
                  ? ` · ${t('settings:retention.lastLesson', { date: formatDate(row.lastLessonDate, 'short') })}`
                  : ''}
              </span>
              {reason ? (
                <div class="settings-retention-due">
                  <p>{t(`settings:retention.${reason}`)}</p>
                  <div class="row">
                    <a href="#/backup">{t('settings:retention.export')}</a>
                    <button type="button" class="danger" onClick={() => setDeleting(row)}>
                      {t('settings:retention.delete')}
                    </button>
                  </div>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {/* Only while asked: ConfirmDialog names itself by a fixed id, as does "delete all". */}
      {deleting ? (
        <ConfirmDialog
          open
          title={t('settings:retention.confirmTitle', { name: deleting.cls.name })}
          body={t('settings:retention.confirmBody')}
          confirmLabel={t('settings:retention.delete')}
          danger
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}
