/**
 * Issue 13 end to end: the sync server (server/syncServer.mjs) on loopback, a phone and a
 * laptop on the production build. Pair; a tap on the phone shows on the laptop's open live grid
 * (and back, and an undo); offline edits
 * on both (the same pupil's expectation, a pupil renamed on one and erased on the other) end
 * in identical databases; the server's file holds none of the names or texts; a wrong token is
 * refused. Every wait is on the app's state, never on time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { createToken, startSyncServer } from '../../server/syncServer.mjs';
import { ExpectationsPage } from './pages/ExpectationsPage';
import { HomePage } from './pages/HomePage';
import { LivePage } from './pages/LivePage';
import { PupilsPage } from './pages/PupilsPage';
import { StartLessonPage } from './pages/StartLessonPage';
import { ClassPage } from './pages/ClassPage';
import { SyncPage } from './pages/SyncPage';
import {
  expect,
  expectNoSeriousA11yViolations,
  openApp,
  test,
  waitForServiceWorkerControl,
} from './support/fixtures';

type Server = Awaited<ReturnType<typeof startSyncServer>>;
let server: Server;
let dir: string;
let dbFile: string;
let access: { teacherId: string; token: string };

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-e2e-sync-'));
  dbFile = join(dir, 'sync.sqlite');
  server = await startSyncServer({ host: '127.0.0.1', port: 0, dbFile, quiet: true });
  access = await createToken(server, 'e2e teacher');
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const PHONE = { width: 360, height: 740 };
/** Sync over loopback on a loaded machine: generous, and every wait is on state. */
const WAIT = { timeout: 20_000 };
const LAPTOP = { width: 1280, height: 800 };

async function device(browser: Browser, baseURL: string | undefined, viewport = PHONE) {
  const context = await browser.newContext({ baseURL, viewport, locale: 'nl-NL' });
  const page = await context.newPage();
  return { context, page };
}

/** Every synced store of the app's IndexedDB, each in id order. */
async function dumpDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const stores = [
      'classes',
      'pupils',
      'lenses',
      'lessons',
      'absences',
      'lessonEvents',
      'banking',
      'expectations',
      'achievements',
      'relationships',
      'journal',
      'intentions',
      'promptStates',
      'coachRemarks',
    ];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('spiegel');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error(String(req.error)));
    });
    const out: Record<string, unknown[]> = {};
    for (const name of stores) {
      const rows = await new Promise<{ id: string }[]>((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result as { id: string }[]);
        req.onerror = () => reject(new Error(String(req.error)));
      });
      out[name] = rows.sort((a, b) => a.id.localeCompare(b.id));
    }
    db.close();
    return JSON.stringify(out);
  });
}

/** Rates every pupil in a round with the same step, in the order the round shows them. */
async function rateEveryone(page: Page, classId: string, names: string[], step: string) {
  const expectations = new ExpectationsPage(page);
  await expectations.open(classId);
  await expectations.startButton.click();
  for (let i = 0; i < names.length; i++) {
    await expect(expectations.step(step)).toBeVisible();
    let showing = '';
    for (const n of names) if (await expectations.card(n).count()) showing = n;
    await expectations.rate(showing, step);
  }
}

test('a wrong token is refused with a clear message; the screen passes axe', async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await device(browser, baseURL);
  await openApp(page);
  const sync = new SyncPage(page);
  await sync.open();
  await expectNoSeriousA11yViolations(page, 'sync screen, not paired');
  await sync.pairFirst(server.url, access.teacherId, 'not-the-token');
  await expect(sync.state).toHaveAttribute('data-phase', 'refused', { timeout: 20_000 });
  await expect(sync.state).toContainText('De server weigert de toegang');
  await expectNoSeriousA11yViolations(page, 'sync screen, refused');
  await context.close();
});

test('pair a phone and a laptop: a tap arrives, offline edits merge, the server reads nothing', async ({
  browser,
  baseURL,
}) => {
  test.slow();
  const phone = await device(browser, baseURL, PHONE);
  const laptop = await device(browser, baseURL, LAPTOP);

  // Both work offline later: their service workers must control them first.
  await openApp(phone.page);
  await waitForServiceWorkerControl(phone.page);
  await openApp(laptop.page);
  await waitForServiceWorkerControl(laptop.page);
  // The phone holds a class before it is paired.
  const classId = await new HomePage(phone.page).createClass('Zonnebloemklas');
  const pupils = new PupilsPage(phone.page);
  await pupils.open(classId);
  await pupils.pasteNames(['Wilhelmina', 'Jozefien', 'Bartholomeus']);

  const phoneSync = new SyncPage(phone.page);
  await phoneSync.open();
  await phoneSync.pairFirst(server.url, access.teacherId, access.token);
  await phoneSync.expectOnline();
  await expect(phone.page.getByRole('img', { name: 'QR-code met je koppelcode' })).toBeVisible();
  await expectNoSeriousA11yViolations(phone.page, 'sync screen, paired');
  const code = await phoneSync.pairingCode();

  const laptopSync = new SyncPage(laptop.page);
  await laptopSync.open();
  await laptopSync.pairWithCode(code);
  await laptopSync.expectOnline();
  // The laptop receives the class.
  await laptop.page.goto(`/#/class/${classId}`);
  await expect(laptop.page.getByRole('heading', { level: 1, name: 'Zonnebloemklas' })).toBeVisible({
    timeout: 20_000,
  });

  // Both live grids stay open: a turn on one shows on the other without reopening it.
  const classPage = new ClassPage(phone.page);
  await classPage.open(classId);
  await classPage.startLesson();
  const lessonId = await new StartLessonPage(phone.page).start({ topic: 'Breukenfeest' });
  const phoneLive = new LivePage(phone.page);
  await phoneLive.waitReady();
  // The laptop opens the lesson once it has arrived there.
  await expect.poll(async () => (await dumpDb(laptop.page)).includes(lessonId), WAIT).toBe(true);
  const laptopLive = new LivePage(laptop.page);
  await laptopLive.open(lessonId);
  await phoneLive.tapTurn('Wilhelmina');
  await expect(laptopLive.total('Wilhelmina')).toHaveText('1', WAIT);
  await laptopLive.tapTurn('Bartholomeus');
  await expect(phoneLive.total('Bartholomeus')).toHaveText('1', WAIT);
  // An undo on the phone takes the turn back on the laptop too.
  await phoneLive.tapTurn('Jozefien');
  await expect(laptopLive.total('Jozefien')).toHaveText('1', WAIT);
  await phoneLive.expectSaved('Jozefien');
  await phoneLive.undoButton.click();
  await expect(laptopLive.total('Jozefien')).toHaveText('0', WAIT);
  await expect(laptopLive.total('Wilhelmina')).toHaveText('1');

  // Both offline: each rates the same pupil; one renames Jozefien, the other erases her.
  await phone.context.setOffline(true);
  await laptop.context.setOffline(true);
  await rateEveryone(
    phone.page,
    classId,
    ['Wilhelmina', 'Jozefien', 'Bartholomeus'],
    'boven het klasniveau',
  );
  await pupils.open(classId);
  await pupils.renamePupil('Jozefien', 'Josephine');
  // The laptop's wide screen rates in a table: Wilhelmina "onder het klasniveau".
  await new ExpectationsPage(laptop.page).open(classId);
  const radio = laptop.page
    .getByRole('row', { name: /^Wilhelmina/ })
    .getByRole('radio')
    .nth(1);
  await radio.check();
  await expect(radio).toBeChecked();
  const laptopPupils = new PupilsPage(laptop.page);
  await laptopPupils.open(classId);
  await laptopPupils.erasePupil('Jozefien');

  await phone.context.setOffline(false);
  await laptop.context.setOffline(false);
  await expect
    .poll(
      async () => {
        const [a, b] = await Promise.all([dumpDb(phone.page), dumpDb(laptop.page)]);
        return a === b && !a.includes('Jozefien') && !a.includes('Josephine');
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const dump = JSON.parse(await dumpDb(phone.page)) as Record<
    string,
    { id: string; name?: string; pupilId?: string }[]
  >;
  // Both devices' ratings of Wilhelmina are kept (dated records are never overwritten).
  const wilhelmina = dump.pupils!.find((p) => p.name === 'Wilhelmina')!.id;
  expect(dump.expectations!.filter((e) => e.pupilId === wilhelmina)).toHaveLength(2);

  // A third device paired later receives everything.
  const third = await device(browser, baseURL, LAPTOP);
  await openApp(third.page);
  const thirdSync = new SyncPage(third.page);
  await thirdSync.open();
  await thirdSync.pairWithCode(code);
  await thirdSync.expectOnline();
  const phoneDump = await dumpDb(phone.page);
  await expect.poll(() => dumpDb(third.page), { timeout: 30_000 }).toBe(phoneDump);
  await third.context.close();

  // The server's file holds none of the names or texts.
  await phone.context.close();
  await laptop.context.close();
  await server.stop();
  const bytes = readFileSync(dbFile);
  for (const secret of [
    'Zonnebloemklas',
    'Wilhelmina',
    'Jozefien',
    'Josephine',
    'Bartholomeus',
    'Breukenfeest',
  ]) {
    expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
  }
  expect(bytes.length).toBeGreaterThan(0);
  server = await startSyncServer({ host: '127.0.0.1', port: 0, dbFile, quiet: true });
});

test('paired devices: the list, a new key that the other device takes with the new code, unpairing another device', async ({
  browser,
  baseURL,
}) => {
  test.slow();
  const own = await createToken(server, 'e2e teacher, devices');
  const phone = await device(browser, baseURL, PHONE);
  const laptop = await device(browser, baseURL, LAPTOP);
  await openApp(phone.page);
  await openApp(laptop.page);
  const phoneSync = new SyncPage(phone.page);
  await phoneSync.open();
  await phoneSync.pairFirst(server.url, own.teacherId, own.token);
  await phoneSync.expectOnline();
  const firstCode = await phoneSync.pairingCode();
  const laptopSync = new SyncPage(laptop.page);
  await laptopSync.open();
  await laptopSync.pairWithCode(firstCode);
  await laptopSync.expectOnline();

  // Both devices are listed on the phone, the phone as this device.
  const list = phone.page.getByRole('region', { name: 'Je gekoppelde apparaten' });
  await expect(list.getByRole('listitem')).toHaveCount(2, WAIT);
  await expect(list.getByText('(dit apparaat)')).toHaveCount(1);
  await expectNoSeriousA11yViolations(phone.page, 'sync screen, two devices');

  // A new key: the laptop's key no longer fits; it says so and writes nothing.
  await phone.page.getByRole('button', { name: 'Vervang de sleutel' }).click();
  await phone.page.getByRole('dialog').getByRole('button', { name: 'Vervang de sleutel' }).click();
  await expect(phone.page.getByText('De sleutel is vervangen.')).toBeVisible(WAIT);
  const newCode = await phoneSync.pairingCode();
  expect(newCode).not.toBe(firstCode);
  await expect(laptopSync.state).toHaveAttribute('data-phase', 'wrongKey', WAIT);
  // Paired again with the new code, it carries on: a class made there reaches the phone.
  await laptop.page.getByLabel('Nieuwe koppelcode').fill(newCode);
  await laptop.page.getByRole('button', { name: 'Opnieuw koppelen' }).click();
  await laptopSync.expectOnline();
  const classId = await new HomePage(laptop.page).createClass('Klaprozenklas');
  await phone.page.goto(`/#/class/${classId}`);
  await expect(phone.page.getByRole('heading', { level: 1, name: 'Klaprozenklas' })).toBeVisible(
    WAIT,
  );

  // Unpairing the laptop from the phone: the laptop stops and says so.
  await laptopSync.open();
  await phoneSync.open();
  const laptopRow = list.getByRole('listitem').filter({ hasNotText: '(dit apparaat)' });
  await laptopRow.getByRole('button', { name: /^Ontkoppel / }).click();
  await phone.page
    .getByRole('dialog')
    .getByRole('button', { name: /^Ontkoppel / })
    .click();
  await expect(
    laptop.page.getByText('Dit apparaat is vanaf een ander apparaat ontkoppeld'),
  ).toBeVisible(WAIT);
  await expect(laptop.page.getByRole('button', { name: 'Koppelen met deze code' })).toBeVisible();
  await phone.context.close();
  await laptop.context.close();
});
