import { RetentionSection } from './RetentionSection';
import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { LockSection } from '../lock/LockSection';
import { DeleteAllSection } from './DeleteAllSection';
import { LanguageSection } from './LanguageSection';
import { StorageSection } from './StorageSection';
import './settings.css';

/** Language, where the data lives (and its backup), about, and deleting everything. */
export function SettingsScreen() {
  return (
    <Screen title={t('settings:title')} back="#/">
      <div class="settings">
        <LanguageSection />
        <StorageSection />
        <section class="card settings-section" aria-labelledby="sync-link-heading">
          <h2 id="sync-link-heading">{t('settings:sync.heading')}</h2>
          <a class="settings-nav-link" href="#/sync">
            <span>{t('settings:sync.link')}</span>
            <span aria-hidden="true">›</span>
          </a>
        </section>
        <LockSection />
        <RetentionSection />
        <section class="card settings-section" aria-labelledby="about-heading">
          <h2 id="about-heading">{t('settings:about.heading')}</h2>
          <a class="settings-nav-link" href="#/about">
            <span>{t('settings:about.link')}</span>
            <span aria-hidden="true">›</span>
          </a>
          <a class="settings-nav-link" href="#/privacy">
            <span>{t('privacy:link')}</span>
            <span aria-hidden="true">›</span>
          </a>
          <a class="settings-nav-link" href="#/coach">
            <span>{t('settings:about.coach')}</span>
            <span aria-hidden="true">›</span>
          </a>
        </section>
        <DeleteAllSection />
      </div>
    </Screen>
  );
}
