import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import './settings.css';

const LEAVES = ['backup', 'package', 'pupil', 'csv', 'print', 'sync'] as const;
const REQUESTS = ['access', 'erase', 'copies', 'all'] as const;

function Part({ id, paragraphs }: { id: string; paragraphs: readonly string[] }) {
  return (
    <section class="card settings-section" aria-labelledby={`privacy-${id}`}>
      <h2 id={`privacy-${id}`}>{t(`privacy:${id}.heading`)}</h2>
      {paragraphs.map((p) => (
        <p key={p}>{t(`privacy:${id}.${p}`)}</p>
      ))}
    </section>
  );
}

/**
 * What Spiegel stores, where, who is responsible, what leaves the device, the limits of
 * pseudonymisation, retention, serving requests and the security measures (issue 11; kept in
 * step with docs/privacy.md).
 */
export function PrivacyScreen() {
  return (
    <Screen title={t('privacy:title')} back="#/settings">
      <div class="settings about">
        <p>{t('privacy:intro')}</p>
        <Part id="stored" paragraphs={['p1', 'p2']} />
        <Part id="responsible" paragraphs={['p1', 'p2']} />
        <section class="card settings-section" aria-labelledby="privacy-leaves">
          <h2 id="privacy-leaves">{t('privacy:leaves.heading')}</h2>
          <p>{t('privacy:leaves.intro')}</p>
          <ul>
            {LEAVES.map((key) => (
              <li key={key}>{t(`privacy:leaves.${key}`)}</li>
            ))}
          </ul>
        </section>
        <Part id="pseudo" paragraphs={['p1', 'p2']} />
        <Part id="special" paragraphs={['p1']} />
        <Part id="retention" paragraphs={['p1', 'p2']} />
        <section class="card settings-section" aria-labelledby="privacy-requests">
          <h2 id="privacy-requests">{t('privacy:requests.heading')}</h2>
          {REQUESTS.map((key) => (
            <p key={key}>{t(`privacy:requests.${key}`)}</p>
          ))}
        </section>
        <Part id="security" paragraphs={['p1', 'p2']} />
      </div>
    </Screen>
  );
}
