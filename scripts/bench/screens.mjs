// The longest main-thread task per screen, at 1× and 4× CPU (DevTools protocol), on the demo
// class in a phone viewport: the start screen, the class screen (with its prompts), the live
// lesson, logging afterwards and the insights screen. Per screen: open it by its address, then
// wait until the main thread has been quiet for QUIET_MS (or MAX_MS passed); report the longest
// task (PerformanceObserver 'longtask', tasks over 50 ms) and when the last task ended. The
// medians of BENCH_SCREENS_RUNS visits (default 5). The class-year's insights screen is in
// insights.mjs. Usage: node scripts/bench/screens.mjs   (BENCH_DIST=dist, port 4199)
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import {
  chromiumVersion,
  launchChromium,
  phoneContext,
  printTable,
  startPreview,
  writeFigures,
} from './lib.mjs';

const PORT = Number(process.env.BENCH_SCREENS_PORT ?? 4199);
const RUNS = Number(process.env.BENCH_SCREENS_RUNS ?? 5);
const RATES = [1, 4];
const QUIET_MS = 1000;
const MAX_MS = 8000;
const BUDGET_MS = 50;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function installProbe() {
  window.__tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__tasks.push({ start: e.startTime, dur: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** In the page: sets the hash, then waits for QUIET_MS without a long task. */
function visit([hash, quietMs, maxMs]) {
  return new Promise((done) => {
    const t0 = performance.now();
    const seen = window.__tasks.length;
    location.hash = hash;
    const check = () => {
      const tasks = window.__tasks.slice(seen).filter((t) => t.start >= t0 - 1);
      const lastEnd = Math.max(t0, ...tasks.map((t) => t.start + t.dur));
      const now = performance.now();
      if (now - lastEnd >= quietMs || now - t0 > maxMs) {
        done({
          longest: Math.max(0, ...tasks.map((t) => t.dur)),
          settled: lastEnd - t0,
          tasks: tasks.length,
        });
      } else setTimeout(check, 100);
    };
    setTimeout(check, 100);
  });
}

export async function runScreens() {
  const server = await startPreview(PORT);
  const browser = await launchChromium();
  const load = { start: loadavg().map((x) => x.toFixed(2)) };
  const figures = { runs: RUNS, rates: {} };
  try {
    figures.browser = chromiumVersion();
    for (const rate of RATES) {
      const context = await phoneContext(browser);
      await context.addInitScript(installProbe);
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.getByRole('button', { name: 'Open de demoklas' }).click();
      await page.waitForURL(/#\/class\//);
      const classId = decodeURIComponent(page.url().split('#/class/')[1].split('/')[0]);
      await page.goto(`${server.url}/#/class/${classId}/lesson/new`);
      await page.getByRole('button', { name: 'Start de les' }).click();
      await page.waitForURL(/#\/lesson\//);
      const lessonId = page.url().split('#/lesson/')[1].split('/')[0];
      const screens = [
        ['start', '#/'],
        ['class', `#/class/${classId}`],
        ['live lesson', `#/lesson/${lessonId}`],
        ['afterwards', `#/class/${classId}/after`],
        ['insights', `#/class/${classId}/insights`],
      ];
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const samples = Object.fromEntries(screens.map(([name]) => [name, []]));
      for (let run = 0; run < RUNS + 1; run += 1) {
        for (const [name, hash] of screens) {
          // Start from a blank route so every screen opens afresh.
          await page.evaluate(visit, ['#/none', 300, 3000]);
          const v = await page.evaluate(visit, [hash, QUIET_MS, MAX_MS]);
          if (run > 0) samples[name].push(v);
        }
      }
      figures.rates[rate] = Object.fromEntries(
        screens.map(([name]) => [
          name,
          {
            longestTaskMs: median(samples[name].map((v) => v.longest)),
            settledMs: median(samples[name].map((v) => v.settled)),
          },
        ]),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  load.end = loadavg().map((x) => x.toFixed(2));
  figures.load = load;
  console.log(
    `${figures.browser}; load ${load.start.join(' ')} → ${load.end.join(' ')}; medians of ${RUNS}`,
  );
  const names = Object.keys(figures.rates[1]);
  printTable(
    ['screen (demo class)', 'longest task 1×', '4×', 'settled 1×', '4×'],
    names.map((n) => [
      n,
      `${figures.rates[1][n].longestTaskMs.toFixed(0)} ms`,
      `${figures.rates[4][n].longestTaskMs.toFixed(0)} ms`,
      `${figures.rates[1][n].settledMs.toFixed(0)} ms`,
      `${figures.rates[4][n].settledMs.toFixed(0)} ms`,
    ]),
  );
  figures.withinBudget = names.every((n) => figures.rates[4][n].longestTaskMs <= BUDGET_MS);
  writeFigures('screens', figures);
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await runScreens();
