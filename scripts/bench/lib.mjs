// Shared pieces of the benchmarks: a vite preview server on the production build, a table
// printer, percentiles, and the JSON figures file. Benchmarks report; they never fail on a budget.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = resolve(ROOT, process.env.BENCH_DIST ?? 'dist');

export function requireDist() {
  if (!existsSync(resolve(DIST, 'index.html'))) {
    console.error(`No production build in ${DIST}: run npm run build first (or set BENCH_DIST).`);
    process.exit(1);
  }
}

/** Starts `vite preview` on the build and resolves when it answers. */
export async function startPreview(port) {
  requireDist();
  const vite = resolve(ROOT, 'node_modules/vite/bin/vite.js');
  const child = spawn(
    process.execPath,
    [
      vite,
      'preview',
      '--outDir',
      DIST,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited:\n${stderr}`);
    try {
      const response = await fetch(`${url}/`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`vite preview did not answer on ${url} within 30 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Nearest-rank percentile of a list of numbers. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Prints rows (arrays of cells) as an aligned text table. */
export function printTable(header, rows) {
  const all = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(all[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of all.slice(1)) console.log(line(row));
}

export function machine() {
  return {
    cores: typeof availableParallelism === 'function' ? availableParallelism() : cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** Writes the figures to /tmp/spiegel-bench-<name>.json (or BENCH_OUT_DIR) and returns the path. */
export function writeFigures(name, figures) {
  const dir = process.env.BENCH_OUT_DIR ?? '/tmp';
  const path = resolve(dir, `spiegel-bench-${name}.json`);
  const body = { bench: name, date: new Date().toISOString(), machine: machine(), ...figures };
  writeFileSync(path, `${JSON.stringify(body, null, 2)}\n`);
  console.log(`\nFigures written to ${path}`);
  return path;
}

/** "OK" or "OVER BUDGET", never an exit code: budgets are for people to act on. */
export function verdict(ok) {
  return ok ? 'ok' : 'OVER BUDGET';
}

/** Debian's Chromium with the project's flags: every bench drives the same browser. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

/** A phone as the benches measure it: 360×740, touch, Dutch, no service worker unless asked. */
export function phoneContext(browser, overrides = {}) {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'nl-NL',
    serviceWorkers: 'block',
    ...overrides,
  });
}

/** The `uptime` line, written down with the figures (the machine is shared). */
export function machineLoad() {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** The browser's version, written down with the figures. */
export function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM_PATH, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

/** What a timeline trace records: tasks, style, layout, paint, scripts and user timings. */
export const TRACE_CATEGORIES =
  'devtools.timeline,disabled-by-default-devtools.timeline,v8,blink.user_timing';

/**
 * Runs `run()` under a DevTools timeline trace and writes the events to `file` (JSON, as the
 * DevTools performance panel loads it). For finding where native time goes (style, layout,
 * paint, IndexedDB); recording slows the page, so nothing recorded here is a timed figure.
 */
export async function recordTrace(cdp, run, file, categories = TRACE_CATEGORIES) {
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  try {
    await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
    await run();
    await cdp.send('Tracing.end');
    await complete;
  } finally {
    cdp.off('Tracing.dataCollected', collect);
  }
  writeFileSync(file, JSON.stringify({ traceEvents: events }));
  return file;
}

/** Opens the demo class from the home screen; returns the class screen's URL. */
export async function openDemoClass(page, baseUrl) {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const demo = page.getByRole('button', { name: /demo/i }).first();
  await demo.waitFor({ timeout: 30_000 });
  await demo.click();
  await page.waitForURL(/#\/class\/[^/]+$/, { timeout: 60_000 });
  return page.url();
}

/** Starts a lesson from the class screen; returns the live grid's URL once a tile is there. */
export async function startLesson(page) {
  await page.locator('a[href$="/lesson/new"]').first().click();
  const start = page.locator('form').getByRole('button', { name: /start/i });
  await (
    (await start.count()) > 0 ? start.first() : page.locator('form button[type="submit"]').first()
  ).click();
  await page.waitForURL(/#\/lesson\/[^/]+$/, { timeout: 60_000 });
  await page.locator('button.tile-main[data-pupil-id]').first().waitFor();
  return page.url();
}

/**
 * What the tap and lock benches measure on: the preview build, a phone page with a DevTools
 * session (for CPU throttling), the demo class open and a lesson started. `prepare(context)` runs
 * before the page opens (e.g. to serve an extra page); `run` gets { server, context, page, cdp,
 * classUrl, lessonUrl, load } and its result is returned; browser and server close either way.
 */
export async function withDemoLesson(port, { prepare } = {}, run) {
  const server = await startPreview(port);
  const browser = await launchChromium();
  const load = machineLoad();
  try {
    const context = await phoneContext(browser);
    if (prepare) await prepare(context);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const classUrl = await openDemoClass(page, server.url);
    const lessonUrl = await startLesson(page);
    return await run({ server, context, page, cdp, classUrl, lessonUrl, load });
  } finally {
    await browser.close();
    await server.stop();
  }
}
