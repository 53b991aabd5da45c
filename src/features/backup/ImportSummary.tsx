import type { ValidatedBackup } from '../../db/backup/validate';
import { DATA_TABLES } from '../../db/schema';
import { t } from '../../i18n';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';

/** What a backup file holds, shown before anything is written. */
export function ImportSummary({
  prepared,
  fileName,
}: {
  prepared: ValidatedBackup;
  fileName: string;
}) {
  const { summary } = prepared;
  const scope =
    summary.scope.kind === 'all'
      ? t('backup:import.scopeAll')
      : t('backup:import.scopeClass', { name: summary.classNames[0] ?? '' });
  return (
    <div class="backup-summary">
      <h3>{t('backup:import.summaryHeading')}</h3>
      <dl>
        <div>
          <dt>{t('backup:import.fileName')}</dt>
          <dd>{fileName}</dd>
        </div>
        <div>
          <dt>{t('backup:import.scope')}</dt>
          <dd>{scope}</dd>
        </div>
        <div>
          <dt>{t('backup:import.period')}</dt>
          <dd>
            {summary.dateRange
              ? t('backup:import.periodValue', {
                  from: formatDate(summary.dateRange.from, 'long'),
                  to: formatDate(summary.dateRange.to, 'long'),
                })
              : t('backup:import.noPeriod')}
          </dd>
        </div>
        <div>
          <dt>{t('backup:import.exportedAt')}</dt>
          <dd>{formatDateTime(summary.exportedAt)}</dd>
        </div>
        <div>
          <dt>{t('backup:import.madeWith')}</dt>
          <dd>{summary.appVersion}</dd>
        </div>
      </dl>
      <dl class="backup-counts">
        {DATA_TABLES.map((table) => (
          <div key={table}>
            <dt>{t(`backup:tables.${table}`)}</dt>
            <dd>{formatNumber(summary.counts[table], 0)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
