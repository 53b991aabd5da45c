/**
 * Issue 14, the pupil's side: the two optional relationship questions, strengths and dreams on
 * the pupil page, a correction's "in front of the class / one to one", the opt-in greeting kind
 * and the advice preset for a secondary class. Phone viewport, axe on each new screen part.
 */
import { HomePage } from './pages/HomePage';
import { LensesPage } from './pages/LensesPage';
import { LivePage } from './pages/LivePage';
import { PupilPage } from './pages/PupilPage';
import { PupilsPage } from './pages/PupilsPage';
import { RelationshipsPage } from './pages/RelationshipsPage';
import { StartLessonPage } from './pages/StartLessonPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';

test('the relationship round asks, optionally, how the pupil experiences it and whether you feel able', async ({
  page,
}) => {
  test.slow();
  await openApp(page);
  const classId = await new HomePage(page).createClass('Groep 8');
  await new PupilsPage(page).open(classId);
  await new PupilsPage(page).pasteNames(['Finn', 'Lina']);

  const rel = new RelationshipsPage(page);
  await rel.open(classId);
  await rel.startButton.click();
  await expect(rel.card('Finn')).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Twee vragen erbij (mag je overslaan)' }),
  ).toBeVisible();
  await rel.choose('Nabijheid', 4);
  await rel.choose('Conflict', 2);
  await rel.choose('Afhankelijkheid', 1);
  const pupilView = page.getByRole('group', { name: 'Hoe ervaart de leerling het, denk je?' });
  await pupilView.getByRole('radio', { name: /^2\b/ }).check();
  const able = page.getByRole('group', {
    name: 'Voel je je in staat om met deze leerling om te gaan?',
  });
  await able.getByRole('radio', { name: /^5\b/ }).check();
  await expectNoSeriousA11yViolations(page, 'relationship card with the two extra questions');
  await rel.saveButton.click();

  // The extra questions may stay open: Lina is saved with the three numbers only.
  await expect(rel.card('Lina')).toBeVisible();
  await rel.choose('Nabijheid', 3);
  await rel.choose('Conflict', 3);
  await rel.choose('Afhankelijkheid', 3);
  await rel.saveButton.click();
  await expect(rel.summary).toContainText('Je hebt 2 leerlingen ingevuld.');

  const pupil = new PupilPage(page);
  await pupil.openByName('Finn');
  await expect(pupil.summary).toContainText('Zo ervaart de leerling het, denk je: 2/5');
  await expect(pupil.summary).toContainText('Je voelt je in staat: 5/5');
  await pupil.openByName('Lina');
  await expect(pupil.summary).not.toContainText('Zo ervaart de leerling het');
});

test('strengths and dreams on the pupil page are kept after a reload', async ({ page }) => {
  await openApp(page);
  const classId = await new HomePage(page).createClass('Groep 6');
  await new PupilsPage(page).open(classId);
  await new PupilsPage(page).pasteNames(['Amira', 'Bram']);

  const pupil = new PupilPage(page);
  await pupil.openByName('Amira');
  const section = page.getByRole('region', { name: 'Sterke kanten en dromen' });
  await section.getByLabel('Waar is Amira goed in?').fill('Verhalen vertellen, anderen helpen');
  await section.getByLabel('Wat wil Amira later, waar droomt Amira van?').fill('Dierenarts');
  await section.getByRole('button', { name: 'Bewaren' }).click();
  await expect(section.getByRole('status')).toHaveText('Bewaard.');
  await expectNoSeriousA11yViolations(page, 'pupil page with strengths');

  await page.reload();
  await expect(pupil.heading('Amira')).toBeVisible();
  await expect(section.getByLabel('Waar is Amira goed in?')).toHaveValue(
    'Verhalen vertellen, anderen helpen',
  );
  await expect(section.getByLabel('Wat wil Amira later, waar droomt Amira van?')).toHaveValue(
    'Dierenarts',
  );
});

test('a correction can be marked in front of the class; the greeting is offered only once shown', async ({
  page,
}) => {
  test.slow();
  await openApp(page);
  const classId = await new HomePage(page).createClass('Groep 5');
  await new PupilsPage(page).open(classId);
  await new PupilsPage(page).pasteNames(['Finn', 'Sanne']);
  const start = new StartLessonPage(page);
  await start.open(classId);
  await start.start();
  const live = new LivePage(page);
  await live.waitReady();

  await live.logKind('Finn', 'Correctie op gedrag');
  await expect(live.qualifier('Voor de klas')).toBeVisible();
  await expect(live.qualifier('Eén op één')).toBeVisible();
  // The chips have number keys like every qualifier: 1 is "in front of the class".
  await expect(live.qualifier('Voor de klas')).toHaveAttribute('aria-keyshortcuts', '1');
  await live.qualifier('Voor de klas').click();
  await expect(live.qualifier('Voor de klas')).toHaveAttribute('aria-pressed', 'true');
  await expectNoSeriousA11yViolations(page, 'live screen with the audience qualifier');

  // The greeting is not in the sheet until the teacher shows it.
  await live.openSheet('Sanne');
  await expect(live.sheet.getByRole('button', { name: /^Persoonlijke begroeting/ })).toHaveCount(0);
  await live.closeSheet();
  await page.getByRole('button', { name: 'Kies welke soorten je gebruikt' }).click();
  const greeting = live.sheet.getByRole('checkbox', { name: /^Persoonlijke begroeting/ });
  await expect(greeting).not.toBeChecked();
  await greeting.check();
  await live.closeSheet();
  await live.logKind('Sanne', 'Persoonlijke begroeting');
  await live.expectSaved('Finn');

  const pupil = new PupilPage(page);
  await pupil.openByName('Finn');
  await expect(pupil.summary).toContainText(
    '1 van de 1 correctie waarbij je het vastlegde, was waar de klas bij was',
  );
  await pupil.openByName('Sanne');
  await expect(pupil.summary.getByRole('listitem').filter({ hasText: 'Begroet' })).toHaveCount(1);
});

test('a secondary class is offered the primary school advice as a characteristic', async ({
  page,
}) => {
  await openApp(page);
  const classId = await new HomePage(page).createClass('1B', {
    schoolType: 'secondary',
    yearLabel: '1 havo/vwo',
  });
  const lenses = new LensesPage(page);
  await lenses.open(classId);
  await lenses.applyPreset('Basisschooladvies');
  await expect(lenses.lensList).toContainText('havo/vwo');
  await expectNoSeriousA11yViolations(page, 'lenses with the advice preset');
});
