// Sync on the client side (issue 13), in Chromium on the production build with the sync server
// on loopback (in this process):
//   1. initial sync of a class-year (30 pupils, 200 lessons, 25,000 events) to a new device: from
//      the click on "Koppelen met deze code" until the device's IndexedDB holds every lesson
//      (target ≤ 5 s), for a laptop and then a phone;
//   2. a tap on the phone visible on the laptop's open live grid: from the phone's pointerdown to
//      the laptop's tile count changing (target p95 ≤ 1 s on loopback);
//   3. tap → count painted on the phone with sync on (paired, the laptop listening) and off
//      (the same phone unpaired), the probe of tap.mjs.
// The class-year is written in Node with the app's own mapping (sync-client-entry.ts through
// Vite's SSR loader) and handed to the server by a Node provider, so the bench measures receiving.
// Usage: node scripts/bench/sync-client.mjs  (BENCH_DIST=dist, BENCH_SYNC_CLIENT_TAPS=40,
//        BENCH_SYNC_CLIENT_PORT: any free port by default). Figures under load are provisional.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { createServer } from 'vite';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  ROOT,
  chromiumVersion,
  launchChromium,
  machineLoad,
  percentile,
  phoneContext,
  printTable,
  startPreview,
  verdict,
  writeFigures,
} from './lib.mjs';
import { timeTaps } from './tap.mjs';

const TAPS = Number(process.env.BENCH_SYNC_CLIENT_TAPS ?? 40);
const TARGET = { initialMs: 5000, remoteP95Ms: 1000 };
const LIMIT_MS = 120_000;

/** A port nobody listens on now (the preview server takes it at once). */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = netServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** The class-year document and the pairing code, made by the app's own code. */
async function makeData(key, url, access) {
  const vite = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false },
  });
  try {
    const entry = await vite.ssrLoadModule('/scripts/bench/sync-client-entry.ts');
    const data = entry.classYearUpdate(key);
    const code = entry.encodePairing({
      url,
      teacherId: access.teacherId,
      token: access.token,
      key,
    });
    return { ...data, code };
  } finally {
    await vite.close();
  }
}

/** Puts the document on the server through a Node provider, as a first device would. */
async function seedServer(url, name, token, update) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error('seeding the server took over 60 s')), 60_000);
    const provider = new HocuspocusProvider({
      url,
      name,
      token,
      document: doc,
      WebSocketPolyfill: WebSocket,
      onSynced: () => {
        const check = () => {
          if (provider.hasUnsyncedChanges) return setTimeout(check, 50);
          clearTimeout(timer);
          provider.destroy();
          done();
        };
        check();
      },
      onAuthenticationFailed: () => fail(new Error('the server refused the bench token')),
    });
  });
}

/** Runs in the page: resolves with Date.now() once the lessonEvents store holds `lessons`. */
function waitForLessons(lessons) {
  const count = () =>
    new Promise((done, fail) => {
      const open = indexedDB.open('spiegel');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('lessonEvents')) {
          db.close();
          return done(0);
        }
        const req = db.transaction('lessonEvents').objectStore('lessonEvents').count();
        req.onsuccess = () => {
          db.close();
          done(req.result);
        };
        req.onerror = () => fail(req.error);
      };
    });
  return (async () => {
    for (;;) {
      if ((await count()) >= lessons) return Date.now();
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
}

/** Runs in the page: every event in the database (checked once, at the end). */
function countEvents() {
  return new Promise((done, fail) => {
    const open = indexedDB.open('spiegel');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('lessonEvents').objectStore('lessonEvents').getAll();
      req.onsuccess = () => {
        open.result.close();
        done(req.result.reduce((n, r) => n + r.events.length, 0));
      };
      req.onerror = () => fail(req.error);
    };
  });
}

async function pairWithCode(page, baseUrl, code) {
  await page.goto(`${baseUrl}/#/sync`);
  await page.getByLabel('Koppelcode').fill(code);
  const lessons = page.evaluate(waitForLessons, 200);
  const start = Date.now();
  await page.getByRole('button', { name: 'Koppelen met deze code' }).click();
  const done = await lessons;
  await page.locator('.sync-state[data-phase="online"]').waitFor({ timeout: LIMIT_MS });
  return { ms: done - start, events: await page.evaluate(countEvents) };
}

/** Runs in the laptop's page: notes when each tile's count changes (wall clock, ms). */
function watchTiles() {
  window.__remote = [];
  const observer = new MutationObserver(() => {
    for (const el of document.querySelectorAll('[data-total]')) {
      const total = el.textContent;
      if (el.__seen !== total) {
        el.__seen = total;
        window.__remote.push({ total, at: performance.timeOrigin + performance.now() });
      }
    }
  });
  for (const el of document.querySelectorAll('[data-total]')) el.__seen = el.textContent;
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
}

/** Runs in the phone's page: notes the wall clock of each tile pointerdown. */
function watchTaps() {
  window.__taps = [];
  document.addEventListener(
    'pointerdown',
    () => window.__taps.push(performance.timeOrigin + performance.now()),
    { capture: true },
  );
}

async function remoteLatency(phone, laptop, count) {
  await laptop.evaluate(watchTiles);
  await phone.evaluate(watchTaps);
  const tile = phone.locator('button.tile-main[data-pupil-id]').first();
  const values = [];
  for (let i = 0; i < count; i++) {
    await tile.tap();
    await laptop.waitForFunction((n) => window.__remote.length >= n, i + 1, { timeout: 30_000 });
    const [tap, seen] = await Promise.all([
      phone.evaluate((n) => window.__taps[n], i),
      laptop.evaluate((n) => window.__remote[n].at, i),
    ]);
    values.push(seen - tap);
  }
  return { taps: values.length, p50: percentile(values, 50), p95: percentile(values, 95) };
}

export async function runSyncClient() {
  const { startSyncServer, createToken } = await import(
    pathToFileURL(resolve(ROOT, 'server/syncServer.mjs')).href
  );
  const dir = mkdtempSync(join(tmpdir(), 'spiegel-bench-sync-client-'));
  const server = await startSyncServer({ dbFile: join(dir, 'sync.sqlite'), quiet: true });
  const preview = await startPreview(
    Number(process.env.BENCH_SYNC_CLIENT_PORT ?? (await freePort())),
  );
  const browser = await launchChromium();
  const load = machineLoad();
  try {
    const access = await createToken(server, 'bench teacher');
    const key = crypto.getRandomValues(new Uint8Array(32));
    const data = await makeData(key, server.url, access);
    await seedServer(server.url, `${access.teacherId}/data`, access.token, data.update);
    console.log(
      `Class-year on the server: ${data.events} events, ${(data.update.length / 1e6).toFixed(1)} MB of Yjs state.\n`,
    );

    const laptopContext = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'nl-NL',
      serviceWorkers: 'block',
    });
    const laptop = await laptopContext.newPage();
    const phoneCtx = await phoneContext(browser);
    const phone = await phoneCtx.newPage();
    const initialLaptop = await pairWithCode(laptop, preview.url, data.code);
    console.log(`initial sync, laptop: ${initialLaptop.ms} ms (${initialLaptop.events} events)`);
    const initialPhone = await pairWithCode(phone, preview.url, data.code);
    console.log(`initial sync, phone: ${initialPhone.ms} ms (${initialPhone.events} events)`);

    const lessonUrl = `${preview.url}/#/lesson/${data.lastLessonId}`;
    await laptop.goto(lessonUrl);
    await phone.goto(lessonUrl);
    await laptop.locator('button.tile-main[data-pupil-id]').first().waitFor();
    await phone.locator('button.tile-main[data-pupil-id]').first().waitFor();
    const remote = await remoteLatency(phone, laptop, TAPS);
    console.log(`phone tap -> laptop grid: p50 ${remote.p50} ms, p95 ${remote.p95} ms`);

    // Tap → painted on the phone: paired (the laptop listening), then the same phone unpaired.
    await phone.goto(lessonUrl);
    await phone.locator('button.tile-main[data-pupil-id]').first().waitFor();
    const syncOn = await timeTaps(phone, TAPS);
    await phone.goto(`${preview.url}/#/sync`);
    await phone.getByRole('button', { name: 'Ontkoppel dit apparaat' }).click();
    // Unpaired: the pairing forms come back.
    await phone
      .getByRole('button', { name: 'Koppelen met deze code' })
      .waitFor({ timeout: LIMIT_MS });
    await phone.goto(lessonUrl);
    await phone.locator('button.tile-main[data-pupil-id]').first().waitFor();
    const syncOff = await timeTaps(phone, TAPS);

    const ms = (v) => `${Math.round(v)} ms`;
    const initialOk = Math.max(initialLaptop.ms, initialPhone.ms) <= TARGET.initialMs;
    const remoteOk = remote.p95 <= TARGET.remoteP95Ms;
    console.log(`${chromiumVersion()}\nload: ${load}\n`);
    printTable(
      ['figure', 'measured', 'target', ''],
      [
        [
          `initial sync, laptop (${initialLaptop.events} events)`,
          ms(initialLaptop.ms),
          '≤ 5 s',
          verdict(initialLaptop.ms <= TARGET.initialMs),
        ],
        [
          `initial sync, phone (${initialPhone.events} events)`,
          ms(initialPhone.ms),
          '≤ 5 s',
          verdict(initialPhone.ms <= TARGET.initialMs),
        ],
        [`phone tap -> laptop grid, p50 of ${remote.taps}`, ms(remote.p50), '', ''],
        [
          `phone tap -> laptop grid, p95 of ${remote.taps}`,
          ms(remote.p95),
          '≤ 1 s',
          verdict(remoteOk),
        ],
        [
          'tap -> painted p50, sync on / off',
          `${syncOn.paint.p50.toFixed(1)} / ${syncOff.paint.p50.toFixed(1)} ms`,
          '',
          '',
        ],
        [
          'tap -> painted p95, sync on / off',
          `${syncOn.paint.p95.toFixed(1)} / ${syncOff.paint.p95.toFixed(1)} ms`,
          'unchanged',
          '',
        ],
        [
          'tap -> stored p95, sync on / off',
          `${syncOn.stored.p95.toFixed(1)} / ${syncOff.stored.p95.toFixed(1)} ms`,
          '',
          '',
        ],
      ],
    );
    const figures = {
      chromium: chromiumVersion(),
      load,
      events: data.events,
      stateBytes: data.update.length,
      initialSync: { laptop: initialLaptop, phone: initialPhone },
      remoteTap: remote,
      tapPaint: { syncOn, syncOff },
      targets: TARGET,
      withinBudget: initialOk && remoteOk,
    };
    writeFigures('sync-client', figures);
    return figures;
  } finally {
    await browser.close();
    await preview.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runSyncClient();
}
