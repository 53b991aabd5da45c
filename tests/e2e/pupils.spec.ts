import { HomePage } from './pages/HomePage';
import { PupilsPage } from './pages/PupilsPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';

const NAMES = [
  'Anouk',
  'Bram',
  'Cas',
  'Daan',
  'Emma',
  'Fenna',
  'Gijs',
  'Hanna',
  'Ibrahim',
  'Julia',
  'Koen',
  'Lotte',
  'Mila',
  'Noah',
  'Olivia',
  'Pim',
  'Quinten',
  'Roos',
  'Sem',
  'Tess',
  'Umut',
  'Vera',
  'Wout',
  'Yara',
];

test('paste a class of 25 lines: 24 added, the duplicate reported', async ({ page }) => {
  await openApp(page);
  const id = await new HomePage(page).createClass('6B');
  const pupils = new PupilsPage(page);
  await pupils.open(id);

  // 25 names with one duplicate (in another case, padded), plus blank lines.
  const pasted = [...NAMES.slice(0, 12), '', '  ', ...NAMES.slice(12), '  sem ', ''];
  expect(pasted.filter((n) => n.trim())).toHaveLength(25);
  await pupils.fillPaste(pasted);
  await expect(pupils.preview).toContainText('Deze 24 namen worden toegevoegd:');
  await expect(pupils.preview).toContainText(
    'Staat meer dan eens in je lijst, wordt één keer toegevoegd: sem.',
  );
  await expect(pupils.pasteField).toHaveAccessibleDescription(/24 namen worden toegevoegd/);
  await expectNoSeriousA11yViolations(page, 'pupils screen with a paste preview');

  await pupils.pasteNames(pasted);
  await expect(pupils.nameTexts).toHaveText(NAMES);
  await expect(page.getByRole('heading', { name: 'In deze klas (24)' })).toBeVisible();

  // Pasting again: everything is already there, nothing new to add.
  await pupils.fillPaste(['Anouk', 'BRAM']);
  await expect(pupils.preview).toContainText('Er staan geen nieuwe namen in deze lijst.');
  await expect(pupils.preview).toContainText(
    'Zit al in deze klas, wordt niet nog eens toegevoegd: Anouk, BRAM.',
  );
  await expect(page.getByRole('button', { name: /leerlingen? toevoegen$/ })).toHaveCount(0);

  // The seating grid grew to hold everyone: 24 pupils in rows of six.
  await page.reload();
  await expect(pupils.nameTexts).toHaveText(NAMES);
});

test('add, rename, remove and restore a pupil', async ({ page }) => {
  await openApp(page);
  const id = await new HomePage(page).createClass('5A');
  const pupils = new PupilsPage(page);
  await pupils.open(id);

  // An empty name is refused next to the field, with the privacy hint still there.
  const field = page.getByLabel('Naam', { exact: true });
  await expect(field).toHaveAccessibleDescription(/Een voornaam is genoeg, of alleen initialen/);
  await pupils.addPupil('   ');
  await expect(field).toHaveAccessibleDescription(/Typ eerst een naam/);

  await pupils.addPupil('  Sem  ');
  await expect(page.getByRole('status').filter({ hasText: 'Sem is toegevoegd.' })).toBeVisible();
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();
  await pupils.addPupil('Bo');
  await expect(pupils.nameTexts).toHaveText(['Sem', 'Bo']);

  // A name that is too long is refused and stays in the field.
  const long = 'x'.repeat(61);
  await pupils.addPupil(long);
  await expect(field).toHaveAccessibleDescription(/maximaal 60 tekens/);
  await expect(field).toHaveValue(long);
  await field.fill('');

  await pupils.renamePupil('Sem', 'Sem V.');
  await expect(pupils.nameButton('Sem V.')).toBeFocused();
  // Escape leaves the name as it was.
  await pupils.nameButton('Bo').click();
  await page.getByLabel('Nieuwe naam voor Bo').fill('Bob');
  await page.keyboard.press('Escape');
  await expect(pupils.nameButton('Bo')).toBeFocused();

  await pupils.removePupil('Bo');
  await expect(pupils.nameTexts).toHaveText(['Sem V.']);
  await expect(page.getByText('Verwijderde leerlingen (1)')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'pupils screen');

  await pupils.restorePupil('Bo');
  await expect(pupils.nameTexts).toHaveText(['Sem V.', 'Bo']);
  await expect(page.getByText(/^Verwijderde leerlingen/)).toHaveCount(0);

  // Erasing for good takes an explicit second step.
  await pupils.erasePupil('Bo');
  await expect(page.getByText(/^Verwijderde leerlingen/)).toHaveCount(0);
  await expect(pupils.nameTexts).toHaveText(['Sem V.']);
});
