/**
 * Issue 14 at 360×740 in Dutch: where the teacher places the cause (pupil page → the mirror on
 * the intentions screen), deliberate help in an intention (form → card → the prompt that asks
 * about challenge; the help cards on the insights screen count it apart), and the coding guide with its practice round (from the help sheet of the
 * after-lesson screen and back). Axe on every new screen and state.
 */
import { AfterLessonPage, isoDaysAgo } from './pages/AfterLessonPage';
import { ClassPage } from './pages/ClassPage';
import { HomePage } from './pages/HomePage';
import { InsightsPage } from './pages/InsightsPage';
import { IntentionsPage } from './pages/IntentionsPage';
import { PromptsPage } from './pages/PromptsPage';
import { PupilPage } from './pages/PupilPage';
import { PupilsPage } from './pages/PupilsPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';

const GUIDE_LINK = 'Hoe tel ik? Uitleg en oefenronde';
const KINDS_BUTTON = 'Kies welke soorten je gebruikt';

test('a note on the pupil page records the cause in one tap, and the mirror counts it', async ({
  page,
}) => {
  test.slow();
  await openApp(page);
  const classId = await new HomePage(page).createClass('6A');
  const pupils = new PupilsPage(page);
  await pupils.open(classId);
  await pupils.pasteNames(['Sem', 'Noor', 'Ayoub']);

  const pupil = new PupilPage(page);
  await pupil.openByName('Sem');
  const note = page.getByRole('region', { name: 'Blijft het lastig met Sem?' });
  await expect(note).toBeVisible();
  await note.getByRole('button', { name: 'Dit blijft lastig met Sem' }).click();
  const choice = note.getByRole('group', { name: /Waar zie jij nu vooral de oorzaak/ });
  await expect(choice).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'pupil page, cause choice');
  // Skipping stores nothing.
  await note.getByRole('button', { name: 'Niet nu' }).click();
  await expect(choice).toHaveCount(0);
  await expect(note).not.toContainText('Je legde dit');

  await note.getByRole('button', { name: 'Dit blijft lastig met Sem' }).click();
  await choice.getByRole('button', { name: 'Omstandigheden buiten school' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vastgelegd' })).toBeVisible();
  await expect(note).toContainText('Je legde dit 1 keer vast.');
  await note.getByRole('button', { name: 'Dit blijft lastig met Sem' }).click();
  await choice.getByRole('button', { name: 'Mijn aanpak' }).click();
  await expect(note).toContainText('Je legde dit 2 keer vast.');

  const intentions = new IntentionsPage(page);
  await intentions.open(classId);
  const mirror = page.getByRole('region', { name: 'Waar leg jij de oorzaak?' });
  await expect(mirror).toContainText(
    'Je koos 2 keer waar je de oorzaak zag: 1 keer je eigen aanpak, 0 keer de leerling, 1 keer omstandigheden buiten school. Buiten jezelf: 1 van de 2.',
  );
  // Sem has no expectation yet: one row, counts only (below five taps no share).
  const table = mirror.getByRole('table', { name: /Naar je verwachting/ });
  await expect(table.getByRole('row', { name: /Nog geen verwachting/ })).toContainText('1 van 2');
  await expect(table.getByRole('row', { name: /Nog geen verwachting/ })).toContainText('te weinig');
  await expect(mirror).toContainText('Wat zou jij morgen anders kunnen doen?');
  await expectNoSeriousA11yViolations(page, 'intentions, cause mirror');
});

test('deliberate help: the intention names the pupils, and the prompt asks about challenge', async ({
  page,
}) => {
  test.slow();
  await openApp(page);
  const classId = await new HomePage(page).createClass('6B');
  const pupils = new PupilsPage(page);
  await pupils.open(classId);
  await pupils.pasteNames(['Sem', 'Noor', 'Ayoub']);

  const intentions = new IntentionsPage(page);
  await intentions.open(classId);
  await intentions.openForm();
  const form = intentions.form;
  await form.getByRole('radio', { name: 'Eén leerling' }).check();
  await form.getByRole('combobox', { name: /^Leerling/ }).selectOption({ label: 'Sem' });
  await form.getByLabel('Wat wil je vaker doen?').selectOption({ label: 'Doorvragen' });
  await form.getByLabel('Vanaf').fill(isoDaysAgo(3));
  await form.getByLabel('Tot en met').fill(isoDaysAgo(-10));
  await form.getByText('Bewust meer hulp voor…').click();
  const help = form.getByRole('group', { name: /help je in deze periode bewust meer/ });
  await help.getByRole('checkbox', { name: 'Noor' }).check();
  await expect(form).toContainText('1 gekozen');
  await expectNoSeriousA11yViolations(page, 'intention form, deliberate help');
  await form.getByRole('button', { name: 'Voornemen opslaan' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.locator('li.intention-card').first()).toContainText(
    'Bewust meer hulp voor: Noor',
  );

  // A lesson two days ago: Noor got help five times and no challenge at all.
  const after = new AfterLessonPage(page);
  await after.openNew(classId);
  await after.createLesson({ date: isoDaysAgo(2), startTime: '09:00', endTime: '09:50' });
  await after.increase('Hulp of uitleg', 'Noor', 5);
  await after.increase('Beurt', 'Sem');

  await new ClassPage(page).open(classId);
  const prompts = new PromptsPage(page);
  await prompts.waitForPrompts();
  const title = 'Je koos bewust voor meer hulp: krijgen zij ook uitdaging?';
  if ((await prompts.card(title).count()) === 0) await prompts.showAll();
  const card = prompts.card(title);
  await expect(card).toContainText(
    'In een voornemen koos je bewust voor meer hulp aan Noor. Dat is jouw keuze',
  );
  await expect(card).toContainText('kreeg Noor 5 keer hulp, 0 denkvragen en 0 keer een doorvraag');
  await expect(card).toContainText('Krijgen zij naast hulp ook uitdaging?');
  await expectNoSeriousA11yViolations(page, 'class screen, deliberate help prompt');
});

test('the help cards count deliberate help apart, as the teacher’s choice', async ({ page }) => {
  test.slow();
  // The demo class on 14 March 2025: 44 times help in all, 3 of them to Bram from 6 January on.
  const insights = await InsightsPage.openDemo(page);
  await insights.unfold(insights.cards);
  const cards = insights.cards.locator('li.insight-card[data-insight$=":help"]');
  await expect(cards.first()).toBeAttached();
  await expect(cards.filter({ hasText: 'bewust meer helpt' })).toHaveCount(0);

  const classId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
  const intentions = new IntentionsPage(page);
  await intentions.open(classId);
  await intentions.openForm();
  const form = intentions.form;
  await form.getByRole('radio', { name: 'Eén leerling' }).check();
  await form.getByRole('combobox', { name: /^Leerling/ }).selectOption({ label: 'Bram' });
  await form.getByLabel('Wat wil je vaker doen?').selectOption({ label: 'Doorvragen' });
  await form.getByLabel('Vanaf').fill('2025-01-06');
  await form.getByLabel('Tot en met').fill('2025-03-28');
  await form.getByText('Bewust meer hulp voor…').click();
  await form
    .getByRole('group', { name: /help je in deze periode bewust meer/ })
    .getByRole('checkbox', { name: 'Bram' })
    .check();
  await form.getByRole('button', { name: 'Voornemen opslaan' }).click();
  await expect(form).toHaveCount(0);

  await insights.open(classId, 'period=all');
  await insights.unfold(insights.cards);
  const firm = insights.cards.locator(
    'li.insight-card[data-insight^="lensEquity:"][data-insight$=":help"]',
  );
  await expect(firm).toContainText(
    '3 van de 44 keer hulp of uitleg gingen naar leerlingen die je bewust meer helpt. Die extra hulp is jouw keuze, uit je voornemen.',
  );
  await expectNoSeriousA11yViolations(page, 'insights, help card with deliberate help');
});

test('the coding guide opens from the help sheet, and its practice round explains each answer', async ({
  page,
}) => {
  test.slow();
  await openApp(page);
  const classId = await new HomePage(page).createClass('6C');
  const pupils = new PupilsPage(page);
  await pupils.open(classId);
  await pupils.pasteNames(['Sem', 'Noor']);
  const after = new AfterLessonPage(page);
  await after.openNew(classId);
  const lessonId = await after.createLesson({ date: isoDaysAgo(1), startTime: '09:00' });

  // By touch: the kinds sheet behind ⚙ in the header (the grid itself is unchanged).
  await page.getByRole('button', { name: KINDS_BUTTON }).click();
  const kinds = page.getByRole('dialog', { name: 'Welke soorten gebruik je?' });
  await expect(kinds.getByRole('link', { name: GUIDE_LINK })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'kinds sheet with the guide link');
  await kinds.getByRole('button', { name: 'Sluiten' }).click();
  // By keyboard: ‘?’ opens the keys sheet, which links to the guide as well.
  await page.getByRole('button', { name: 'Sneltoetsen (?)' }).focus();
  await page.keyboard.press('Enter');
  const sheet = page.getByRole('dialog', { name: 'Sneltoetsen' });
  await sheet.getByRole('link', { name: GUIDE_LINK }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Zo tel je interacties' }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Soort vraag: reproductie of hogere orde' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'coding guide');

  // Always the first option: right for 'door', 'columns', 'football', 'drawing' and
  // 'secondStep' (5 of 10).
  const practice = page.getByRole('region', { name: 'Oefenronde' });
  await practice.scrollIntoViewIfNeeded();
  await expect(practice).toContainText('Moment 1 van 10');
  await practice.getByRole('button', { name: 'Beurt · Reproductie' }).click();
  await expect(practice.getByRole('status')).toContainText(
    'Hier past ‘Beurt · Hogere orde’ beter.',
  );
  await expect(practice.getByRole('status')).toContainText('Sara moet iets uitleggen');
  await expectNoSeriousA11yViolations(page, 'coding guide, feedback');
  await practice.getByRole('button', { name: 'Volgende moment' }).click();
  for (let n = 2; n <= 10; n++) {
    await expect(practice).toContainText(`Moment ${n} van 10`);
    await practice.locator('.guide-options button').first().click();
    await practice.getByRole('button', { name: n < 10 ? 'Volgende moment' : 'Klaar' }).click();
  }
  await expect(practice.getByRole('status')).toContainText(
    'Je koos 5 van de 10 momenten zoals de uitleg ze telt.',
  );
  await practice.getByRole('button', { name: 'Nog een keer' }).click();
  await expect(practice).toContainText('Moment 1 van 10');

  await page.getByRole('link', { name: 'Terug' }).click();
  await expect(page).toHaveURL(new RegExp(`#/lesson/${lessonId}/after$`));
});
