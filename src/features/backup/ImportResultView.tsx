import type { ImportResult } from '../../db/backup/import';
import { DATA_TABLES } from '../../db/schema';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';

/** What a restore changed, per kind of data (a list, so it fits a phone). */
export function ImportResultView({ result }: { result: ImportResult }) {
  const rows = DATA_TABLES.filter((table) => {
    const r = result.tables[table];
    return r.added + r.updated + r.unchanged > 0;
  });
  return (
    <>
      <p>{t(result.mode === 'merge' ? 'backup:import.doneMerge' : 'backup:import.doneReplace')}</p>
      {result.removed > 0 ? <p>{t('backup:import.removed', { count: result.removed })}</p> : null}
      {rows.length > 0 ? (
        <dl class="backup-result" aria-label={t('backup:import.resultTable')}>
          {rows.map((table) => {
            const r = result.tables[table];
            const parts = (['added', 'updated', 'unchanged'] as const)
              .filter((key) => r[key] > 0)
              .map((key) => t(`backup:import.${key}`, { n: formatNumber(r[key], 0) }));
            return (
              <div key={table}>
                <dt>{t(`backup:tables.${table}`)}</dt>
                <dd>{parts.join(' · ')}</dd>
              </div>
            );
          })}
        </dl>
      ) : null}
    </>
  );
}
