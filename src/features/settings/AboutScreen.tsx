import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import './settings.css';

const RESEARCH = ['rosenthal', 'rubieDavies', 'denessen', 'pianta', 'equip'] as const;

/** What Spiegel is for, what happens with the data, and the research it leans on. */
export function AboutScreen() {
  return (
    <Screen title={t('settings:aboutPage.title')} back="#/settings">
      <div class="settings about">
        <p class="badge">{t('settings:aboutPage.version', { version: __APP_VERSION__ })}</p>
        <section aria-labelledby="purpose-heading">
          <h2 id="purpose-heading">{t('settings:aboutPage.purposeHeading')}</h2>
          <p>{t('settings:aboutPage.purpose1')}</p>
          <p>{t('settings:aboutPage.purpose2')}</p>
        </section>
        <section aria-labelledby="privacy-heading">
          <h2 id="privacy-heading">{t('settings:aboutPage.privacyHeading')}</h2>
          <p>{t('settings:aboutPage.privacy1')}</p>
          <p>{t('settings:aboutPage.privacy2')}</p>
          <p>{t('settings:aboutPage.privacy3')}</p>
          <p>
            <a href="#/privacy">{t('privacy:link')}</a>
          </p>
        </section>
        <section aria-labelledby="research-heading">
          <h2 id="research-heading">{t('settings:aboutPage.researchHeading')}</h2>
          <p>{t('settings:aboutPage.researchIntro')}</p>
          <ul class="about-research">
            {RESEARCH.map((key) => (
              <li key={key}>{t(`settings:aboutPage.${key}`)}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="demo-heading">
          <h2 id="demo-heading">{t('settings:aboutPage.demoHeading')}</h2>
          <p>{t('settings:aboutPage.demo')}</p>
        </section>
      </div>
    </Screen>
  );
}
