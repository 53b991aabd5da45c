import { HomePage } from './pages/HomePage';
import { InsightsPage } from './pages/InsightsPage';
import { LockPage, rawNames } from './pages/LockPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';

const PASSPHRASE = 'zeven kleine olifanten';

test('the app lock: set on the demo class, locked after a reload, a wrong passphrase refused, the right one shows the class', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const home = new HomePage(page);
  const lock = new LockPage(page);
  const insights = new InsightsPage(page);
  await openApp(page);
  await home.openDemoClass();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Even laden…');
  const className = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  expect(className).not.toBe('');

  // A second tab, open while the lock goes on: it follows and shows the lock screen.
  const other = await context.newPage();
  await openApp(other);
  await expect(new HomePage(other).classLink(className)).toBeVisible();

  const code = await lock.turnOn(PASSPHRASE);
  await expect(new LockPage(other).lockScreenHeading).toBeVisible();
  await expect(other.getByText(className)).toHaveCount(0);
  await other.close();
  expect(code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  // At rest: no class name in IndexedDB any more.
  expect(await rawNames(page)).not.toContain(className);

  await page.reload();
  await expect(lock.lockScreenHeading).toBeVisible();
  await expect(page.getByText(className)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'lock screen');

  await lock.submit('niet mijn wachtwoord');
  await expect(page.getByRole('alert')).toContainText('Dit wachtwoord klopt niet', {
    timeout: 30_000,
  });
  await expect(lock.lockScreenHeading).toBeVisible();

  await lock.submit(PASSPHRASE);
  // Back where the reload left off (settings); the start screen lists the class again.
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible({
    timeout: 30_000,
  });
  await home.open();
  await expect(home.classLink(className)).toBeVisible();
  // The analysis (in its worker, with the data key) reads the encrypted records too.
  await home.classLink(className).click();
  await insights.openFromClass();
  await expect(insights.basis).toBeVisible();
  await home.open();

  // On demand, from the start screen's header.
  await page.getByRole('button', { name: 'Vergrendel Spiegel' }).click();
  await expect(lock.lockScreenHeading).toBeVisible();
  await expect(page.getByText(className)).toHaveCount(0);
});
