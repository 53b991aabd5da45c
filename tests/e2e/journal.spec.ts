import type { Page } from '@playwright/test';
import { AfterLessonPage, isoDaysAgo } from './pages/AfterLessonPage';
import { HomePage } from './pages/HomePage';
import { JournalPage } from './pages/JournalPage';
import { PupilsPage } from './pages/PupilsPage';
import { ReflectPage } from './pages/ReflectPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';

async function classWithPupils(page: Page, names: string[]): Promise<string> {
  await openApp(page);
  const classId = await new HomePage(page).createClass('3B');
  const pupils = new PupilsPage(page);
  await pupils.open(classId);
  await pupils.pasteNames(names);
  return classId;
}

test('write, search, filter, edit, delete and undo journal entries', async ({ page }) => {
  test.slow();
  const classId = await classWithPupils(page, ['Sem', 'Noor', 'Zoë']);
  const journal = new JournalPage(page);
  await journal.open(classId);
  await expect(journal.count).toHaveText(/Nog niets in je logboek/);
  await expectNoSeriousA11yViolations(page, 'journal, empty');

  // An empty entry is explained, not saved.
  await journal.newCard.getByRole('button', { name: 'Bewaren' }).click();
  await expect(journal.newCard.getByRole('alert')).toHaveText(/Schrijf eerst iets op/);

  await journal.write('Mooie vraag over breuken gesteld.', { pupil: 'Noor' });
  await journal.write('Stil vandaag, keek veel naar buiten.', {
    pupil: 'Zoë',
    date: isoDaysAgo(2),
  });
  await journal.write('Rustige les; de uitleg met pizzapunten werkte.');
  await expect(journal.count).toHaveText('3 notities');
  // Newest date first: the entry of two days ago is last.
  await expect(journal.entries.last()).toContainText('keek veel naar buiten');
  await expect(
    journal.entry('keek veel naar buiten').getByRole('link', { name: 'Over Zoë' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'journal with entries');

  // Case- and accent-insensitive, over the text and the pupil's name.
  await journal.search('ZOE');
  await expect(journal.entries).toHaveCount(1);
  await expect(journal.count).toHaveText('1 notitie gevonden');
  await journal.search('breuken');
  await expect(journal.entries).toHaveCount(1);
  await expect(journal.entries).toContainText('Mooie vraag');
  await journal.search('niets dergelijks');
  await expect(journal.entries).toHaveCount(0);
  await expect(journal.count).toHaveText(/Geen notities gevonden/);
  await journal.search('');
  await journal.filterPupil('Noor');
  await expect(journal.entries).toHaveCount(1);
  await journal.filterPupil(null);
  await expect(journal.entries).toHaveCount(3);

  await journal.edit('Rustige les', 'Rustige les; de uitleg met pizzapunten werkte goed.');
  await expect(journal.entry('pizzapunten werkte goed.')).toHaveCount(1);

  await journal.delete('pizzapunten');
  await expect(journal.entries).toHaveCount(2);
  await journal.undo();
  await expect(journal.entry('pizzapunten werkte goed.')).toHaveCount(1);
  await expect(journal.entries).toHaveCount(3);

  // It is all still there after a reload.
  await page.reload();
  await expect(journal.heading).toBeVisible();
  await expect(journal.entries).toHaveCount(3);
});

test('the after-lesson minute asks about what was logged and lands in the journal', async ({
  page,
}) => {
  test.slow();
  const classId = await classWithPupils(page, ['Sem', 'Noor', 'Zoë', 'Daan']);
  const after = new AfterLessonPage(page);
  await after.openNew(classId);
  const lessonId = await after.createLesson({
    date: isoDaysAgo(1),
    startTime: '10:15',
    endTime: '11:05',
    topic: 'Breuken',
  });
  // Five turns for Sem, one for Daan, three corrections for Daan; Noor and Zoë not addressed.
  await after.increase('Beurt', 'Sem', 5);
  await after.increase('Beurt', 'Daan');
  await after.increase('Correctie op werk', 'Daan', 3);

  const reflect = new ReflectPage(page);
  await reflect.open(lessonId);
  // No question level was marked, so the minute does not ask about higher-order questions.
  await expect(reflect.answers).toHaveCount(2);
  const quiet = reflect.answer(/^Noor en Zoë waren er deze les/);
  const corrections = reflect.answer(/^Je gaf Daan deze les 3 correcties en geen compliment/);
  await expect(quiet).toBeVisible();
  await expect(corrections).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'after-lesson minute');

  // Skipping is one tap and writes nothing.
  await reflect.skip();
  await reflect.open(lessonId);
  await quiet.fill('Noor morgen vragen naar haar voetbalwedstrijd.');
  await corrections.fill('Daan hielp Sem uit zichzelf met de som.');
  await reflect.save();
  await expect(page.getByText('Je 2 antwoorden staan in je logboek.')).toBeVisible();

  const journal = new JournalPage(page);
  await journal.open(classId);
  await expect(journal.entries).toHaveCount(2);
  const daan = journal.entry('hielp Sem uit zichzelf');
  await expect(daan).toContainText('Na de les');
  await expect(daan).toContainText('Les: ');
  await expect(daan).toContainText('Breuken');
  // The answer about one pupil is linked to them; the question is kept with it.
  await expect(daan.getByRole('link', { name: 'Over Daan' })).toBeVisible();
  await expect(daan).toContainText('Wat deed Daan deze les wel goed?');
  await journal.search('voetbal');
  await expect(journal.entries).toHaveCount(1);

  // Coming back to the minute shows what was already written.
  await reflect.open(lessonId);
  await expect(page.getByText('Je schreef na deze les al 2 antwoorden.')).toBeVisible();
});
