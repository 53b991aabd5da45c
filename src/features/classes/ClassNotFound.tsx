import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';

/** For a link to a class that does not exist (any more): say so kindly and offer the way back. */
export function ClassNotFound() {
  return (
    <Screen title={t('classes:notFound.title')} back="#/">
      <p>{t('classes:notFound.body')}</p>
      <a class="button primary" href="#/">
        {t('classes:notFound.home')}
      </a>
    </Screen>
  );
}
