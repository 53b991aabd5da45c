import { useState } from 'preact/hooks';
import type { BackupScope } from '../../db/backup/format';
import { getBackupStatus } from '../../db/backup/settings';
import { useLiveQuery } from '../../db/hooks';
import { listClasses } from '../../db/repo/classes';
import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { BackupStatusSection } from './BackupStatusSection';
import { CsvSection } from './CsvSection';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import './backup.css';

/** Back up everything or one class, restore a backup, and export CSV for a spreadsheet. */
export function BackupScreen() {
  const status = useLiveQuery(() => getBackupStatus(), []);
  const classes = useLiveQuery(() => listClasses(), []);
  const [choice, setChoice] = useState<string>('all');
  // A class deleted meanwhile falls back to "all classes".
  const scope: BackupScope =
    choice !== 'all' && classes?.some((c) => c.id === choice)
      ? { kind: 'class', classId: choice }
      : { kind: 'all' };
  return (
    <Screen title={t('backup:title')} back="#/settings">
      <div class="backup">
        <p>{t('backup:intro')}</p>
        <BackupStatusSection status={status} />
        <ExportSection
          classes={classes ?? []}
          choice={scope.kind === 'all' ? 'all' : scope.classId}
          onChoice={setChoice}
          scope={scope}
        />
        <ImportSection />
        <CsvSection scope={scope} />
      </div>
    </Screen>
  );
}
