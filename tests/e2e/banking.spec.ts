import { BankingPage } from './pages/BankingPage';
import { HomePage } from './pages/HomePage';
import { PupilsPage } from './pages/PupilsPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';

test('log a banking-time moment, see it per pupil, edit it, delete it and undo', async ({
  page,
}) => {
  // Many steps and several axe scans: on a busy 2-core machine this needs more than 60 s.
  test.slow();
  await openApp(page);
  const classId = await new HomePage(page).createClass('Groep 5');
  const pupils = new PupilsPage(page);
  await pupils.open(classId);
  await pupils.pasteNames(['Ayoub', 'Lotte', 'Sem']);

  const banking = new BankingPage(page);
  await banking.open(classId);
  await expect(page.getByText('Wat is Banking Time?')).toBeVisible();
  await expect(page.getByText('Nog geen momenten vastgelegd.')).toBeVisible();
  await expect(banking.minutes).toHaveValue('10');
  await expectNoSeriousA11yViolations(page, 'banking time, empty');

  // Without a pupil the form explains what is missing.
  await banking.save.click();
  await expect(page.getByRole('alert')).toHaveText('Kies een leerling.');

  await banking.pupil.selectOption({ label: 'Ayoub' });
  await banking.moreMinutes.click();
  await banking.moreMinutes.click();
  await banking.fewerMinutes.click();
  await expect(banking.minutes).toHaveValue('11');
  await banking.note.fill('Samen met Lego gebouwd');
  await banking.save.click();
  await expect(banking.toast).toContainText('Opgeslagen: 11 minuten met Ayoub.');

  const group = banking.group('Ayoub');
  await expect(group).toContainText('11 minuten');
  await expect(group).toContainText('Samen met Lego gebouwd');
  await expect(group).toContainText('Deze maand: 1 keer, samen 11 minuten');
  // The form is ready for the next one.
  await expect(banking.pupil).toHaveValue('');
  await expect(banking.note).toHaveValue('');

  // A second moment, typed straight into the minutes field.
  await banking.pupil.selectOption({ label: 'Ayoub' });
  await banking.minutes.fill('5');
  await banking.minutes.blur();
  await banking.save.click();
  await expect(group).toContainText('Deze maand: 2 keer, samen 16 minuten');
  await expectNoSeriousA11yViolations(page, 'banking time with sessions');

  const today = await page.evaluate(() =>
    new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'UTC',
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(
      new Date(Date.UTC(new Date().getFullYear(), new Date().getMonth(), new Date().getDate())),
    ),
  );

  // Edit the first (newest) one: 5 → 15 minutes.
  await banking.editButton('Ayoub', today).first().click();
  await page.getByRole('spinbutton', { name: 'Minuten' }).last().fill('15');
  await page.getByRole('spinbutton', { name: 'Minuten' }).last().blur();
  await group.getByRole('button', { name: 'Opslaan' }).click();
  await expect(group).toContainText('Deze maand: 2 keer, samen 26 minuten');

  await banking.deleteButton('Ayoub', today).first().click();
  await expect(banking.toast).toContainText('Moment met Ayoub verwijderd.');
  await expect(group).toContainText('Deze maand: 1 keer, samen 11 minuten');
  await banking.toast.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(group).toContainText('Deze maand: 2 keer, samen 26 minuten');

  await page.reload();
  await expect(banking.group('Ayoub')).toContainText('Deze maand: 2 keer, samen 26 minuten');
  await expect(banking.group('Lotte')).toHaveCount(0);
});
