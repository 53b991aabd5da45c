/**
 * Issue 13, the short code: a paired phone shows an 8-character code; a laptop types it (with
 * the server address), both show the same 4 digits, and after "Klopt" on the phone the laptop is
 * paired and a tap on the phone shows on the laptop's live grid. A wrong code first fails with a
 * clear message on both; the join form fits 360 px; once the token is revoked the phone gets no
 * new code and says why. The sync server runs on loopback, started by the test; every wait is on
 * the app's state.
 */
import type { Browser, Page } from '@playwright/test';
import { createToken, revokeToken } from '../../server/syncServer.mjs';
import { ClassPage } from './pages/ClassPage';
import { HomePage } from './pages/HomePage';
import { LivePage } from './pages/LivePage';
import { PupilsPage } from './pages/PupilsPage';
import { StartLessonPage } from './pages/StartLessonPage';
import { SyncPage } from './pages/SyncPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';
import { syncServerForSpec } from './support/syncServer';

const sync = syncServerForSpec('short');

const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };
const WAIT = { timeout: 20_000 };

async function device(browser: Browser, baseURL: string | undefined, viewport = PHONE) {
  const context = await browser.newContext({ baseURL, viewport, locale: 'nl-NL' });
  const page = await context.newPage();
  return { context, page };
}

/** The 4 digits a screen shows (the visually hidden label before them aside). */
async function digits(page: Page): Promise<string> {
  const shown = page.locator('.sync-digits');
  await expect(shown).toHaveText(/\d{4}/, WAIT);
  return /\d{4}/.exec((await shown.textContent()) ?? '')![0];
}

async function lessonArrived(page: Page, lessonId: string): Promise<boolean> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('spiegel');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error(String(req.error)));
    });
    const found = await new Promise<boolean>((resolve) => {
      const req = db.transaction('lessons').objectStore('lessons').get(id);
      req.onsuccess = () => resolve(Boolean(req.result));
      req.onerror = () => resolve(false);
    });
    db.close();
    return found;
  }, lessonId);
}

test('pair a laptop with the short code: same digits, Klopt, and a tap arrives', async ({
  browser,
  baseURL,
}) => {
  test.slow();
  const access = await createToken(sync.server, 'e2e teacher, short code');
  const phone = await device(browser, baseURL, PHONE);
  const laptop = await device(browser, baseURL, LAPTOP);
  await openApp(phone.page);
  await openApp(laptop.page);

  const classId = await new HomePage(phone.page).createClass('Zonnebloemklas');
  await new PupilsPage(phone.page).open(classId);
  await new PupilsPage(phone.page).pasteNames(['Wilhelmina', 'Bartholomeus']);
  const phoneSync = new SyncPage(phone.page);
  await phoneSync.open();
  await phoneSync.pairFirst(sync.server.url, access.teacherId, access.token);
  await phoneSync.expectOnline();

  // The phone asks for a short code; focus lands on it.
  await phone.page.getByRole('button', { name: 'Toon een korte code' }).click();
  const codeText = phone.page.locator('.sync-short-code');
  await expect(codeText).toHaveText(/[0-9A-Z]{4}-[0-9A-Z]{4}/, WAIT);
  await expect(codeText).toBeFocused();
  await expect(phone.page.getByText(/^Nog \d:\d\d geldig\./)).toBeVisible();
  await expectNoSeriousA11yViolations(phone.page, 'sync screen, short code shown');
  const code = /[0-9A-Z]{4}-[0-9A-Z]{4}/.exec((await codeText.textContent()) ?? '')![0];
  const [slot, secret] = code.split('-') as [string, string];

  // The laptop: a malformed code is refused at once, a wrong secret after the exchange.
  const laptopSync = new SyncPage(laptop.page);
  await laptopSync.open();
  const serverField = laptop.page.getByLabel('Serveradres');
  const codeField = laptop.page.getByRole('textbox', { name: 'Korte code', exact: true });
  const submit = laptop.page.getByRole('button', { name: 'Koppel met deze korte code' });
  // The join form fits a phone's width (the laptop's window narrowed for a moment).
  await laptop.page.setViewportSize(PHONE);
  await expect(submit).toBeVisible();
  expect(
    await laptop.page.evaluate(() => document.documentElement.scrollWidth),
  ).toBeLessThanOrEqual(PHONE.width);
  for (const field of [serverField, codeField, submit]) {
    const box = (await field.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  }
  await laptop.page.setViewportSize(LAPTOP);
  await serverField.fill(sync.server.url);
  await codeField.fill('ABC');
  await submit.click();
  await expect(laptop.page.getByRole('alert')).toContainText('Dit is geen korte code');
  const wrong = secret === '0000' ? '1111' : '0000';
  await codeField.fill(`${slot}-${wrong}`);
  await submit.click();
  await expect(laptop.page.getByRole('alert')).toContainText('De code klopt niet', WAIT);
  await expect(
    phone.page.getByText('Op een ander apparaat is een verkeerde code getypt.'),
  ).toBeVisible(WAIT);
  await expect(
    phone.page.getByText('Je kunt het nog 4 keer proberen met deze code.'),
  ).toBeVisible();

  // The right code, typed loosely (lower case, no dash): both screens show the same digits.
  await codeField.fill(` ${slot.toLowerCase()} ${secret.toLowerCase()} `);
  await submit.click();
  const onLaptop = await digits(laptop.page);
  const onPhone = await digits(phone.page);
  expect(onLaptop).toBe(onPhone);
  await expect(
    phone.page.getByRole('heading', { name: 'Zie je op je andere apparaat dezelfde cijfers?' }),
  ).toBeFocused();
  await expectNoSeriousA11yViolations(phone.page, 'sync screen, short code digits');
  await expectNoSeriousA11yViolations(laptop.page, 'sync screen, short code typed');
  // Nothing is paired before "Klopt".
  await expect(laptopSync.state).toHaveCount(0);
  await phone.page.getByRole('button', { name: 'Klopt', exact: true }).click();
  await expect(phone.page.getByText('Je andere apparaat is gekoppeld')).toBeVisible(WAIT);
  await laptopSync.expectOnline();

  // A tap on the phone shows on the laptop's open live grid.
  const classPage = new ClassPage(phone.page);
  await classPage.open(classId);
  await classPage.startLesson();
  const lessonId = await new StartLessonPage(phone.page).start({ topic: 'Breukenfeest' });
  const phoneLive = new LivePage(phone.page);
  await phoneLive.waitReady();
  await expect.poll(() => lessonArrived(laptop.page, lessonId), WAIT).toBe(true);
  const laptopLive = new LivePage(laptop.page);
  await laptopLive.open(lessonId);
  await phoneLive.tapTurn('Wilhelmina');
  await expect(laptopLive.total('Wilhelmina')).toHaveText('1', WAIT);

  // Only a paired device may open a slot: with its token revoked, the phone gets no new code.
  await revokeToken(sync.server, 'e2e teacher, short code');
  await phoneSync.open();
  await phone.page.getByRole('button', { name: 'Toon een korte code' }).click();
  await expect(phone.page.getByText(/De server herkent dit apparaat niet \(meer\)/)).toBeVisible(
    WAIT,
  );
  await expect(codeText).toHaveCount(0);

  await phone.context.close();
  await laptop.context.close();
});
