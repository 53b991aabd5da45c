/**
 * Integrity across tabs (issue 9, point 9): one tab logs a lesson while another erases a pupil or
 * restores a backup. The logging tab follows the change, refuses a tap it can no longer store
 * (saying so, taking the tile back), and the next backup restores.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { BackupPage } from './pages/BackupPage';
import { ClassPage } from './pages/ClassPage';
import { HomePage } from './pages/HomePage';
import { CLASS_OF_25, LivePage } from './pages/LivePage';
import { PupilsPage } from './pages/PupilsPage';
import { lessonUnderWay } from './pages/setup';
import { StartLessonPage } from './pages/StartLessonPage';
import { expect, openApp, test } from './support/fixtures';

interface Backup {
  data: { events: { pupilId: string; lessonId: string }[]; pupils: { id: string; name: string }[] };
}

async function secondTab(context: BrowserContext): Promise<Page> {
  const other = await context.newPage();
  await openApp(other);
  return other;
}

/**
 * Marks a pupil as removed straight in IndexedDB, bypassing the app, so the logging tab does not
 * hear of it: the same position as a tab that taps before another tab's change reaches it.
 */
async function removeUnheard(page: Page, name: string): Promise<void> {
  await page.evaluate(async (pupilName) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('spiegel');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error(String(open.error)));
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('pupils', 'readwrite');
      const store = tx.objectStore('pupils');
      const all = store.getAll();
      all.onsuccess = () => {
        const pupil = (all.result as { name: string; removedAt?: string }[]).find(
          (p) => p.name === pupilName,
        );
        if (!pupil) throw new Error(`no pupil ${pupilName}`);
        store.put({ ...pupil, removedAt: new Date().toISOString() });
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    db.close();
  }, name);
}

test('another tab erases a pupil while this one logs: the tile goes, a late tap is refused, the backup restores', async ({
  page,
  context,
}) => {
  test.slow();
  const { classId, live } = await lessonUnderWay(page, '2B', CLASS_OF_25, { topic: 'Breuken' });
  await live.tapTurn('Sem');
  await live.tapTurn('Noor');

  const other = await secondTab(context);
  const otherPupils = new PupilsPage(other);
  await otherPupils.open(classId);
  await otherPupils.erasePupil('Sem');

  // The logging tab follows: Sem's tile is gone, the tally counts 24 present.
  await expect(live.tileButton('Sem')).toHaveCount(0);
  await expect(live.tally).toContainText('van 24');
  await live.tapTurn('Noor');

  // A tap that reaches the database after the pupil left is refused, said, and taken back.
  await removeUnheard(other, 'Ayoub');
  await live.tileButton('Ayoub').click();
  const refused = /Niet opgeslagen: Ayoub zit niet meer in deze klas/;
  await expect(page.locator('.toast').filter({ hasText: refused })).toBeVisible();
  await expect(live.announcer).toHaveText(refused);
  await expect(live.total('Ayoub')).toHaveText('0');

  // Nothing orphaned: the app's next full backup holds no event of Sem or Ayoub and restores.
  const backup = new BackupPage(other);
  await backup.open();
  const file = await backup.exportBackup();
  const parsed = JSON.parse(file.text) as Backup;
  const names = new Map(parsed.data.pupils.map((p) => [p.id, p.name]));
  expect(parsed.data.events.map((e) => names.get(e.pupilId)).sort()).toEqual(['Noor', 'Noor']);
  await backup.chooseFile(file.path);
  await backup.restoreReplace();
});

test('another tab restores a backup while this one logs: counts follow the file, a removed lesson stops taking taps', async ({
  page,
  context,
}) => {
  test.slow();
  const other = await secondTab(context);
  const backup = new BackupPage(other);

  const { lessonId, live } = await lessonUnderWay(page, '2B', CLASS_OF_25, { topic: 'Breuken' });
  // A backup made before this lesson's taps (the lesson exists, no events yet).
  await backup.open();
  const before = await backup.exportBackup();
  await live.tapTurn('Noor');
  await live.tapTurn('Noor');
  const twoTaps = await backup.exportBackup();
  await live.tapTurn('Noor');
  await live.tapTurn('Noor');
  await live.tapTurn('Noor');
  await expect(live.total('Noor')).toHaveText('5');

  // Replace with the file of two taps: the logging tab reads its events again.
  await backup.chooseFile(twoTaps.path);
  await backup.restoreReplace();
  await expect(live.total('Noor')).toHaveText('2');
  await live.tapTurn('Noor');
  await expect(live.total('Noor')).toHaveText('3');

  const after = await backup.exportBackup();
  const events = (JSON.parse(after.text) as Backup).data.events;
  expect(events.filter((e) => e.lessonId === lessonId)).toHaveLength(3);

  // Replace with the file made before any tap: the lesson stays, its counts go back to 0.
  await backup.chooseFile(before.path);
  await backup.restoreReplace();
  await expect(live.total('Noor')).toHaveText('0');

  // The app's own backup of this state restores.
  const last = await backup.exportBackup();
  await backup.chooseFile(last.path);
  await backup.restoreReplace();
});

test('a restore from before the lesson removes it: the logging tab says so and takes no taps', async ({
  page,
  context,
}) => {
  test.slow();
  await openApp(page);
  const classId = await new HomePage(page).createClass('2C');
  const pupils = new PupilsPage(page);
  await pupils.open(classId);
  await pupils.pasteNames(CLASS_OF_25.slice(0, 6));

  const other = await secondTab(context);
  const backup = new BackupPage(other);
  await backup.open();
  const beforeLesson = await backup.exportBackup();

  const classPage = new ClassPage(page);
  await classPage.open(classId);
  await classPage.startLesson();
  await new StartLessonPage(page).start();
  const live = new LivePage(page);
  await live.waitReady();
  await live.tapTurn('Noor');

  await backup.chooseFile(beforeLesson.path);
  await backup.restoreReplace();
  await expect(page.getByRole('heading', { level: 1, name: 'Les niet gevonden' })).toBeVisible();

  const after = await backup.exportBackup();
  expect((JSON.parse(after.text) as Backup).data.events).toHaveLength(0);
  await backup.chooseFile(after.path);
  await backup.restoreReplace();
});
