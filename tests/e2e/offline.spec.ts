import { ClassPage } from './pages/ClassPage';
import { HomePage } from './pages/HomePage';
import {
  CLASS_OF_25,
  LivePage,
  TOTALS_AFTER_ELEVEN,
  expectTotals,
  logElevenEvents,
} from './pages/LivePage';
import { PupilsPage } from './pages/PupilsPage';
import { StartLessonPage } from './pages/StartLessonPage';
import {
  expect,
  goOffline,
  goOnline,
  openApp,
  test,
  waitForServiceWorkerControl,
} from './support/fixtures';

test('offline after the first visit: set up a class, log a lesson, undo, reload — all still there', async ({
  page,
  context,
}) => {
  await openApp(page);
  await waitForServiceWorkerControl(page);
  await goOffline(context);
  // Prove the network is really gone for this page.
  const fetched = await page.evaluate(() =>
    fetch('/robots.txt?offline-probe', { cache: 'no-store' }).then(
      () => 'reached',
      () => 'failed',
    ),
  );
  expect(fetched).toBe('failed');

  const classId = await new HomePage(page).createClass('Offline 2C');
  const pupils = new PupilsPage(page);
  // Every screen's code comes from the precache: navigate within the app, no network.
  await pupils.open(classId);
  await pupils.pasteNames(CLASS_OF_25);

  const classPage = new ClassPage(page);
  await classPage.open(classId);
  await classPage.startLesson();
  const lessonId = await new StartLessonPage(page).start({ topic: 'Zonder wifi' });

  const live = new LivePage(page);
  await live.waitReady();
  await logElevenEvents(live);
  await expectTotals(live, TOTALS_AFTER_ELEVEN);

  // A reload while offline is served by the service worker; the data comes from IndexedDB.
  await page.reload();
  await live.waitReady();
  await expect(page).toHaveURL(new RegExp(`#/lesson/${lessonId}$`));
  await expectTotals(live, TOTALS_AFTER_ELEVEN);
  await expect(live.tally).toContainText('11 interacties');

  // Logging goes on after the offline reload.
  await live.tapTurn('Zoë');
  await live.endLesson();
  await expect(page.getByRole('region', { name: 'Lessen' })).toContainText('12 interacties');

  await goOnline(context);
});
