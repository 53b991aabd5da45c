import { HomePage } from './pages/HomePage';
import { PupilsPage } from './pages/PupilsPage';
import { RelationshipsPage } from './pages/RelationshipsPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';

test('a relationship round for two pupils: three numbers, a private note, kept after a reload', async ({
  page,
}) => {
  test.slow();
  await openApp(page);
  const classId = await new HomePage(page).createClass('Groep 7');
  await new PupilsPage(page).open(classId);
  await new PupilsPage(page).pasteNames(['Sara', 'Tim']);

  const rel = new RelationshipsPage(page);
  await rel.open(classId);
  await expect(page.getByText('Student–Teacher Relationship Scale')).toBeVisible();
  await expect(page.getByText('Alleen jij ziet deze inschattingen en notities.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'relationships, before a round');

  await rel.startButton.click();
  await expect(rel.card('Sara')).toBeVisible();
  await expect(page.getByText('1 van 2', { exact: true })).toBeVisible();
  // Each dimension explains itself in one line.
  await expect(page.getByRole('group', { name: 'Nabijheid', exact: true })).toContainText(
    'Hoe warm en open het contact voelt',
  );
  await rel.choose('Nabijheid', 4);
  await rel.choose('Conflict', 2);
  await rel.choose('Afhankelijkheid', 1);
  await expect(rel.radio('Nabijheid', 4)).toBeChecked();
  await rel.noteToggle.click();
  await rel.note('Sara').fill('Ze maakt me aan het lachen, ook op lastige dagen.');
  await expectNoSeriousA11yViolations(page, 'relationships, a pupil card');
  await rel.saveButton.click();

  await expect(rel.card('Tim')).toBeVisible();
  await expect(page.getByText('2 van 2', { exact: true })).toBeVisible();
  // Nothing half-rated is saved: all three are needed.
  await rel.choose('Nabijheid', 2);
  await rel.saveButton.click();
  await expect(page.getByRole('alert')).toHaveText('Kies bij alle drie een getal.');
  await expect(rel.card('Tim')).toBeVisible();
  await rel.choose('Conflict', 5);
  await rel.choose('Afhankelijkheid', 3);
  await rel.saveButton.click();

  await expect(rel.summary).toContainText('Je hebt 2 leerlingen ingevuld.');
  await expect(rel.status).toContainText('Vandaag heb je 2 van de 2 leerlingen ingevuld.');

  await page.reload();
  await expect(rel.heading).toBeVisible();
  await expect(rel.status).toContainText('Vandaag heb je 2 van de 2 leerlingen ingevuld.');
  const sara = await rel.currentOf('Sara');
  await expect(sara).toContainText('nabijheid 4, conflict 2, afhankelijkheid 1');
  await expect(sara).toContainText('Ze maakt me aan het lachen, ook op lastige dagen.');
  await expect(await rel.currentOf('Tim')).toContainText(
    'nabijheid 2, conflict 5, afhankelijkheid 3',
  );
  await expectNoSeriousA11yViolations(page, 'relationships, after a round');

  // Going through again the same day shows today's numbers, ready to correct.
  await page.getByRole('button', { name: 'Iedereen opnieuw langsgaan' }).click();
  await expect(rel.radio('Conflict', 2)).toBeChecked();
  await rel.choose('Conflict', 3);
  await rel.saveButton.click();
  await expect(rel.card('Tim')).toBeVisible();
  await page.getByRole('button', { name: 'Stoppen met de ronde' }).click();
  await expect(await rel.currentOf('Sara')).toContainText(
    'nabijheid 4, conflict 3, afhankelijkheid 1',
  );
  await expect(rel.status).toContainText('Vandaag heb je 2 van de 2 leerlingen ingevuld.');
});

test('on a wide screen each pupil is a table row, saved once all three are chosen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  const classId = await new HomePage(page).createClass('Groep 8');
  await new PupilsPage(page).open(classId);
  await new PupilsPage(page).pasteNames(['Umut', 'Vera']);
  const rel = new RelationshipsPage(page);
  await rel.open(classId);
  const group = (dimension: string) =>
    page.getByRole('group', { name: `${dimension} voor Vera`, exact: true });
  await group('Nabijheid').getByRole('radio', { name: /^5/ }).check();
  await group('Conflict').getByRole('radio', { name: /^1/ }).check();
  await expect(page.getByText('Je hebt voor deze klas nog geen relatie ingevuld.')).toBeVisible();
  await group('Afhankelijkheid').getByRole('radio', { name: /^2/ }).check();
  await expect(rel.status).toContainText('Vandaag heb je 1 van de 2 leerlingen ingevuld.');
  await page.getByLabel('Wat roept Vera bij je op? (privé)').fill('Rustig en nieuwsgierig');
  await page.getByLabel('Wat roept Vera bij je op? (privé)').press('Tab');
  await expectNoSeriousA11yViolations(page, 'relationships table');
  await page.reload();
  await expect(group('Afhankelijkheid').getByRole('radio', { name: /^2/ })).toBeChecked();
  await expect(page.getByLabel('Wat roept Vera bij je op? (privé)')).toHaveValue(
    'Rustig en nieuwsgierig',
  );
});
