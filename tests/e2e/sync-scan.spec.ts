/**
 * Issue 13, point 1: the second device scans the QR code of the first. Chromium's fake camera
 * plays a video of a QR code (tests/e2e/support/fakeCamera.ts) drawn from the laptop's real
 * pairing code; the phone scans it, with the QR reader loaded from the service worker's
 * precache while offline, and pairs. Another QR code, a refused camera, Escape, pagehide and
 * leaving the screen each give their message or turn the camera off. Every wait is on state.
 */
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { createToken } from '../../server/syncServer.mjs';
import { HomePage } from './pages/HomePage';
import { SyncPage } from './pages/SyncPage';
import { cameraLaunchOptions, writeQrVideo } from './support/fakeCamera';
import {
  expect,
  expectNoSeriousA11yViolations,
  openApp,
  test,
  trackForeignRequests,
  waitForServiceWorkerControl,
} from './support/fixtures';
import { syncServerForSpec } from './support/syncServer';

const sync = syncServerForSpec('scan');

const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };
/** Sync over loopback on a loaded machine: generous, and every wait is on state. */
const WAIT = { timeout: 20_000 };

declare global {
  interface Window {
    __cameraStreams?: MediaStream[];
  }
}

/**
 * A phone in `browser` (one with a fake camera): every camera stream the app opens is noted, so
 * the test can see that the camera is off again; requests elsewhere and page errors are kept.
 */
async function phone(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({
    baseURL,
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: 'nl-NL',
  });
  await context.addInitScript(() => {
    const media = navigator.mediaDevices as MediaDevices | undefined;
    if (!media) return;
    const open = media.getUserMedia.bind(media);
    window.__cameraStreams = [];
    media.getUserMedia = async (constraints) => {
      const stream = await open(constraints);
      window.__cameraStreams!.push(stream);
      return stream;
    };
  });
  const foreign = trackForeignRequests(context, new URL(baseURL!).origin);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  const checkClean = () => {
    expect(foreign, 'requests to another origin').toEqual([]);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  };
  return { context, page, checkClean };
}

/** Camera tracks the page opened that are still running. */
function liveCameraTracks(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window.__cameraStreams ?? [])
        .flatMap((s) => s.getTracks())
        .filter((track) => track.readyState === 'live').length,
  );
}

test('the phone scans the laptop’s QR code offline and pairs; the camera goes off', async ({
  browser,
  baseURL,
  playwright,
}) => {
  test.slow();
  const access = await createToken(sync.server, 'e2e teacher, scan');
  const laptopContext = await browser.newContext({ baseURL, viewport: LAPTOP, locale: 'nl-NL' });
  const laptop = await laptopContext.newPage();
  await openApp(laptop);
  const classId = await new HomePage(laptop).createClass('Klaprozenklas');
  const laptopSync = new SyncPage(laptop);
  await laptopSync.open();
  await laptopSync.pairFirst(sync.server.url, access.teacherId, access.token);
  await laptopSync.expectOnline();
  const code = await laptopSync.pairingCode();

  const video = join(sync.dir, 'pairing-code.y4m');
  writeQrVideo(video, code);
  const camera = await playwright.chromium.launch(cameraLaunchOptions(video));
  try {
    const { context, page, checkClean } = await phone(camera, baseURL);
    await openApp(page);
    await waitForServiceWorkerControl(page);
    // Offline: the QR reader must come from the precache.
    await context.setOffline(true);
    const sync = new SyncPage(page);
    await sync.open();
    await sync.scanButton.click();
    // Read, the camera off, the code in the field as if typed, and this device paired.
    await expect(page.getByRole('img', { name: 'QR-code met je koppelcode' })).toBeVisible(WAIT);
    await expect(sync.scanner).toBeHidden();
    expect(await sync.pairingCode()).toBe(code);
    await expect.poll(() => liveCameraTracks(page)).toBe(0);
    expect(await page.evaluate(() => window.__cameraStreams?.length)).toBe(1);

    await context.setOffline(false);
    await sync.expectOnline();
    await page.goto(`/#/class/${classId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Klaprozenklas' })).toBeVisible(WAIT);
    checkClean();
    await context.close();
  } finally {
    await camera.close();
    await laptopContext.close();
  }
});

test('another QR code is named as such; Escape, pagehide and leaving the screen turn the camera off; the scanner passes axe', async ({
  baseURL,
  playwright,
}) => {
  const video = join(sync.dir, 'web-address.y4m');
  writeQrVideo(video, 'https://www.example.org/koppelen');
  const camera = await playwright.chromium.launch(cameraLaunchOptions(video));
  try {
    const { context, page, checkClean } = await phone(camera, baseURL);
    await openApp(page);
    const sync = new SyncPage(page);
    await sync.open();
    const status = sync.scanner.getByRole('status');

    await sync.scanButton.click();
    await expect(sync.scanner).toBeVisible();
    await expect(status).toHaveText(/Deze QR-code is geen koppelcode van Spiegel/, WAIT);
    await expectNoSeriousA11yViolations(page, 'QR scanner, another QR code');
    expect(await liveCameraTracks(page)).toBe(1);
    // Escape cancels: the camera is off, focus is back on the button, typing stays.
    await page.keyboard.press('Escape');
    await expect(sync.scanner).toBeHidden();
    await expect(sync.scanButton).toBeFocused();
    await expect.poll(() => liveCameraTracks(page)).toBe(0);
    await expect(sync.codeField).toBeEditable();
    await expect(sync.codeField).toHaveValue('');
    await expect(page.getByRole('alert')).toHaveCount(0);

    // The page put away (pagehide) gives the camera back.
    await sync.scanButton.click();
    await expect(status).toHaveText(/geen koppelcode van Spiegel/, WAIT);
    await page.evaluate(() =>
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })),
    );
    await expect(sync.scanner).toBeHidden();
    await expect.poll(() => liveCameraTracks(page)).toBe(0);

    // Leaving the screen with the scanner open does too.
    await sync.scanButton.click();
    await expect(status).toHaveText(/geen koppelcode van Spiegel/, WAIT);
    await page.goto('/#/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
    await expect.poll(() => liveCameraTracks(page)).toBe(0);
    expect(await page.evaluate(() => window.__cameraStreams?.length)).toBe(3);
    checkClean();
    await context.close();
  } finally {
    await camera.close();
  }
});

test('a refused camera says so, and the code can still be typed', async ({
  baseURL,
  playwright,
}) => {
  const video = join(sync.dir, 'refused.y4m');
  writeQrVideo(video, 'https://www.example.org/');
  // No fake prompt: a headless Chromium turns the camera request down.
  const camera = await playwright.chromium.launch(cameraLaunchOptions(video, { allow: false }));
  try {
    const { context, page, checkClean } = await phone(camera, baseURL);
    await openApp(page);
    const sync = new SyncPage(page);
    await sync.open();
    await sync.scanButton.click();
    await expect(page.getByRole('alert')).toContainText(
      'Spiegel mag de camera niet gebruiken',
      WAIT,
    );
    await expect(sync.scanner).toBeHidden();
    await expect(sync.scanButton).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'sync screen, camera refused');
    // Typing stays: a wrong code gets the form's own message.
    await sync.codeField.fill('geen-code');
    await page.getByRole('button', { name: 'Koppelen met deze code' }).click();
    await expect(page.getByText('Dit is geen koppelcode van Spiegel.')).toBeVisible();
    checkClean();
    await context.close();
  } finally {
    await camera.close();
  }
});
