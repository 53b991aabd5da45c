import { href } from '../../ui/router';
import { t } from '../../i18n';

/** A class without pupils has nobody to enter results for: point to where pupils are added. */
export function NoPupils({ classId }: { classId: string }) {
  return (
    <p class="card">
      {t('achievements:noPupils')}{' '}
      <a href={href('class', classId, 'pupils')}>{t('achievements:addPupils')}</a>
    </p>
  );
}
