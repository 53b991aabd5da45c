import { useState } from 'preact/hooks';
import { navigate } from '../../ui/router';
import { reportStorageError } from '../../db/status';
import { t } from '../../i18n';
import { showToast } from '../../ui/toastStore';

// The demo data is only needed on request: loading it lazily keeps the first screen small.
const demo = () => import('../../db/repo/demo');

/** Shown while there are no classes: what Spiegel does, and a way to look around first. */
export function Welcome() {
  const [busy, setBusy] = useState(false);
  const openDemo = async () => {
    setBusy(true);
    try {
      const classId = await (await demo()).loadDemoClass();
      navigate(`/class/${classId}`);
    } catch (error) {
      reportStorageError(error);
      setBusy(false);
    }
  };
  return (
    <section class="card welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">{t('home:welcome.heading')}</h2>
      <p>{t('home:welcome.body')}</p>
      <button type="button" class="primary" disabled={busy} onClick={() => void openDemo()}>
        {busy ? t('home:welcome.openingDemo') : t('home:welcome.openDemo')}
      </button>
      <p class="muted">{t('home:welcome.orCreate')}</p>
    </section>
  );
}

/** Shown while a demo class exists: it goes in one action, the teacher's own classes stay. */
export function DemoNotice() {
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    try {
      await (await demo()).removeDemoData();
      showToast(t('home:demo.removed'));
    } catch (error) {
      reportStorageError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card demo-notice" aria-labelledby="demo-heading">
      <h2 id="demo-heading">{t('home:demo.heading')}</h2>
      <p>{t('home:demo.body')}</p>
      <button type="button" class="danger" disabled={busy} onClick={() => void remove()}>
        {t('home:demo.remove')}
      </button>
    </section>
  );
}
