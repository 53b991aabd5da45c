/** Text for relationship ratings as the screens show them. */
import type { RelationshipRecord } from '../../model/types';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';

const numbers = (r: RelationshipRecord) => ({
  date: formatDate(r.date, 'short'),
  closeness: r.closeness,
  conflict: r.conflict,
  dependency: r.dependency,
});

/** "Last time, 3 Sep: closeness 4, conflict 2, dependency 1" — or that there was none. */
export function previousText(record: RelationshipRecord | undefined): string {
  return record
    ? t('relationships:pass.previous', numbers(record))
    : t('relationships:pass.firstTime');
}

export function currentText(record: RelationshipRecord | undefined): string {
  return record
    ? t('relationships:overview.item', numbers(record))
    : t('relationships:overview.notYet');
}
