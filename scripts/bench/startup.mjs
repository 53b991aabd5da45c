// Start-up on a second visit (service worker installed), the app against the bare stack's floor
// page (scripts/bench/floor/: Preact + Dexie + i18next + workbox-window, one read, one button),
// in the same run, at 1× and 4× CPU (DevTools protocol), on a phone viewport. Per visit: the
// time from navigation to the `spiegel:ready` mark (the start screen shows its data and takes a
// tap), first contentful paint, the JavaScript files fetched before ready, and the longest
// main-thread task. Medians of BENCH_STARTUP_RUNS visits (default 7). Both pages mark ready in a
// task after the frame that painted their data, and the visits are driven through the DevTools
// protocol so that no Playwright script runs in the page during the start-up (visitOnce).
// Usage: node scripts/bench/startup.mjs   (BENCH_DIST=dist, ports 4197/4198)
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, preview } from 'vite';
import {
  chromiumVersion,
  DIST,
  launchChromium,
  phoneContext,
  printTable,
  requireDist,
  ROOT,
  writeFigures,
} from './lib.mjs';

const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 7);
const RATES = [1, 4];
const FLOOR_DIST = process.env.BENCH_FLOOR_DIST ?? '/tmp/spiegel-floor-bench';
const BUDGET_RATIO = 1.3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function serve(outDir, port) {
  const server = await preview({
    root: ROOT,
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => server.close() };
}

/** Runs in every document: collects long tasks from the start of the page. */
function installProbe() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

/** In the page: waits for the ready mark, then for the main thread to stay quiet a moment. */
function readVisit() {
  return new Promise((done) => {
    const finish = () => {
      const ready = performance.getEntriesByName('spiegel:ready')[0].startTime;
      const files = performance
        .getEntriesByType('resource')
        .filter((r) => r.startTime <= ready && /\.m?js(\?|$)/.test(r.name))
        .map((r) => new URL(r.name).pathname);
      // Read after the quiet moment: the paint entry may land after the mark.
      setTimeout(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
        done({ ready, fcp, js: files.length, files, longest: Math.max(0, ...window.__longTasks) });
      }, 600);
    };
    if (performance.getEntriesByName('spiegel:ready').length > 0) return finish();
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('spiegel:ready').length === 0) return;
      observer.disconnect();
      finish();
    }).observe({ type: 'mark', buffered: true });
  });
}

/**
 * One visit, driven through the DevTools protocol itself: Playwright's `goto` and `evaluate`
 * compile Playwright's injected script into the page (20-30 ms of main thread at 4x), which
 * landed inside both pages' start-up until the night of 3 December; a protocol `Runtime.evaluate` of
 * readVisit adds only that small function.
 */
async function visitOnce(cdp, url) {
  const loaded = new Promise((done) => cdp.once('Page.domContentEventFired', done));
  await cdp.send('Page.navigate', { url });
  await loaded;
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: `(${readVisit.toString()})()`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`start-up visit failed: ${exceptionDetails.text}`);
  return result.value;
}

export async function measureSite(browser, url, rate) {
  const context = await phoneContext(browser, { serviceWorkers: 'allow' });
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  // First visit installs the service worker; the visits measured are served by it.
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  for (let i = 0; i < 3; i += 1) {
    await page.reload();
    if (await page.evaluate(() => navigator.serviceWorker.controller !== null)) break;
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Page.enable');
  const visits = [];
  for (let i = 0; i < RUNS + 1; i += 1) {
    const visit = await visitOnce(cdp, url);
    if (i > 0) visits.push(visit); // the first one warms the caches of this throttling rate
  }
  await context.close();
  return {
    readyMs: median(visits.map((v) => v.ready)),
    fcpMs: median(visits.map((v) => v.fcp)),
    jsFiles: median(visits.map((v) => v.js)),
    longestTaskMs: median(visits.map((v) => v.longest)),
    visits,
  };
}

/** Builds the floor page into FLOOR_DIST. */
export async function buildFloor() {
  await build({
    configFile: resolve(ROOT, 'scripts/bench/floor/vite.config.mjs'),
    logLevel: 'warn',
  });
  return FLOOR_DIST;
}

export async function runStartup() {
  requireDist();
  await buildFloor();
  const load = { start: loadavg().map((x) => x.toFixed(2)) };
  const app = await serve(DIST, 4197);
  const floor = await serve(FLOOR_DIST, 4198);
  const browser = await launchChromium();
  const figures = { browser: chromiumVersion(), runs: RUNS, rates: {} };
  try {
    for (const rate of RATES) {
      // Back to back, so both see the same load.
      const a = await measureSite(browser, app.url, rate);
      const f = await measureSite(browser, floor.url, rate);
      figures.rates[rate] = { app: a, floor: f, ratio: a.readyMs / f.readyMs };
    }
  } finally {
    await browser.close();
    await app.stop();
    await floor.stop();
  }
  load.end = loadavg().map((x) => x.toFixed(2));
  figures.load = load;
  const rows = [];
  for (const rate of RATES) {
    const { app: a, floor: f, ratio } = figures.rates[rate];
    rows.push([
      `${rate}×`,
      `${a.readyMs.toFixed(0)} ms`,
      `${f.readyMs.toFixed(0)} ms`,
      `${ratio.toFixed(2)}×`,
      `${a.fcpMs.toFixed(0)} / ${f.fcpMs.toFixed(0)} ms`,
      `${a.jsFiles} / ${f.jsFiles}`,
      `${a.longestTaskMs.toFixed(0)} / ${f.longestTaskMs.toFixed(0)} ms`,
    ]);
  }
  console.log(
    `${figures.browser}; load ${load.start.join(' ')} → ${load.end.join(' ')}; medians of ${RUNS}`,
  );
  printTable(
    ['CPU', 'app ready', 'floor ready', 'ratio', 'FCP app / floor', 'JS files', 'longest task'],
    rows,
  );
  const r4 = figures.rates[4];
  figures.withinBudget = r4.ratio <= BUDGET_RATIO && r4.app.jsFiles <= 3;
  writeFigures('startup', figures);
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await runStartup();
