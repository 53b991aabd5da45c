import { HomePage } from './pages/HomePage';
import { PupilPage, recordCounts } from './pages/PupilPage';
import { PupilsPage } from './pages/PupilsPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';

interface ExportFile {
  format: string;
  formatVersion: number;
  class: { id: string; name: string };
  pupil: { id: string; name: string };
  lenses: { lens: string; value: string }[];
  lessons: { id: string }[];
  events: { pupilId: string; lessonId: string }[];
  absences: { pupilId: string }[];
  banking: { pupilId: string }[];
  expectations: { pupilId: string }[];
  achievements: { pupilId: string }[];
  relationships: { pupilId: string }[];
}

test('a pupil page: timeline, export, print view, and deletion with all data', async ({ page }) => {
  // Many steps, a large demo class and two axe scans on a busy 2-core machine.
  test.slow();
  await openApp(page);
  await new HomePage(page).openDemoClass();
  const classUrl = page.url();

  const pupil = new PupilPage(page);
  const id = await pupil.openByName('Daan');
  await expect(pupil.backLink).toHaveAttribute('href', new URL(classUrl).hash);

  // Summary, sparkline with its text, and a timeline of dated entries.
  await expect(pupil.summary).toContainText(/\d+ lessen aanwezig, \d+ afwezig/);
  await expect(pupil.summary).toContainText('Je verwachting nu');
  await expect(pupil.summary.getByRole('listitem').filter({ hasText: 'Beurt' })).toHaveCount(1);
  await expect(pupil.sparkline).toBeVisible();
  await expect(page.locator('#pupil-spark-caption')).toContainText(/interacties per les/);
  expect(await pupil.days.count()).toBeGreaterThan(5);
  await expect(pupil.timeline.getByText(/Les · \d\d:\d\d/).first()).toBeVisible();
  await expect(pupil.timeline.getByText(/Je verwachting: /).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'pupil page');

  // A lesson on the timeline opens in the lesson editor, where any entry can be fixed.
  await pupil.timeline
    .getByRole('link', { name: /^Les aanpassen/ })
    .first()
    .click();
  await expect(page).toHaveURL(/#\/lesson\/[^/]+\/edit$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Les aanpassen · / })).toBeVisible();
  await page.goBack();
  await expect(pupil.timeline).toBeVisible();

  // Export: the download holds exactly this pupil's records and the class name.
  const counts = await recordCounts(page, id);
  const file = await pupil.exportJson();
  expect(file.name).toMatch(/^spiegel-daan-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(file.text) as ExportFile;
  expect(data.format).toBe('spiegel-pupil');
  expect(data.formatVersion).toBe(1);
  expect(data.class.name).toBe('Demoklas groep 7');
  expect(data.pupil).toMatchObject({ id, name: 'Daan' });
  expect(data.lenses.map((l) => l.lens)).toEqual(['Thuistaal', 'Schooladvies']);
  for (const table of [
    'events',
    'absences',
    'banking',
    'expectations',
    'achievements',
    'relationships',
  ] as const) {
    expect(data[table], table).toHaveLength(counts[table] ?? -1);
    expect(data[table].every((r) => r.pupilId === id)).toBe(true);
  }
  expect(data.events.length).toBeGreaterThan(0);
  const lessonIds = new Set(data.lessons.map((l) => l.id));
  expect(data.events.every((e) => lessonIds.has(e.lessonId))).toBe(true);

  // Print: the button asks the browser to print; the print view drops navigation and buttons.
  expect(await pupil.print()).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(pupil.backLink).toBeHidden();
  await expect(pupil.actions).toBeHidden();
  await expect(pupil.heading('Daan')).toBeVisible();
  await expect(pupil.summary).toBeVisible();
  await expect(pupil.timeline).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(pupil.backLink).toBeVisible();

  // Delete: the name must be typed; afterwards nothing about the pupil is left.
  const dialog = await pupil.startDelete('Daan');
  await dialog.getByLabel('Typ ‘Daan’ om te bevestigen').fill('Dana');
  await expect(dialog.getByRole('button', { name: 'Definitief verwijderen' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(dialog).toBeHidden();
  await pupil.deletePupil('Daan');
  expect(page.url()).toBe(classUrl);
  await expect(page.getByText('Daan en alle gegevens zijn verwijderd.')).toBeVisible();
  const after = await recordCounts(page, id);
  expect(
    Object.values(after).every((n) => n === 0),
    JSON.stringify(after),
  ).toBe(true);

  await pupil.open(id);
  await expect(pupil.heading('Leerling niet gevonden')).toBeVisible();
});

test('a pupil without any records shows an empty, friendly page', async ({ page }) => {
  await openApp(page);
  const classId = await new HomePage(page).createClass('Groep 4');
  const pupils = new PupilsPage(page);
  await pupils.open(classId);
  await pupils.addPupil('Noor');

  const pupil = new PupilPage(page);
  await pupil.openByName('Noor');
  await expect(pupil.summary).toContainText('0 lessen aanwezig, 0 afwezig');
  await expect(pupil.timeline).toContainText('Je hebt nog niets over Noor vastgelegd.');
  await expect(page.getByText('Nog geen lessen waarin Noor in de klas zat.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'empty pupil page');
});
