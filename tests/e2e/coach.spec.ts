/**
 * Intervisie across two devices (two browser contexts), offline throughout once each service
 * worker is in control: the teacher exports a protected package, the coach opens it (after a
 * wrong passphrase and a damaged copy), adds a remark and exports it, the teacher imports it.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { dumpDatabase } from './pages/BackupPage';
import { CoachPage } from './pages/CoachPage';
import { HomePage } from './pages/HomePage';
import { SharePage } from './pages/SharePage';
import {
  expect,
  expectNoSeriousA11yViolations,
  goOffline,
  openApp,
  test,
  trackForeignRequests,
  waitForServiceWorkerControl,
} from './support/fixtures';

const PASSPHRASE = 'zeven appels onder de boom';
const LABEL = 'Groep 7 intervisie';
const REMARK = 'Wat weet je van de interesses van deze leerling?';

async function expectOffline(page: Page): Promise<void> {
  const fetched = await page.evaluate(() =>
    fetch('/robots.txt?offline-probe', { cache: 'no-store' }).then(
      () => 'reached',
      () => 'failed',
    ),
  );
  expect(fetched).toBe('failed');
}

/** The coach's device: a second context with the same phone set-up and the same guards. */
async function coachDevice(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page; foreign: string[]; errors: string[] }> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'nl-NL',
    serviceWorkers: 'allow',
    acceptDownloads: true,
  });
  const foreign = trackForeignRequests(context, new URL(baseURL).origin);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, foreign, errors };
}

test('teacher → protected package → coach workspace → remark → back at the teacher, offline', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  // Two devices, PBKDF2 with 600,000 iterations twice, and three axe scans on a 2-core machine.
  test.slow();
  const coach = await coachDevice(browser, baseURL ?? 'http://127.0.0.1:4173');

  // Both devices load the app once, let the service worker take over, then lose the network.
  await openApp(page);
  await waitForServiceWorkerControl(page);
  await goOffline(context);
  await expectOffline(page);
  await openApp(coach.page);
  await waitForServiceWorkerControl(coach.page);
  await goOffline(coach.context);
  await expectOffline(coach.page);

  // Teacher: the demo class, the share screen, the preview, the export.
  await new HomePage(page).openDemoClass();
  const classId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
  const share = new SharePage(page);
  await share.open(classId);
  expect(await share.previewCount('Leerlingen')).toBeGreaterThan(20);
  expect(await share.previewCount('Interacties')).toBeGreaterThan(100);
  expect(await share.previewCount('Logboekstukken')).toBe(0);
  await page.getByLabel('Naam van de klas voor je coach').fill(LABEL);
  await expect(share.preview).toContainText(LABEL);
  await expect(share.preview).toContainText('Niets extra');
  await expectNoSeriousA11yViolations(page, 'share screen');

  const names = ((await dumpDatabase(page)).pupils as { name: string }[]).map((p) => p.name);
  // One of the demo's two pupils with a conflict-laden relationship, as the coach will see them.
  const finn = await share.codeOf('Finn');
  expect(finn).toMatch(/^L\d\d$/);
  const pkg = await share.exportPackage(PASSPHRASE);
  expect(pkg.name).toMatch(/^spiegel-coach-\d{4}-\d{2}-\d{2}\.json$/);
  const envelope = JSON.parse(pkg.text) as {
    format: string;
    kdf: { name: string; hash: string; iterations: number };
    cipher: { name: string };
  };
  expect(envelope.format).toBe('spiegel-coach-package-encrypted');
  expect(envelope.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256' });
  expect(envelope.kdf.iterations).toBeGreaterThanOrEqual(600_000);
  expect(envelope.cipher.name).toBe('AES-GCM');
  await expect(page.getByRole('region', { name: 'Pakketten die je maakte' })).toContainText(LABEL);

  // Coach: a damaged copy and a wrong passphrase are refused with a clear message.
  const cp = new CoachPage(coach.page);
  await cp.openList();
  const damaged = pkg.text.replace(/"ciphertext":"(.)/, (_m, c: string) =>
    c === 'A' ? '"ciphertext":"B' : '"ciphertext":"A',
  );
  await cp.fileInput.setInputFiles({
    name: 'beschadigd.json',
    mimeType: 'application/json',
    buffer: Buffer.from(damaged),
  });
  await cp.unlock(PASSPHRASE);
  await expect(cp.error).toContainText('Verkeerde wachtwoordzin, of het bestand is veranderd');
  await cp.choosePackage(pkg.path, 'een verkeerde wachtwoordzin');
  await expect(cp.error).toContainText('Verkeerde wachtwoordzin');
  await cp.unlock(PASSPHRASE);
  await cp.waitForWorkspace();
  await expect(cp.banner).toContainText(LABEL);
  await expect(
    coach.page
      .getByRole('heading', { level: 3, name: 'Je correcties en complimenten bij één leerling' })
      .first(),
  ).toBeVisible();
  // Decrypted on the coach's device: no name in what is stored or shown.
  const coachText = (await coach.page.locator('main').textContent()) ?? '';
  const stored = (await dumpDatabase(coach.page)).coachWorkspaces as { packageJson: string }[];
  expect(stored).toHaveLength(1);
  for (const name of names) {
    const word = new RegExp(`\\b${name}\\b`);
    expect(word.test(coachText), `${name} shown to the coach`).toBe(false);
    expect(stored[0]!.packageJson.includes(name), `${name} in the stored package`).toBe(false);
  }
  await expectNoSeriousA11yViolations(coach.page, 'coach workspace');

  await cp.addRemark(
    'Je correcties en complimenten bij één leerling',
    REMARK,
    new RegExp(`\\b${finn}\\b`),
  );
  const remarks = await cp.exportRemarks('Coach Anne');
  const remarksFile = JSON.parse(remarks.text) as {
    format: string;
    remarks: { insightKey: string; text: string }[];
  };
  expect(remarksFile.format).toBe('spiegel-coach-remarks');
  expect(remarksFile.remarks).toEqual([
    expect.objectContaining({
      insightKey: expect.stringMatching(/^praiseCorrection:p[0-9a-z]+$/),
      text: REMARK,
    }),
  ]);
  // The coach's own data never gets the package: no class appeared on the coach's device.
  expect((await dumpDatabase(coach.page)).classes).toEqual([]);

  // Teacher: the remarks come home, next to the teacher's own data, about the named pupil.
  await share.importRemarks(remarks.path);
  await expect(page.getByText(`1 opmerking toegevoegd bij ‘${LABEL}’.`)).toBeVisible();
  await expect(share.remarks).toContainText(REMARK);
  await expect(share.remarks).toContainText(
    'Over: Je correcties en complimenten bij één leerling — Finn',
  );
  await expect(share.remarks).toContainText('Coach Anne');

  // The intervisie sheet: figures, the question, codes for a meeting.
  await page.goto(`/#/class/${classId}/sheet`);
  await expect(page.getByRole('heading', { level: 1, name: 'Intervisieblad' })).toBeVisible();
  const sheet = page.getByRole('article', { name: /^Intervisie · / });
  await expect(sheet.getByRole('figure', { name: /^Beurten per leerling/ })).toBeVisible();
  await expect(sheet).toContainText(
    'Wat doe ik in mijn klas om de kansen van elke leerling te vergroten?',
  );
  // Codes by default (a sheet on paper leaves the device); names only when switched on.
  await expect(sheet.locator('svg text', { hasText: /^L\d\d$/ }).first()).toBeAttached();
  await expect(sheet.locator('svg text', { hasText: /^Kacper$/ })).toHaveCount(0);
  await page.getByRole('checkbox', { name: /^Codes in plaats van namen/ }).uncheck();
  await expect(sheet.locator('svg text', { hasText: /^Kacper$/ }).first()).toBeAttached();
  await expectNoSeriousA11yViolations(page, 'intervisie sheet');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
  await expect(sheet).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // The coach deletes the workspace in one action.
  await cp.deleteWorkspace();
  await expect(coach.page.getByText('Nog geen pakketten geopend.')).toBeVisible();

  expect(coach.foreign).toEqual([]);
  expect(coach.errors).toEqual([]);
  await coach.context.close();
});
