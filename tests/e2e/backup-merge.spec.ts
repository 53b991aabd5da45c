/**
 * A merge never moves a lesson (issue 16): a file that gives a lesson this device holds another
 * date is refused with a message naming the lesson, nothing changes, and after an accepted merge
 * the app's own backup restores.
 */
import { HomePage } from './pages/HomePage';
import { BackupPage, dumpDatabase, edited } from './pages/BackupPage';
import { expect, openApp, test } from './support/fixtures';

test('a merge that would move a lesson to another date is refused; nothing changes', async ({
  page,
}) => {
  test.slow();
  await openApp(page);
  await new HomePage(page).openDemoClass();
  const backup = new BackupPage(page);
  await backup.open();
  const good = await backup.exportBackup();
  const before = await dumpDatabase(page);

  // The file is consistent in itself (its events follow the lesson), but moves a stored lesson.
  const moved = edited(good.text, (f) => {
    const lesson = f.data.lessons![0]!;
    lesson.date = '2020-01-06';
    lesson.updatedAt = '2099-01-01T00:00:00.000Z';
    for (const e of f.data.events!) if (e.lessonId === lesson.id) e.date = '2020-01-06';
  });
  await backup.chooseFile({ name: 'moved.json', text: moved });
  await page.getByRole('radio', { name: /^Samenvoegen/ }).check();
  await backup.restoreButton.click();
  await expect(backup.error).toBeVisible();
  await expect(backup.error).toContainText('lessons[0].date');
  await expect(backup.error).toContainText('Een back-up verplaatst geen les');
  await expect(backup.error).toContainText('Er is niets veranderd aan wat er in de app staat.');
  expect(await dumpDatabase(page)).toEqual(before);

  // The unedited file merges (nothing new), and the app's next backup restores.
  await backup.chooseFile(good.path);
  await backup.restoreMerge();
  const next = await backup.exportBackup();
  await backup.chooseFile(next.path);
  await backup.restoreReplace();
  expect(await dumpDatabase(page)).toEqual(before);
});
