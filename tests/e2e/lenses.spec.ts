import { HomePage } from './pages/HomePage';
import { LensesPage } from './pages/LensesPage';
import { PupilsPage } from './pages/PupilsPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';
import type { Page } from '@playwright/test';

async function classWithPupils(page: Page, name: string): Promise<LensesPage> {
  await openApp(page);
  const id = await new HomePage(page).createClass(name);
  const pupils = new PupilsPage(page);
  await pupils.open(id);
  await pupils.pasteNames(['Sem', 'Noor', 'Ayoub']);
  const lenses = new LensesPage(page);
  await lenses.open(id);
  return lenses;
}

test('apply a preset, set values for two pupils, and find them after a reload', async ({
  page,
}, testInfo) => {
  const lenses = await classWithPupils(page, 'Groep 8');
  // Why, with sources; and only harmless presets (no ethnicity, religion or health).
  await expect(page.getByRole('main')).toContainText('Denessen 2022');
  await expect(page.getByRole('main')).toContainText('Geen enkel kenmerk is verplicht');
  await expect(lenses.presets).toHaveText([
    '+ Gender',
    '+ Schooladvies',
    '+ Thuistaal',
    '+ Opleiding ouders',
  ]);
  await expect(page.getByText('Nog geen kenmerken.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'lenses, empty');

  await lenses.applyPreset('Thuistaal');
  await expect(lenses.lensList).toContainText('2 waarden: Nederlands · ook een andere taal');
  // An applied preset is not offered again.
  await expect(lenses.presets).toHaveText(['+ Gender', '+ Schooladvies', '+ Opleiding ouders']);

  await lenses.setValue('Thuistaal', 'Sem', 'ook een andere taal');
  await lenses.setValue('Thuistaal', 'Noor', 'Nederlands');
  await expect(lenses.selectedLabel('Thuistaal', 'Ayoub')).toHaveText('niet ingevuld');
  await expectNoSeriousA11yViolations(page, 'lenses with a lens and values');
  await page.screenshot({ path: testInfo.outputPath('lenses-360.png'), fullPage: true });

  await page.reload();
  await expect(lenses.heading).toBeVisible();
  await expect(lenses.selectedLabel('Thuistaal', 'Sem')).toHaveText('ook een andere taal');
  await expect(lenses.selectedLabel('Thuistaal', 'Noor')).toHaveText('Nederlands');
  await expect(lenses.selectedLabel('Thuistaal', 'Ayoub')).toHaveText('niet ingevuld');

  // Clearing a value works too.
  await lenses.setValue('Thuistaal', 'Noor', 'niet ingevuld');
  await page.reload();
  await expect(lenses.selectedLabel('Thuistaal', 'Noor')).toHaveText('niet ingevuld');
});

test('a custom lens: an empty name gives a message; editing keeps pupils’ values', async ({
  page,
}) => {
  const lenses = await classWithPupils(page, 'Groep 6');
  const form = await lenses.openCustomForm();
  await lenses.fillForm(form, '   ', ['vooraan', 'achterin']);
  await lenses.saveForm(form);
  await expect(form.getByRole('alert')).toHaveText('Geef het kenmerk een naam.');
  await expectNoSeriousA11yViolations(page, 'lens form with an error');

  // One value only is refused too.
  await form.getByRole('button', { name: 'Waarde 2 weghalen' }).click();
  await form.getByLabel('Naam', { exact: true }).fill('Zitplek');
  await lenses.saveForm(form);
  await expect(form.getByRole('alert')).toHaveText('Een kenmerk heeft minstens 2 waarden nodig.');

  await lenses.fillForm(form, 'Zitplek', ['vooraan', 'achterin', 'midden']);
  await lenses.saveForm(form);
  await expect(form).toHaveCount(0);
  await expect(lenses.lensList.getByRole('heading', { name: 'Zitplek' })).toBeVisible();
  await lenses.setValue('Zitplek', 'Ayoub', 'achterin');
  await lenses.setValue('Zitplek', 'Sem', 'midden');

  // Rename a value and remove another: Ayoub keeps his (renamed) value, Sem's is cleared.
  await page.getByRole('button', { name: 'Bewerken: kenmerk Zitplek' }).click();
  const edit = page.getByRole('form', { name: 'Kenmerk bewerken' });
  await edit.getByRole('textbox', { name: 'Waarde 2', exact: true }).fill('achteraan');
  await edit.getByRole('button', { name: 'Waarde 3 weghalen' }).click();
  await lenses.saveForm(edit);
  await expect(edit).toHaveCount(0);
  await expect(lenses.selectedLabel('Zitplek', 'Ayoub')).toHaveText('achteraan');
  await expect(lenses.selectedLabel('Zitplek', 'Sem')).toHaveText('niet ingevuld');

  // Deleting asks first, then the lens and its values are gone.
  await page.getByRole('button', { name: 'Verwijderen: kenmerk Zitplek' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Verwijderen' }).click();
  await expect(lenses.lensList.getByRole('heading', { name: 'Zitplek' })).toHaveCount(0);
  await expect(page.getByRole('combobox')).toHaveCount(0);
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1024, height: 800 }, isMobile: false, hasTouch: false });

  test('the assignment is a table with one select per pupil and lens', async ({
    page,
  }, testInfo) => {
    const lenses = await classWithPupils(page, 'Groep 7');
    await lenses.applyPreset('Gender');
    await lenses.applyPreset('Opleiding ouders');
    const table = page.getByRole('table');
    await expect(table.getByRole('columnheader')).toHaveText([
      'Leerling',
      'Gender',
      'Opleiding ouders',
    ]);
    await expect(table.getByRole('rowheader')).toHaveText(['Ayoub', 'Noor', 'Sem']);
    await lenses.setValue('Opleiding ouders', 'Noor', 'onbekend');
    await expectNoSeriousA11yViolations(page, 'lenses table');
    await page.screenshot({ path: testInfo.outputPath('lenses-wide.png'), fullPage: true });
  });
});
