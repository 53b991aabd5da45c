import { HomePage } from './pages/HomePage';
import { BackupPage, dumpDatabase, edited } from './pages/BackupPage';
import { PupilsPage } from './pages/PupilsPage';
import { SettingsPage } from './pages/SettingsPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';

const MARKUP_CLASS = '7b <img src=x onerror=alert(1)>';

test('export, delete everything, restore: all data is back, exactly', async ({ page }) => {
  const home = new HomePage(page);
  const backup = new BackupPage(page);
  const settings = new SettingsPage(page);
  await openApp(page);
  await home.openDemoClass();
  // A class of the teacher's own, with markup in its name (it must stay text).
  const classId = await home.createClass(MARKUP_CLASS);
  const pupils = new PupilsPage(page);
  await pupils.open(classId);
  await pupils.pasteNames(['Ayoub', 'Sanne', '=Fatima']);

  await backup.open();
  await expect(page.getByText('Je hebt nog geen volledige back-up gemaakt.')).toBeVisible();
  const before = await dumpDatabase(page);
  expect(before.events?.length).toBeGreaterThan(0);
  const file = await backup.exportBackup();
  expect(file.name).toMatch(/^spiegel-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const parsed = JSON.parse(file.text) as {
    format: string;
    formatVersion: number;
    data: Record<string, unknown[]>;
  };
  expect(parsed.format).toBe('spiegel-backup');
  expect(parsed.formatVersion).toBe(2);
  expect(parsed.data.pupils).toHaveLength(before.pupils!.length);
  await expect(page.getByText(/^Je laatste volledige back-up:/)).toBeVisible();

  await settings.open();
  await settings.deleteAll();
  await expect(home.classLink(/^7b/)).toHaveCount(0);
  expect((await dumpDatabase(page)).events).toEqual([]);

  await backup.open();
  await backup.chooseFile(file.path);
  expect(await backup.summaryCount('Interacties')).toBe(before.events!.length);
  expect(await backup.summaryCount('Klassen')).toBe(2);
  await backup.restoreMerge();
  await expect(page.getByText('De back-up is samengevoegd met wat er al stond.')).toBeVisible();

  expect(await dumpDatabase(page)).toEqual(before);
  await home.open();
  await expect(home.classLink(MARKUP_CLASS)).toBeVisible();
  await expect(page.locator('main img')).toHaveCount(0);
});

test('replace asks for a typed word; a class file replaces only that class', async ({ page }) => {
  const home = new HomePage(page);
  const backup = new BackupPage(page);
  await openApp(page);
  await home.openDemoClass();
  await home.createClass('Groep 6');
  await backup.open();
  const all = await backup.exportBackup();
  const before = await dumpDatabase(page);

  // Add a class after the backup, then replace everything: it is gone again.
  await home.createClass('Later');
  await backup.open();
  await backup.chooseFile(all.path);
  await backup.restoreReplace();
  await expect(
    page.getByText('De back-up staat erin; wat er eerst stond is vervangen.'),
  ).toBeVisible();
  expect(await dumpDatabase(page)).toEqual(before);

  const groep6 = await backup.exportBackup('Groep 6');
  expect(groep6.name).toMatch(/^spiegel-backup-groep-6-\d{4}-\d{2}-\d{2}\.json$/);
  await backup.chooseFile(groep6.path);
  await expect(backup.summary.getByText('Eén klas: Groep 6')).toBeVisible();
  await backup.restoreReplace();
  expect(await dumpDatabase(page)).toEqual(before);
});

test('a backup protected by a passphrase: unreadable without it, refused with a wrong one, restored with it', async ({
  page,
}) => {
  const home = new HomePage(page);
  const backup = new BackupPage(page);
  const settings = new SettingsPage(page);
  await openApp(page);
  await home.openDemoClass();
  await backup.open();
  const before = await dumpDatabase(page);

  await page.getByRole('checkbox', { name: /^Beveiligen met een wachtwoordzin/ }).check();
  await page.getByLabel('Wachtwoordzin', { exact: true }).fill('kort');
  await backup.exportButton.click();
  await expect(page.getByRole('alert')).toContainText('minstens 10 tekens');
  await page.getByLabel('Wachtwoordzin', { exact: true }).fill('drie kleine katjes');
  await page.getByLabel('Wachtwoordzin nog een keer').fill('drie kleine katjes');
  await expectNoSeriousA11yViolations(page, 'backup export with a passphrase');
  const file = await backup.exportBackup();
  const envelope = JSON.parse(file.text) as { format: string; ciphertext: string };
  expect(envelope.format).toBe('spiegel-backup-encrypted');
  // Outside the ciphertext nothing of the data; the ciphertext itself is base64, where a short
  // name can turn up by chance (3 letters: about once in 260,000 characters), so it is left out.
  const name = (before.pupils![0] as { name: string }).name;
  const outside = JSON.stringify({ ...envelope, ciphertext: '' });
  expect(outside).not.toContain(name);
  expect(outside).not.toContain('pupils');
  expect(envelope.ciphertext).toMatch(/^[A-Za-z0-9+/]+=*$/);

  await settings.open();
  await settings.deleteAll();
  const empty = await dumpDatabase(page);
  await backup.open();
  await backup.fileInput.setInputFiles(file.path);
  const pass = page.getByLabel('Wachtwoordzin van de back-up');
  await expect(pass).toBeVisible();
  await pass.fill('drie kleine katjes!');
  await page.getByRole('button', { name: 'Openen' }).click();
  await expect(page.getByRole('alert')).toContainText('niet de goede wachtwoordzin');
  await expect(page.getByRole('alert')).toContainText('Er is niets veranderd');
  expect(await dumpDatabase(page)).toEqual(empty);

  await pass.fill('drie kleine katjes');
  await page.getByRole('button', { name: 'Openen' }).click();
  await expect(backup.summary).toBeVisible();
  await backup.restoreMerge();
  expect(await dumpDatabase(page)).toEqual(before);
});

test('bad files are refused with a clear message and nothing changes', async ({ page }) => {
  const home = new HomePage(page);
  const backup = new BackupPage(page);
  await openApp(page);
  await home.openDemoClass();
  await backup.open();
  const good = await backup.exportBackup();
  const before = await dumpDatabase(page);

  const cases: { name: string; text: string; message: RegExp }[] = [
    { name: 'cut.json', text: good.text.slice(0, 5000), message: /niet compleet/ },
    { name: 'notes.json', text: 'boodschappen: melk, brood', message: /geen back-up van Spiegel/ },
    {
      name: 'future.json',
      text: good.text.replace('"formatVersion":2', '"formatVersion":3'),
      message: /nieuwere versie van Spiegel/,
    },
    {
      name: 'orphan.json',
      text: edited(good.text, (f) => {
        f.data.events![0]!.pupilId = '99999999-9999-4999-8999-999999999999';
      }),
      message: /events\[0\]\.pupilId/,
    },
    {
      name: 'minutes.json',
      text: edited(good.text, (f) => {
        f.data.banking![0]!.minutes = -10;
      }),
      message: /banking\[0\]\.minutes/,
    },
    {
      name: 'proto.json',
      text: good.text.replace('"data":{', '"data":{"__proto__":{"x":1},'),
      message: /__proto__/,
    },
  ];
  for (const c of cases) {
    await backup.chooseFile({ name: c.name, text: c.text });
    await expect(backup.error).toBeVisible();
    await expect(backup.error).toContainText(c.message);
    await expect(backup.error).toContainText('Er is niets veranderd aan wat er in de app staat.');
  }
  await expectNoSeriousA11yViolations(page, 'backup screen with an error');
  expect(await dumpDatabase(page)).toEqual(before);
});

test('CSV downloads and an accessible backup screen', async ({ page }) => {
  const home = new HomePage(page);
  const backup = new BackupPage(page);
  await openApp(page);
  await home.openDemoClass();
  await backup.open();
  await expectNoSeriousA11yViolations(page, 'backup screen');

  const csv = await backup.exportCsv('Interacties');
  expect(csv.name).toMatch(/^spiegel-events-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe(
    'datum;tijd;klas;leerling;soort;beurt;vraag;denktijd;compliment;waar;achteraf vastgelegd;begin les;onderwerp les',
  );
  expect(lines.length).toBeGreaterThan(10);

  const good = await backup.exportBackup();
  await backup.chooseFile(good.path);
  await expectNoSeriousA11yViolations(page, 'backup screen with a file summary');
  await page.screenshot({ path: test.info().outputPath('backup-summary.png'), fullPage: true });
});
