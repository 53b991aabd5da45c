import { ExpectationsPage } from './pages/ExpectationsPage';
import { HomePage } from './pages/HomePage';
import { PupilsPage } from './pages/PupilsPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';

const NAMES = ['Ayoub', 'Bram', 'Chloë', 'Daan', 'Emma', 'Finn', 'Gijs', 'Hiba', 'Isa', 'Jesse'];
// Seating order is the paste order. Daan is skipped, Gijs is "not sure".
const ROUND: Record<string, string> = {
  Ayoub: 'boven het klasniveau',
  Bram: 'op het klasniveau',
  Chloë: 'ver boven het klasniveau',
  Daan: 'skip',
  Emma: 'op het klasniveau',
  Finn: 'onder het klasniveau',
  Gijs: 'notSure',
  Hiba: 'boven het klasniveau',
  Isa: 'op het klasniveau',
  Jesse: 'ver onder het klasniveau',
};

// Fixed clocks (local time of the browser) so "today" and "last time" are known dates.
const SEPTEMBER = new Date(2025, 8, 3, 10, 0);
const NOVEMBER = new Date(2025, 10, 12, 9, 0);

test('rate a whole class in one pass, one tap each, and find it all back after a reload', async ({
  page,
}) => {
  test.slow();
  await page.clock.setFixedTime(SEPTEMBER);
  await openApp(page);
  const classId = await new HomePage(page).createClass('2B', { schoolType: 'secondary' });
  await new PupilsPage(page).open(classId);
  await new PupilsPage(page).pasteNames(NAMES);

  const exp = new ExpectationsPage(page);
  await exp.open(classId);
  await expect(page.getByText('Alleen jij ziet deze verwachtingen.')).toBeVisible();
  await expect(exp.status).toHaveCount(0);
  await expect(
    page.getByText('Je hebt voor deze klas nog geen verwachtingen ingevuld.'),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'expectations, before a round');

  await exp.startButton.click();
  await expect(exp.startButton).toHaveCount(0);
  for (const [i, name] of NAMES.entries()) {
    await expect(exp.card(name)).toBeVisible();
    await expect(exp.progress).toHaveText(`${i + 1} van 10`);
    await expect(exp.card(name)).toContainText('Nog niet eerder ingevuld.');
    const answer = ROUND[name]!;
    if (i === 0) {
      // "How sure" is chosen before the step; the step tap still saves and moves on.
      await exp.confidence('redelijk zeker').click();
      await expect(exp.confidence('redelijk zeker')).toHaveAttribute('aria-pressed', 'true');
      await expectNoSeriousA11yViolations(page, 'expectations, a pupil card');
    }
    if (answer === 'skip') await exp.skipButton.click();
    else if (answer === 'notSure') await exp.notSureButton.click();
    else await exp.rate(name, answer);
  }

  await expect(exp.summary).toBeVisible();
  await expect(exp.summary).toContainText('Je hebt 8 leerlingen een verwachting gegeven.');
  await expect(exp.summary).toContainText('Overgeslagen: Daan.');
  await expect(exp.summary).toContainText('Nog geen beeld van: Gijs.');
  await expect(exp.status).toContainText('Vandaag heb je 8 van de 10 leerlingen ingevuld.');
  await expectNoSeriousA11yViolations(page, 'expectations, summary');

  await page.reload();
  await expect(exp.heading).toBeVisible();
  await expect(exp.status).toContainText('Vandaag heb je 8 van de 10 leerlingen ingevuld.');
  // 1 well below, 1 below, 3 at, 2 above, 1 well above.
  for (const line of [
    'ver onder het klasniveau: 1',
    'onder het klasniveau: 1',
    'op het klasniveau: 3',
    'boven het klasniveau: 2',
    'ver boven het klasniveau: 1',
  ]) {
    await expect(exp.status.getByText(line, { exact: true })).toBeVisible();
  }
  await expect(await exp.currentOf('Ayoub')).toContainText('boven het klasniveau, 3 sep');
  await expect(await exp.currentOf('Jesse')).toContainText('ver onder het klasniveau, 3 sep');
  await expect(await exp.currentOf('Daan')).toContainText('nog niet ingevuld');
  await expect(await exp.currentOf('Gijs')).toContainText('nog niet ingevuld');

  // The rest of the round: only the two still open.
  await expect(exp.startButton).toHaveText('Verder met wie nog open staan (2)');
  await exp.startButton.click();
  await expect(exp.progress).toHaveText('1 van 2');
  await exp.rate('Daan', 'onder het klasniveau');
  await exp.rate('Gijs', 'op het klasniveau');
  await expect(exp.summary).toContainText('Je hebt 2 leerlingen een verwachting gegeven.');
  await expect(exp.status).toContainText('Vandaag heb je 10 van de 10 leerlingen ingevuld.');

  // Rating again on the same day corrects the rating instead of adding one.
  await exp.summary.getByRole('button', { name: 'Klaar' }).click();
  await exp.againButton.click();
  await expect(exp.card('Ayoub')).toContainText('Vandaag gekozen: boven het klasniveau');
  await expect(exp.step('boven het klasniveau')).toHaveAttribute('aria-pressed', 'true');
  await exp.rate('Ayoub', 'op het klasniveau');
  await page.getByRole('button', { name: 'Stoppen met de ronde' }).click();
  await expect(exp.status).toContainText('Vandaag heb je 10 van de 10 leerlingen ingevuld.');
  await expect(exp.status.getByText('op het klasniveau: 5', { exact: true })).toBeVisible();

  // Weeks later: the card shows last time's rating, with how sure the teacher was.
  await page.clock.setFixedTime(NOVEMBER);
  await page.reload();
  await expect(exp.status).toContainText('Op wo 3 september 2025 heb je 10 van de 10 leerlingen');
  await exp.startButton.click();
  await expect(exp.card('Ayoub')).toContainText(
    'Vorige keer: op het klasniveau (redelijk zeker), 3 sep',
  );
  await exp.rate('Ayoub', 'boven het klasniveau');
  await expect(exp.card('Bram')).toContainText('Vorige keer: op het klasniveau, 3 sep');
});

test('switch to the school levels, with a warning when ratings exist', async ({ page }) => {
  await openApp(page);
  const classId = await new HomePage(page).createClass('3C', { schoolType: 'secondary' });
  await new PupilsPage(page).open(classId);
  await new PupilsPage(page).pasteNames(['Lotte', 'Mo']);
  const exp = new ExpectationsPage(page);
  await exp.open(classId);
  await exp.startButton.click();
  await exp.rate('Lotte', 'boven het klasniveau');
  await page.getByRole('button', { name: 'Stoppen met de ronde' }).click();
  await expect(exp.summary).toContainText('Nog niet aan bod geweest: Mo.');

  await page.getByRole('button', { name: 'Schaal wijzigen' }).click();
  await page.getByRole('radio', { name: /De eigen niveaus van je school/ }).check();
  const levels = page.getByLabel('Niveaus, één per regel, laagste eerst');
  await levels.fill('kader\nmavo\nKader');
  await page.getByRole('button', { name: 'Schaal opslaan' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Toch wijzigen' }).click();
  await expect(page.getByRole('alert')).toHaveText('‘Kader’ staat er twee keer in.');

  await page.getByRole('radio', { name: /Niveaus voortgezet onderwijs/ }).check();
  await expect(
    page.getByText('Deze klas heeft al 1 ingevulde verwachting.').filter({ visible: true }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Schaal opslaan' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Toch wijzigen' }).click();
  await expect(
    page.getByText('Niveaus van je school: vmbo-b, vmbo-k, vmbo-gt, havo, vwo'),
  ).toBeVisible();

  await exp.summary.getByRole('button', { name: 'Klaar' }).click();
  // Nobody has a rating on the new scale yet: the round starts afresh.
  await exp.startButton.click();
  // Lotte's rating of today was given on the 5-step scale: it is kept, but not read as a level
  // (its step 4 of 5 would have read as "havo"), so the round asks her again.
  await expect(exp.card('Lotte')).not.toContainText('Vandaag gekozen');
  await exp.rate('Lotte', 'vmbo-gt');
  await exp.rate('Mo', 'vwo');
  await expect(exp.summary).toContainText('Je hebt 2 leerlingen een verwachting gegeven.');
  await expectNoSeriousA11yViolations(page, 'expectations, levels scale');
});

test('on a wide screen the round is a table with a radio group per pupil', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 800 });
  await openApp(page);
  const classId = await new HomePage(page).createClass('4D');
  await new PupilsPage(page).open(classId);
  await new PupilsPage(page).pasteNames(['Nora', 'Omar']);
  const exp = new ExpectationsPage(page);
  await exp.open(classId);
  const table = page.getByRole('table');
  await table.getByRole('radio', { name: 'Omar: onder het klasniveau' }).check();
  await table.getByRole('combobox', { name: 'Hoe zeker ben je over Omar?' }).selectOption('very');
  await expect(exp.status).toContainText('Vandaag heb je 1 van de 2 leerlingen ingevuld.');
  await expectNoSeriousA11yViolations(page, 'expectations table');
  await page.reload();
  await expect(table.getByRole('radio', { name: 'Omar: onder het klasniveau' })).toBeChecked();
  await expect(table.getByRole('combobox', { name: 'Hoe zeker ben je over Omar?' })).toHaveValue(
    'very',
  );
  await table.getByRole('button', { name: 'Verwachting van vandaag voor Omar wissen' }).click();
  await expect(
    page.getByText('Je hebt voor deze klas nog geen verwachtingen ingevuld.'),
  ).toBeVisible();
});
