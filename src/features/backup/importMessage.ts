/** Turns an ImportError into one clear sentence for the teacher (with the place in the file). */
import { ImportError } from '../../model/importErrors';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';

/** MB as printed: 1,000,000 bytes. */
const MB = 1_000_000;

/** valibot check types (and our own) grouped into a few reasons a teacher can read. */
const REASON_OF: Record<string, string> = {
  unknownKey: 'unknownKey',
  missingKey: 'missingKey',
  max_length: 'tooLong',
  min_length: 'tooShort',
  non_empty: 'tooShort',
  uuid: 'id',
  iso_date: 'date',
  iso_timestamp: 'date',
  check: 'date',
  regex: 'format',
  min_value: 'range',
  max_value: 'range',
  integer: 'integer',
  picklist: 'choice',
  variant: 'choice',
  literal: 'choice',
  union: 'choice',
  string: 'type',
  number: 'type',
  boolean: 'type',
  array: 'type',
  object: 'type',
  strict_object: 'type',
  record: 'type',
  null: 'type',
  nullable: 'type',
  depth: 'depth',
  scope: 'scope',
  lesson: 'lesson',
  lessonMoved: 'lessonMoved',
};

function reason(check: string | undefined, expected: string | undefined): string {
  const key = REASON_OF[check ?? ''] ?? 'other';
  const limit = expected ?? '';
  return t(`backup:reasons.${key}`, { max: limit.replace(/^<=/, ''), limit });
}

export function importErrorMessage(error: unknown): string {
  if (!(error instanceof ImportError)) return t('backup:errors.unexpected');
  const d = error.detail;
  switch (error.code) {
    case 'tooLarge':
      return t('backup:errors.tooLarge', {
        size: formatNumber((d.size ?? 0) / MB, 0),
        max: formatNumber((d.max ?? 0) / MB, 0),
      });
    case 'notJson':
      return t(d.empty ? 'backup:errors.empty' : 'backup:errors.notJson');
    case 'truncated':
      return t('backup:errors.truncated');
    case 'notBackup':
      return t('backup:errors.notBackup');
    case 'futureVersion':
      return t('backup:errors.futureVersion', { version: d.version ?? '?' });
    case 'invalid': {
      const why = reason(d.check, d.expected);
      return d.path
        ? t('backup:errors.invalid', { path: d.path, reason: why })
        : t('backup:errors.invalidNoPath', { reason: why });
    }
    case 'duplicateId':
      return d.key && d.table === 'absences'
        ? t('backup:errors.duplicateAbsence', { path: d.path ?? '' })
        : t('backup:errors.duplicateId', {
            table: d.table ? t(`backup:tables.${d.table}`) : '',
            path: d.path ?? '',
          });
    case 'missingReference':
      return t('backup:errors.missingReference', {
        target: d.target ? t(`backup:targets.${d.target}`) : '',
        path: d.path ?? '',
      });
    case 'forbiddenKey':
      return t('backup:errors.forbiddenKey', { key: d.key ?? '', path: d.path ?? '' });
    case 'passphraseRequired':
      return t('backup:errors.passphraseRequired');
    case 'decryptFailed':
      return t('backup:errors.decryptFailed');
    case 'envelopeDamaged':
      return t('backup:errors.envelopeDamaged');
    case 'storage':
      return t('backup:errors.storage');
  }
}
