// The insights screen with a school year of data, in Chromium against real IndexedDB:
// - computing all insights for one class and a year (30 pupils, 200 lessons, ~25,000 events),
//   in the page (budget ≤ 100 ms), and the read that feeds it;
// - from navigating to `#/class/<id>/insights` until the screen shows the analysis, reads
//   included (budget ≤ 500 ms);
// - the page's JS heap with the teacher-year in the database and the screen open (budget < 60 MB);
// - the longest main-thread task while the screen opens or a filter changes on it (issue 15: none
//   over 50 ms at 4x), and the open at 1x (≤ 300 ms) and with the CPU throttled 4x (≤ 1 s) for a class-year;
//   DevTools throttles the page's main thread only, never a worker, so at 4x the budget is judged
//   on an estimate with the analysis worker's share (its own read and analysis times) × 4;
// at several database sizes, opening always the first class: 8 weeks of one class ("8w"), a
// class-year ("1"), a teacher-year ("6") and a three-year archive ("18"), so the table shows
// whether opening one class grows with the rest of the database (issue 15's scaling).
// The data is written by a bench-only page (scripts/bench/insights-bench.html, built by
// insights-vite.config.mjs) served next to a copy of the app's build, so both share one origin and
// one IndexedDB while the production bundle gains nothing.
// Usage: node scripts/bench/insights.mjs   (BENCH_DIST=dist, BENCH_INSIGHTS_PORT=4194,
//        BENCH_INSIGHTS_RUNS=5, BENCH_INSIGHTS_SITE=/tmp/spiegel-insights-bench,
//        BENCH_INSIGHTS_SIZES=8w,1,6 (add 18 for the archive), BENCH_INSIGHTS_RATES=1,4,
//        BENCH_INSIGHTS_QUICK=1 for the class-year alone,
//        BENCH_INSIGHTS_PROFILE=<folder>: after the timed runs, one more year open per size and
//        rate under Chromium's CPU profiler and one under a timeline trace, written to
//        <folder>/open-<size>-<rate>x.cpuprofile and .trace.json (the class screen's part too);
//        build with `npx vite build --minify false --outDir dist-prof` and BENCH_DIST=dist-prof
//        for readable names)
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { DIST, ROOT, printTable, recordTrace, requireDist, verdict, writeFigures } from './lib.mjs';

const PORT = Number(process.env.BENCH_INSIGHTS_PORT ?? 4194);
const RUNS = Number(process.env.BENCH_INSIGHTS_RUNS ?? 5);
const SITE = process.env.BENCH_INSIGHTS_SITE ?? '/tmp/spiegel-insights-bench';
const SIZES = (
  process.env.BENCH_INSIGHTS_QUICK ? '1' : (process.env.BENCH_INSIGHTS_SIZES ?? '8w,1,6')
)
  .split(',')
  .map((spec) =>
    spec.endsWith('w')
      ? {
          label: `${spec.slice(0, -1)} weeks of 1 class`,
          classes: 1,
          weeks: Number(spec.slice(0, -1)),
        }
      : { label: `${spec} class-year(s)`, classes: Number(spec) },
  );
const PROFILE_DIR = process.env.BENCH_INSIGHTS_PROFILE;
const RATES = (process.env.BENCH_INSIGHTS_RATES ?? '1,4').split(',').map(Number);
/** Issue 15: a class-year's insights at 1x within 300 ms, at 4x within 1 s; no task over 50 ms. */
const BUDGET = { analysisMs: 100, openMs: { 1: 300, 4: 1000 }, heapMB: 60, taskMs: 50 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The teacher's "today" as the app computes it (local calendar date). */
function localToday() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * CPU time (user + system, ms) of this process's descendants (Chromium's processes). On a shared,
 * busy machine wall time mostly measures waiting for a core; CPU time is what the work costs.
 */
function childrenCpuMs() {
  const procs = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(name), {
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // The process ended meanwhile.
    }
  }
  let ticks = 0;
  const stack = [process.pid];
  while (stack.length > 0) {
    const pid = stack.pop();
    if (pid !== process.pid) ticks += procs.get(pid)?.ticks ?? 0;
    for (const [child, p] of procs) if (p.ppid === pid) stack.push(child);
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/**
 * In the open app: sets the hash and resolves with the ms until `.insights[data-ready="true"]`
 * (the analysis of the asked-for period is in the DOM) plus the next animation frame, and, from
 * the screen's own performance measures, how much of it went to the read and the analysis.
 */
export function timeHashNavigation(page, hash) {
  return timeUntilReady(page, { hash });
}

/**
 * As timeHashNavigation, for one kind filter switched off or on again on the open screen (by its
 * checkbox, as a teacher would): a new analysis handed to a screen already drawn.
 */
function timeKindToggle(page, index) {
  return timeUntilReady(page, { kind: index });
}

function timeUntilReady(page, action) {
  return page.evaluate(
    (what) =>
      new Promise((done) => {
        performance.clearMeasures();
        const tasks = [];
        const longTasks = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
        longTasks.observe({ type: 'longtask' });
        const t0 = performance.now();
        // Ready again once it has been busy: a filter change keeps the old analysis on screen
        // (data-ready false) until the new one is drawn.
        let busy = what.hash !== undefined;
        const ready = () => {
          const now = document.querySelector('.insights[data-ready="true"]') !== null;
          busy ||= !now;
          return busy && now;
        };
        const took = (name) =>
          performance.getEntriesByName(name).reduce((sum, e) => sum + e.duration, 0);
        const observer = new MutationObserver(() => {
          if (!ready()) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            const ms = performance.now() - t0;
            // The frame after: tasks that ended with the paint are reported by then.
            setTimeout(() => {
              tasks.push(...longTasks.takeRecords());
              longTasks.disconnect();
              const inside = tasks.filter((e) => e.startTime >= t0 && e.startTime <= t0 + ms);
              done({
                ms,
                readMs: took('insights:read'),
                analysisMs: took('insights:analysis'),
                longestTaskMs: Math.max(0, ...inside.map((e) => e.duration)),
              });
            }, 50);
          });
        });
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          attributeFilter: ['data-ready'],
        });
        if (what.hash !== undefined) location.hash = what.hash;
        else document.querySelectorAll('.kind-filter input[type="checkbox"]')[what.kind].click();
      }),
    action,
  );
}

/**
 * Opens the first class's insights RUNS times each way, at one CPU rate. `touch` writes from the
 * bench page, as another tab would: the app's cached answers go stale, so each timed open of the
 * year and of half a year reads and analyses again (without it only the first open would).
 */
async function openings(app, cdp, url, classId, rate, touch, sizeLabel) {
  const classHash = `#/class/${classId}`;
  const yearHash = `${classHash}/insights?period=all`;
  // Half a school year, as "this term" holds in spring (the synthetic year runs Sep–Jun).
  const termHash = `${classHash}/insights?period=custom&from=2025-01-01&to=2025-07-31`;
  // This week holds no synthetic lesson: opening it loads the screen's code and replaces the
  // warm copy of the last read, so the next open reads everything again.
  const emptyHash = `${classHash}/insights?period=week`;
  const toClass = async () => {
    await app.evaluate((h) => (location.hash = h), classHash);
    await app.getByRole('heading', { level: 1, name: 'Benchklas 1' }).waitFor();
    // Let the class screen finish its own reads (a teacher reads it before tapping on).
    await app.evaluate(
      () => new Promise((done) => requestIdleCallback(() => done(), { timeout: 3000 })),
    );
  };
  const timed = async (hash, fresh = true) => {
    if (fresh) await touch();
    await toClass();
    const c0 = childrenCpuMs();
    const timing = await timeHashNavigation(app, hash);
    return { ...timing, cpuMs: childrenCpuMs() - c0 };
  };
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await app.goto(`${url}/${classHash}`);
  await app.getByRole('heading', { level: 1, name: 'Benchklas 1' }).waitFor();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const codeLoad = await timed(emptyHash);
  const year = [];
  const term = [];
  for (let i = 0; i < RUNS; i++) {
    year.push(await timed(yearHash));
    await timed(emptyHash);
    term.push(await timed(termHash));
    await timed(emptyHash);
  }
  // Coming back to the screen with nothing changed: the warm copy and its analysis are used.
  await timed(yearHash);
  const again = [];
  for (let i = 0; i < RUNS; i++) again.push(await timed(yearHash, false));
  // A filter changed on the open screen: one kind off, then on again (an answer cached before),
  // a different kind each time.
  const filter = [];
  for (let i = 0; i < RUNS; i++) {
    filter.push(await timeKindToggle(app, i));
    filter.push(await timeKindToggle(app, i));
  }
  if (PROFILE_DIR) {
    const open = async () => {
      await touch();
      await toClass();
      return timeHashNavigation(app, yearHash);
    };
    await profiledOpen(cdp, `${sizeLabel}-${rate}x`, open);
  }
  // Cold: a fresh page load straight onto the screen (boot, code, strings, read, analysis).
  await app.goto('about:blank');
  const t0 = Date.now();
  await app.goto(`${url}/${yearHash}`);
  await app.locator('.insights[data-ready="true"]').waitFor();
  const coldLoadMs = Date.now() - t0;
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const all = [...year, ...term, ...again, ...filter];
  return {
    rate,
    codeLoadMs: codeLoad.ms,
    openMs: median(year.map((r) => r.ms)),
    openCpuMs: median(year.map((r) => r.cpuMs)),
    openReadMs: median(year.map((r) => r.readMs)),
    openAnalysisMs: median(year.map((r) => r.analysisMs)),
    /**
     * DevTools throttles only the page's main thread (a worker refuses the call: "only supported
     * for pages"), so at 4x the worker's read and analysis run at full speed. On a phone they
     * would be slowed too: each open with the worker's share stretched `rate` times.
     */
    openWorkerSlowedMs: median(year.map((r) => r.ms + (rate - 1) * (r.readMs + r.analysisMs))),
    openTermMs: median(term.map((r) => r.ms)),
    openTermCpuMs: median(term.map((r) => r.cpuMs)),
    reopenMs: median(again.map((r) => r.ms)),
    reopenCpuMs: median(again.map((r) => r.cpuMs)),
    filterMs: median(filter.map((r) => r.ms)),
    /** The longest task of any filter change on the open screen. */
    filterLongestTaskMs: Math.max(...filter.map((r) => r.longestTaskMs)),
    /** The longest task of any open (year, term, again) or filter change: the worst a teacher meets. */
    longestTaskMs: Math.max(...all.map((r) => r.longestTaskMs)),
    /** The median of the year opens' longest tasks. */
    medianLongestTaskMs: median(year.map((r) => r.longestTaskMs)),
    all: { year, term, again, filter },
    coldLoadMs,
  };
}

/**
 * One open under the CPU profiler, then one under a timeline trace (what native time the profile
 * calls "(program)" went to: style, layout, paint, message deserialisation). Neither is among the
 * timed figures: recording slows the open.
 */
async function profiledOpen(cdp, name, open) {
  mkdirSync(PROFILE_DIR, { recursive: true });
  const base = resolve(PROFILE_DIR, `open-${name.replace(/[^\w-]+/g, '_')}`);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await open();
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(`${base}.cpuprofile`, JSON.stringify(profile));
  await recordTrace(cdp, open, `${base}.trace.json`);
  console.log(`  profile and trace: ${base}.{cpuprofile,trace.json}`);
}

async function scenario(context, url, size, today) {
  const bench = await context.newPage();
  bench.setDefaultTimeout(1_800_000);
  bench.on('pageerror', (e) => console.error('bench page error:', e.message));
  await bench.goto(`${url}/scripts/bench/insights-bench.html`);
  await bench.waitForFunction(() => window.__insightsBench !== undefined);
  console.log(`Seeding ${size.label} …`);
  const seeded = await bench.evaluate(
    ([n, w]) => window.__insightsBench.seed(n, w ?? undefined),
    [size.classes, size.weeks ?? null],
  );
  console.log(`  ${JSON.stringify(seeded.counts)} in ${(seeded.ms / 1000).toFixed(1)} s`);
  const classId = seeded.ids[0];
  const period = { from: null, to: today };
  const cpu0 = childrenCpuMs();
  const work = await bench.evaluate(
    ([id, p, d, runs]) => window.__insightsBench.measure(id, p, d, runs),
    [classId, period, today, RUNS],
  );
  const workCpuMs = (childrenCpuMs() - cpu0) / (2 * RUNS + 2);
  const touch = () => bench.evaluate((id) => window.__insightsBench.touch(id), classId);

  const app = await context.newPage();
  app.setDefaultTimeout(300_000);
  app.on('pageerror', (e) => console.error('app page error:', e.message));
  const cdp = await context.newCDPSession(app);
  const byRate = {};
  for (const rate of RATES)
    byRate[rate] = await openings(app, cdp, url, classId, rate, touch, size.label);
  await bench.close();
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await app.close();
  return {
    ...size,
    counts: seeded.counts,
    seedMs: seeded.ms,
    class: {
      events: work.events,
      lessons: work.lessons,
      pupils: work.pupils,
      insights: work.insights,
    },
    readMs: work.readMs,
    readFirstMs: work.readFirstMs,
    rawEventsReadMs: work.rawEventsReadMs,
    analysisMs: work.analysisMs,
    analysisMinMs: work.analysisMinMs,
    workCpuMsPerRun: workCpuMs,
    byRate,
    heapMB: heap.usedSize / 1_000_000,
    heapTotalMB: heap.totalSize / 1_000_000,
  };
}

export async function runInsights() {
  requireDist();
  console.log(`Copying the app build ${DIST} to ${SITE} and adding the bench page …`);
  rmSync(SITE, { recursive: true, force: true });
  cpSync(DIST, SITE, { recursive: true });
  process.env.BENCH_INSIGHTS_SITE = SITE;
  await build({ configFile: resolve(ROOT, 'scripts/bench/insights-vite.config.mjs') });
  const server = await preview({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: SITE },
    preview: { host: '127.0.0.1', port: PORT, strictPort: true },
  });
  const url = `http://127.0.0.1:${PORT}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
  try {
    // No service worker: its navigation fallback would answer the bench page with the app.
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'nl-NL',
      serviceWorkers: 'block',
    });
    const today = localToday();
    const sizes = [];
    for (const size of SIZES) sizes.push(await scenario(context, url, size, today));
    await context.close();

    const figures = { runs: RUNS, rates: RATES, budget: BUDGET, loadAverage: loadavg(), sizes };
    const year = sizes.find((s) => s.classes === 1 && s.weeks === undefined);
    const open = (s, rate) => s.byRate[rate]?.openMs ?? NaN;
    // The budgets are set for a class-year; the larger databases must stay within them too.
    const judged = sizes.filter((s) => s.weeks === undefined);
    figures.withinBudget = judged.every(
      (s) =>
        s.analysisMs <= BUDGET.analysisMs &&
        s.heapMB < BUDGET.heapMB &&
        RATES.every(
          (r) =>
            !(r in BUDGET.openMs) ||
            (open(s, r) <= BUDGET.openMs[r] && s.byRate[r].longestTaskMs <= BUDGET.taskMs),
        ),
    );
    if (year) {
      const c = year.class;
      console.log(
        `\nOne class-year: ${c.pupils} pupils, ${c.lessons} lessons, ${c.events} events, ${c.insights} insights.`,
      );
    }
    console.log(
      `Median of ${RUNS}; load average ${figures.loadAverage.map((l) => l.toFixed(1)).join(', ')}\n`,
    );
    const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : '–');
    const row = (label, value, budget, ok) => [
      label,
      value,
      budget ?? '',
      budget ? verdict(ok) : '',
    ];
    const rows = [];
    for (const s of sizes) {
      const events = s.counts.events ?? NaN;
      rows.push(
        row(`${s.label} (${events} events in the database)`, ''),
        row('  read the first class (IndexedDB)', ms(s.readMs)),
        row('    of which the events alone, bare getAll()', ms(s.rawEventsReadMs)),
        row(
          '  compute all insights',
          ms(s.analysisMs),
          '≤ 100 ms',
          s.analysisMs <= BUDGET.analysisMs,
        ),
      );
      for (const rate of RATES) {
        const r = s.byRate[rate];
        const budget = BUDGET.openMs[rate];
        rows.push(
          row(
            `  ${rate}x open the screen, a year (hash → shown)`,
            ms(r.openMs),
            budget && rate === 1 ? `≤ ${budget} ms` : undefined,
            r.openMs <= budget,
          ),
          row('      Chromium CPU time of it', ms(r.openCpuMs)),
          row(
            '      of which read / analysis (in the worker)',
            `${ms(r.openReadMs)} / ${ms(r.openAnalysisMs)}`,
          ),
          ...(rate === 1
            ? []
            : [
                row(
                  `    ${rate}x with the worker slowed ${rate}x too (estimate: its share × ${rate})`,
                  ms(r.openWorkerSlowedMs),
                  budget ? `≤ ${budget} ms` : undefined,
                  r.openWorkerSlowedMs <= budget,
                ),
              ]),
          row(
            `    ${rate}x longest task of any open (median of the year opens)`,
            `${ms(r.longestTaskMs)} (${ms(r.medianLongestTaskMs)})`,
            '≤ 50 ms',
            r.longestTaskMs <= BUDGET.taskMs,
          ),
          row(
            `    ${rate}x a kind filter changed on the open screen (longest task)`,
            `${ms(r.filterMs)} (${ms(r.filterLongestTaskMs)})`,
          ),
          row(`    ${rate}x open half a year`, ms(r.openTermMs)),
          row(`    ${rate}x open again, nothing changed (warm copy)`, ms(r.reopenMs)),
          row(`    ${rate}x first open in a session (screen code)`, ms(r.codeLoadMs)),
          row(`    ${rate}x cold page load onto the screen, a year`, ms(r.coldLoadMs)),
        );
      }
      rows.push(
        row(
          '  JS heap, screen open (after GC)',
          `${s.heapMB.toFixed(1)} MB`,
          '< 60 MB',
          s.heapMB < BUDGET.heapMB,
        ),
      );
    }
    // Scaling: the first class's open per event of that class, against the database's size.
    const scaling = sizes.map((s) => [
      s.label,
      String(s.counts.events ?? ''),
      String(s.class.events),
      ...RATES.map(
        (rate) =>
          `${ms(open(s, rate))} (${((open(s, rate) / s.class.events) * 1000).toFixed(1)} µs/event)`,
      ),
    ]);
    writeFigures('insights', figures);
    printTable(['measure', 'result', 'budget', ''], rows);
    console.log('\nScaling: opening the first class as the database grows');
    printTable(
      [
        'database',
        'events in it',
        "the class's events",
        ...RATES.map((r) => `${r}x open (per event)`),
      ],
      scaling,
    );
    return figures;
  } finally {
    await browser.close();
    await new Promise((done) => server.httpServer.close(() => done()));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runInsights();
}
