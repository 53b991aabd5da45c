import { AfterLessonPage, isoDaysAgo } from './pages/AfterLessonPage';
import { ClassPage } from './pages/ClassPage';
import { HomePage } from './pages/HomePage';
import { LivePage } from './pages/LivePage';
import { PupilsPage } from './pages/PupilsPage';
import { StartLessonPage } from './pages/StartLessonPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';

const NAMES = ['Sem', 'Noa', 'Daan', 'Lotte', 'Ayoub', 'Fenna'];

test('log yesterday afterwards with steppers, run the "not spoken to" pass, and it survives a reload', async ({
  page,
}) => {
  // Many steps and several axe scans: on a busy 2-core machine this needs more than 60 s.
  test.slow();
  await openApp(page);
  const classId = await new HomePage(page).createClass('Groep 7');
  const pupils = new PupilsPage(page);
  await pupils.open(classId);
  await pupils.pasteNames(NAMES);

  const classPage = new ClassPage(page);
  await classPage.open(classId);
  await classPage.logAfter();
  const after = new AfterLessonPage(page);
  await expect(after.newHeading).toBeVisible();
  // Today by default, and no later day offered.
  await expect(after.date).toHaveValue(isoDaysAgo(0));
  await expect(after.date).toHaveAttribute('max', isoDaysAgo(0));
  await expectNoSeriousA11yViolations(page, 'new lesson afterwards');

  // A future date is refused with a message, and nothing is created.
  await after.date.fill(isoDaysAgo(-1));
  await after.submit.click();
  await expect(page.getByRole('alert')).toContainText('in de toekomst');
  await expect(after.newHeading).toBeVisible();

  const lessonId = await after.createLesson({
    date: isoDaysAgo(1),
    startTime: '10:15',
    endTime: '11:05',
    topic: 'Breuken',
  });
  await expect(page.getByText(/10:15–11:05 · Breuken/)).toBeVisible();

  // Seating order: the pasted order.
  await expect(page.locator('.after-card h2')).toHaveText(NAMES);

  await after.increase('Beurt', 'Sem', 3);
  await after.increase('Compliment', 'Sem');
  await after.increase('Hulp of uitleg', 'Noa');
  await after.increase('Beurt', 'Noa');
  await after.decrease('Beurt', 'Noa');
  await expect(after.minus('Beurt', 'Noa')).toBeDisabled();
  await after.setAbsent('Fenna', true);
  await expect(after.plus('Beurt', 'Fenna')).toHaveCount(0);
  await expect(after.progress).toHaveText(
    'Voor 2 van de 5 aanwezige leerlingen heb je iets vastgelegd.',
  );
  await expectNoSeriousA11yViolations(page, 'after-lesson steppers');

  // The pass: Daan, Lotte and Ayoub (present, nothing logged), in seating order.
  await after.passButton.click();
  await after.expectPassAt('Daan', 1, 3);
  await expect(after.passCard.getByRole('heading', { name: 'Daan' })).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'not-spoken-to pass');
  await after.answer('Persoonlijke aandacht');
  await after.expectPassAt('Lotte', 2, 3);
  await after.answer('Nee, vandaag niet');
  await after.expectPassAt('Ayoub', 3, 3);
  await after.answer('Afwezig');
  await expect(after.passCard.getByRole('heading', { name: 'De ronde is klaar' })).toBeVisible();
  await expect(after.passCard).toContainText(
    'Je sprak in deze les 3 van de 4 aanwezige leerlingen.',
  );
  await expect(after.passCard).toContainText('de volgende les: Lotte.');
  await expectNoSeriousA11yViolations(page, 'pass summary');
  await after.passCard.getByRole('button', { name: 'Terug naar de lijst' }).click();

  await page.reload();
  await after.waitReady();
  expect(new URL(page.url()).hash).toBe(`#/lesson/${lessonId}/after`);
  await after.expectCount('Beurt', 'Sem', 3);
  await after.expectCount('Compliment', 'Sem', 1);
  await after.expectCount('Hulp of uitleg', 'Noa', 1);
  await after.expectCount('Beurt', 'Noa', 0);
  await after.expectCount('Persoonlijke aandacht', 'Daan', 1);
  await expect(after.absentToggle('Ayoub')).toHaveAttribute('aria-pressed', 'true');
  await expect(after.absentToggle('Fenna')).toHaveAttribute('aria-pressed', 'true');
  await expect(after.absentToggle('Lotte')).toHaveAttribute('aria-pressed', 'false');
  await expect(after.progress).toHaveText(
    'Voor 3 van de 4 aanwezige leerlingen heb je iets vastgelegd.',
  );

  // Present again: the steppers come back, with the counts kept.
  await after.setAbsent('Fenna', false);
  await after.expectCount('Beurt', 'Fenna', 0);
});

test('a lesson logged live can be completed afterwards; − never takes back a live tap', async ({
  page,
}) => {
  await openApp(page);
  const classId = await new HomePage(page).createClass('2 havo');
  const pupils = new PupilsPage(page);
  await pupils.open(classId);
  await pupils.pasteNames(['Sem', 'Noa']);
  const start = new StartLessonPage(page);
  await start.open(classId);
  const lessonId = await start.start();
  const live = new LivePage(page);
  await live.waitReady();
  await live.tapTurn('Sem');
  await live.tapTurn('Sem');

  const after = new AfterLessonPage(page);
  await after.open(lessonId);
  await after.expectCount('Beurt', 'Sem', 2);
  await expect(after.minus('Beurt', 'Sem')).toBeDisabled();
  const hint = page.getByText('Wat je tijdens de les tikte, blijft staan');
  await expect(hint).toBeVisible();
  await expect(after.minus('Beurt', 'Sem')).toHaveAccessibleDescription(/blijft staan/);

  await after.increase('Beurt', 'Sem');
  await expect(after.minus('Beurt', 'Sem')).toBeEnabled();
  await expect(hint).toBeHidden();
  await after.decrease('Beurt', 'Sem');
  await after.expectCount('Beurt', 'Sem', 2);
  await expect(after.minus('Beurt', 'Sem')).toBeDisabled();

  await page.reload();
  await after.waitReady();
  await after.expectCount('Beurt', 'Sem', 2);
});
