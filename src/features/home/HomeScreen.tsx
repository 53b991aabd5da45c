import { lazyScreen } from '../../ui/lazy';
import { useEffect } from 'preact/hooks';
import { useClassSummaries } from '../../db/hooks';
import { reportStorageError } from '../../db/status';
import { t } from '../../i18n';
import { afterStart, markStartScreenReady, useAfterStart } from '../../ui/afterStart';
import { Screen } from '../../ui/Screen';
import { ClassList } from './ClassList';
import { NewClassForm } from './NewClassForm';
import { DemoNotice, Welcome } from './Welcome';
import './home.css';

// Loaded after the first paint: the reminder needs the backup strings and is rarely shown.
const BackupReminder = lazyScreen(
  () => import('../backup/BackupReminder').then((m) => m.BackupReminder),
  'nothing',
  ['backup'],
);

// The lock's button and offer: small, loaded after the first paint with their strings.
const LockButton = lazyScreen(
  () => import('../lock/LockButton').then((m) => m.LockButton),
  'nothing',
  ['lock'],
);
const LockOffer = lazyScreen(
  () => import('../lock/LockOffer').then((m) => m.LockOffer),
  'nothing',
  ['lock'],
);

function SettingsLink() {
  return (
    <a class="icon-link" href="#/settings">
      <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M19.4 13a7.5 7.5 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.6 7.6 0 0 0-1.7-1L15 3h-4l-.4 2.9a7.6 7.6 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.5 7.5 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1a7.6 7.6 0 0 0 1.7 1L11 21h4l.4-2.9a7.6 7.6 0 0 0 1.7-1l2.5 1 2-3.5L19.4 13ZM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7Z"
          transform="translate(-1 0)"
        />
      </svg>
      <span class="visually-hidden">{t('common:settings')}</span>
    </a>
  );
}

/** The start screen: the teacher's classes, a way to add one, and a welcome on first use. */
export function HomeScreen() {
  // The first value was read at boot (startRead.ts); from then on the query is live.
  const summaries = useClassSummaries();

  // Classes deleted longer ago than the undo window are removed for good, once the screen shows
  // its classes and the main thread is idle (not before the start screen takes a tap).
  useEffect(() => {
    afterStart(() => {
      import('../../db/repo/maintenance')
        .then((m) => m.purgeDeletedClasses(new Date()))
        .catch(reportStorageError);
    });
  }, []);

  // The start screen shows its data and takes a tap: the start-up benchmark's finish line.
  const loaded = summaries !== undefined;
  useEffect(() => {
    if (loaded) markStartScreenReady();
  }, [loaded]);
  const started = useAfterStart();

  const active = summaries?.filter((s) => !s.cls.archivedAt) ?? [];
  const archived = summaries?.filter((s) => s.cls.archivedAt) ?? [];
  const hasDemo = summaries?.some((s) => s.cls.isDemo) ?? false;

  return (
    <Screen
      title={t('home:title')}
      actions={
        <>
          {started ? <LockButton /> : null}
          <SettingsLink />
        </>
      }
    >
      {started ? <BackupReminder /> : null}
      {summaries === undefined ? <p class="loading">{t('common:loading')}</p> : null}
      {summaries?.length === 0 ? <Welcome /> : null}
      {active.length > 0 ? (
        <section aria-labelledby="classes-heading">
          <h2 id="classes-heading">{t('home:classes.heading')}</h2>
          <ClassList summaries={active} />
        </section>
      ) : null}
      {active.length === 0 && archived.length > 0 ? (
        <p class="muted">{t('home:classes.allArchived')}</p>
      ) : null}
      {archived.length > 0 ? (
        <details class="archived-classes">
          <summary>{t('home:classes.archived', { count: archived.length })}</summary>
          <ClassList summaries={archived} />
        </details>
      ) : null}
      {started && active.length > 0 ? <LockOffer /> : null}
      {summaries !== undefined ? <NewClassForm /> : null}
      {hasDemo ? <DemoNotice /> : null}
      <p class="home-coach">
        <a href="#/coach">{t('home:coachLink')}</a>
      </p>
    </Screen>
  );
}
