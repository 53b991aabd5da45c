import { HomePage } from './pages/HomePage';
import { countRecords, SettingsPage } from './pages/SettingsPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';

test('switching to English and back changes the texts, and the choice survives a reload', async ({
  page,
}) => {
  const settings = new SettingsPage(page);
  await openApp(page, '/#/settings');
  await expect(settings.heading).toBeVisible();
  await expect(settings.languageRadio('nl')).toBeChecked();

  await settings.chooseLanguage('en');
  await expect(settings.languageRadio('en')).toBeChecked();
  await expect(page.getByRole('heading', { level: 2, name: 'Your data' })).toBeVisible();
  await expect(settings.deleteButton).toBeVisible();

  await page.reload();
  await expect(settings.heading).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await settings.openAbout();
  await expect(page.getByText('Version ', { exact: false })).toBeVisible();
  await page.getByRole('link', { name: /Back/ }).click();
  await expect(settings.heading).toBeVisible();

  await settings.chooseLanguage('nl');
  await expect(page.getByRole('heading', { level: 2, name: 'Je gegevens' })).toBeVisible();
  await page.reload();
  await expect(settings.heading).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

test('deleting all data needs the typed word, then leaves the empty start screen', async ({
  page,
}) => {
  const home = new HomePage(page);
  const settings = new SettingsPage(page);
  await openApp(page);
  await home.openDemoClass();
  await home.open();
  await home.createClass('Groep 5a');
  const before = await countRecords(page);
  expect(before.classes).toBe(2);
  expect(before.events).toBeGreaterThan(400);

  await settings.open();
  // A wrong word keeps the button disabled; cancelling deletes nothing.
  expect(await settings.startDeleteAll('weg')).toBe(false);
  await settings.cancelDialog();
  expect(await countRecords(page)).toEqual(before);

  await settings.deleteAll();
  await expect(home.heading).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Welkom bij Spiegel' })).toBeVisible();
  await expect(home.classLink('Groep 5a')).toHaveCount(0);
  const after = await countRecords(page);
  for (const [table, n] of Object.entries(after)) expect(n, table).toBe(0);

  // Still empty after a reload: nothing was only hidden.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Welkom bij Spiegel' })).toBeVisible();
});

test('in English the word to type is "delete", and the language choice is kept', async ({
  page,
}) => {
  const home = new HomePage(page);
  const settings = new SettingsPage(page);
  await openApp(page);
  await home.createClass('Klas 1');
  await settings.open();
  await settings.chooseLanguage('en');
  // The Dutch word does not count in English.
  expect(await settings.startDeleteAll('wissen')).toBe(false);
  await settings.cancelDialog();
  await settings.deleteAll();
  expect((await countRecords(page)).classes).toBe(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('shows the storage status and links to backup and about', async ({ page }) => {
  const settings = new SettingsPage(page);
  await settings.open();
  await expect(
    page.getByText(/blijvend|mag je gegevens opruimen|laat niet weten/).first(),
  ).toBeVisible();
  await expect(settings.backupLink).toHaveAttribute('href', '#/backup');
  await expect(page.getByText('Je hebt nog geen back-up gemaakt.')).toBeVisible();
  await expect(page.getByLabel('Herinner me aan een back-up na')).toHaveValue('14');
  const ask = page.getByRole('button', { name: 'Vraag om blijvende opslag' });
  if (await ask.isVisible()) {
    await ask.click();
    await expect(page.getByRole('status').getByText(/Gelukt|geen toestemming/)).toBeVisible();
  }
  await settings.openAbout();
  await expect(page.getByRole('heading', { level: 2, name: 'Privacy' })).toBeVisible();
  await expect(page.getByText(/Rosenthal en Jacobson \(1968\)/)).toBeVisible();
});

test('settings, the delete dialog and about have no serious accessibility violations', async ({
  page,
}) => {
  const settings = new SettingsPage(page);
  await settings.open();
  await expectNoSeriousA11yViolations(page, 'settings');
  await settings.startDeleteAll('');
  await expectNoSeriousA11yViolations(page, 'delete-all dialog');
  await settings.cancelDialog();
  await settings.openAbout();
  await expectNoSeriousA11yViolations(page, 'about');
  // And in English, where the texts are longer.
  await settings.open();
  await settings.chooseLanguage('en');
  await expectNoSeriousA11yViolations(page, 'settings (English)');
});
