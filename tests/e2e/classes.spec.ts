import { ClassPage } from './pages/ClassPage';
import { HomePage } from './pages/HomePage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';

test('a new teacher is welcomed and offered the demo class', async ({ page }) => {
  await openApp(page);
  const home = new HomePage(page);
  await expect(home.heading).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welkom bij Spiegel' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open de demoklas' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Instellingen' })).toHaveAttribute(
    'href',
    '#/settings',
  );
  await expectNoSeriousA11yViolations(page, 'start screen (empty)');
});

test('an empty class name is refused with a message and nothing typed is lost', async ({
  page,
}) => {
  await openApp(page);
  const home = new HomePage(page);
  await page.getByLabel('Leerjaar of groep').fill('groep 6');
  await home.nameField.fill('   ');
  await home.createButton.click();
  await expect(home.nameField).toHaveAccessibleDescription(/Geef de klas een naam/);
  await expect(home.nameField).toBeFocused();
  await expect(page.getByLabel('Leerjaar of groep')).toHaveValue('groep 6');
  await expect(home.heading).toBeVisible();

  await home.nameField.fill('6B');
  await home.createButton.click();
  await expect(page.getByRole('heading', { level: 1, name: '6B' })).toBeVisible();
  await expect(page.getByText('groep 6 · 0 leerlingen')).toBeVisible();
});

test('create, rename, archive and delete a class, with undo', async ({ page }) => {
  await openApp(page);
  const home = new HomePage(page);
  const id = await home.createClass('  Groep 7a ', { yearLabel: 'groep 7' });
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  const cls = new ClassPage(page);
  // An empty class leads to adding pupils first.
  await expect(page.getByRole('heading', { name: 'Voeg eerst je leerlingen toe' })).toBeVisible();
  await expect(cls.startLessonLink).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'class screen (empty class)');

  await cls.rename('Groep 7b');
  await expect(cls.heading('Groep 7b')).toBeVisible();

  await cls.archive();
  await page.getByRole('link', { name: 'Terug' }).click();
  await expect(home.activeClasses).toHaveCount(0);
  await expect(home.archivedSection).toBeVisible();
  await home.archivedSection.getByText(/Gearchiveerde klassen \(1\)/).click();
  await home.classLink('Groep 7b').click();
  await cls.unarchive();

  await home.open();
  await expect(home.activeClasses).toHaveCount(1);
  await home.classLink('Groep 7b').click();

  await cls.delete();
  await expect(home.activeClasses).toHaveCount(0);
  const toast = page.getByRole('status').filter({ hasText: 'Groep 7b is verwijderd.' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(home.classLink('Groep 7b')).toBeVisible();

  // Deleting again without undo: the class is gone after a reload.
  await home.classLink('Groep 7b').click();
  await cls.delete();
  await page.reload();
  await expect(home.heading).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welkom bij Spiegel' })).toBeVisible();
});

test('the class screen of a class with pupils offers the lesson and every part', async ({
  page,
}) => {
  await openApp(page);
  const id = await new HomePage(page).createClass('2 havo Nederlands', {
    schoolType: 'secondary',
    yearLabel: '2 havo',
  });
  await page.goto(`/#/class/${id}/pupils`);
  await page.getByLabel('Namen, één per regel').fill('Sem\nBo\nIda');
  await page.getByRole('button', { name: '3 leerlingen toevoegen' }).click();
  await page.getByRole('link', { name: 'Terug' }).click();

  const cls = new ClassPage(page);
  await expect(page.getByText('2 havo · 3 leerlingen')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Deze klas' });
  for (const [name, path] of [
    ['Leerlingen 3', 'pupils'],
    ['Plattegrond', 'seating'],
    ['Kenmerken', 'lenses'],
    ['Banking Time', 'banking'],
  ] as const) {
    await expect(nav.getByRole('link', { name })).toHaveAttribute('href', `#/class/${id}/${path}`);
  }
  await expect(page.getByRole('link', { name: 'Les achteraf vastleggen' })).toHaveAttribute(
    'href',
    `#/class/${id}/after`,
  );
  await expectNoSeriousA11yViolations(page, 'class screen');
  await cls.startLesson();
});

test('an unknown class id gets a friendly message', async ({ page }) => {
  await openApp(page, '/#/class/does-not-exist');
  await expect(page.getByRole('heading', { level: 1, name: 'Klas niet gevonden' })).toBeVisible();
  await page.getByRole('link', { name: 'Naar je klassen' }).click();
  await expect(new HomePage(page).heading).toBeVisible();
});

test('the demo class opens in one click, is marked, and goes in one action', async ({ page }) => {
  await openApp(page);
  const home = new HomePage(page);
  await home.openDemoClass();
  await expect(page.getByRole('main').getByText('Demo', { exact: true })).toBeVisible();
  await expect(new ClassPage(page).startLessonLink).toBeVisible();

  await home.open();
  await expect(page.getByRole('heading', { name: 'Welkom bij Spiegel' })).toHaveCount(0);
  await expect(home.activeClasses).toHaveCount(1);
  await expect(home.activeClasses.first()).toContainText('Demo');
  await expectNoSeriousA11yViolations(page, 'start screen with the demo class');

  await page.getByRole('button', { name: 'Demoklas verwijderen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'De demoklas is verwijderd.' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welkom bij Spiegel' })).toBeVisible();
  await expect(home.activeClasses).toHaveCount(0);
});
