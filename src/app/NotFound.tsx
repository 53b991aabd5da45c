import { t } from '../i18n';
import { Screen } from '../ui/Screen';

export function NotFound() {
  return (
    <Screen title={t('common:notFound.title')} back="#/">
      <p>{t('common:notFound.body')}</p>
    </Screen>
  );
}
