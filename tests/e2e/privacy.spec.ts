import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';

// The in-app privacy page (issue 11, point 9): reachable from Settings and About, complete in
// Dutch and English, accessible.

test('the privacy page is linked from settings and about, in Dutch, and accessible', async ({
  page,
}) => {
  await openApp(page, '/#/settings');
  await page.getByRole('link', { name: /^Privacy: wat Spiegel bewaart/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
  for (const heading of [
    'Wat Spiegel bewaart, en waar',
    'Wie is verantwoordelijk',
    'Wat het apparaat verlaat, en wanneer',
    'Codes in plaats van namen, en de grenzen daarvan',
    'Schrijf geen bijzondere persoonsgegevens op',
    'Hoe lang gegevens blijven',
    'Een verzoek om inzage of verwijdering afhandelen',
    'Beveiliging',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByText(/dyslexie vermoed/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'privacy page (nl)');

  await page.goto('/#/about');
  await page.getByRole('link', { name: /^Privacy: wat Spiegel bewaart/ }).click();
  await expect(page).toHaveURL(/#\/privacy$/);
});

test('the privacy page in English', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('spiegel.language', 'en'));
  await openApp(page, '/#/privacy');
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Who is responsible' })).toBeVisible();
  await expect(page.getByText(/school is the controller/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'privacy page (en)');
});

test('settings show each class with its age and size (retention)', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Naam van de klas').fill('Groep 8');
  await page.getByRole('button', { name: 'Klas maken' }).click();
  await expect(page).toHaveURL(/#\/class\/[^/]+$/);
  await page.goto('/#/settings');
  const section = page.getByRole('region', { name: 'Bewaren en opruimen' });
  await expect(section).toBeVisible();
  await expect(section.getByText('Groep 8')).toBeVisible();
  await expect(section.getByText(/0 gegevens/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'settings with retention');
});
