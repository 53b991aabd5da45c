// Backup export and import at four sizes — 8 weeks, a class-year, a teacher-year (6 classes,
// 180 pupils, 900 lessons, 150,000 events) and an 18-class archive (3× a teacher-year: 540
// pupils, 2,700 lessons, 450,000 events) — in Chromium against real IndexedDB, through the app's
// own functions, at 1× and 4× CPU (CDP throttling). Every figure is the median of RUNS runs; each
// size is also checked for a round trip (every table equal after merge into an empty app and after
// replace). The page is a bench-only entry (scripts/bench/backup-bench.html, built by
// backup-vite.config.mjs into its own folder), so the production bundle gains nothing.
// Budgets: a teacher-year's export and import ≤ 5 s at 1×; the archive's import ≤ 4× the
// teacher-year's.
// Usage: node scripts/bench/backup.mjs   (BENCH_BACKUP_RUNS=5, BENCH_BACKUP_PORT=4193,
//        BENCH_BACKUP_SIZES=weeks8,classYear,teacherYear,archive, BENCH_BACKUP_RATES=1,4;
//        BENCH_BACKUP_PROFILE=<folder>: an unminified build and, after the timed runs, one more
//        merge and replace per size at the first rate under the CPU profiler, written as
//        <size>-<mode>.cpuprofile; such a run may set BENCH_BACKUP_RUNS below 5)
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { ROOT, printTable, verdict, writeFigures } from './lib.mjs';

const PORT = Number(process.env.BENCH_BACKUP_PORT ?? 4193);
const PROFILE_DIR = process.env.BENCH_BACKUP_PROFILE;
// A profiling run is not a figure: it may time fewer runs than the 5 a median needs.
const RUNS = Math.max(PROFILE_DIR ? 1 : 5, Number(process.env.BENCH_BACKUP_RUNS ?? 5));
const BUDGET_MS = 5000;
const ALL_SIZES = {
  weeks8: { seed: 2025, classes: 1, pupilsPerClass: 30, lessonsPerClass: 32, events: 4_000 },
  classYear: { seed: 2025, classes: 1, pupilsPerClass: 30, lessonsPerClass: 150, events: 25_000 },
  teacherYear: {
    seed: 2025,
    classes: 6,
    pupilsPerClass: 30,
    lessonsPerClass: 150,
    events: 150_000,
  },
  archive: { seed: 2025, classes: 18, pupilsPerClass: 30, lessonsPerClass: 150, events: 450_000 },
};
const SIZES = (process.env.BENCH_BACKUP_SIZES ?? Object.keys(ALL_SIZES).join(','))
  .split(',')
  .filter((name) => name in ALL_SIZES);
const RATES = (process.env.BENCH_BACKUP_RATES ?? '1,4').split(',').map(Number);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const load = () => loadavg().map((l) => Number(l.toFixed(2)));

/**
 * CPU time (user + system, ms) of all descendants of this Node process: Chromium's browser
 * (where IndexedDB runs), renderer and helper processes. On a shared, busy machine wall time mostly
 * measures waiting; CPU time is what the work itself costs.
 */
function childrenCpuMs() {
  const rootPid = process.pid;
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
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop();
    if (pid !== rootPid) ticks += procs.get(pid)?.ticks ?? 0;
    for (const [child, p] of procs) if (p.ppid === pid) stack.push(child);
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** One merge into an empty app and one replace under the CPU profiler (not timed figures). */
async function profileImports(cdp, page, size, rate) {
  mkdirSync(PROFILE_DIR, { recursive: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  for (const mode of ['merge', 'replace']) {
    if (mode === 'merge') await page.evaluate(() => window.__spiegelBench.clear());
    await cdp.send('Profiler.start');
    const r = await page.evaluate((m) => window.__spiegelBench.importLast(m), mode);
    const { profile } = await cdp.send('Profiler.stop');
    const file = resolve(PROFILE_DIR, `${size}-${mode}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`profiled ${size} ${mode} (${r.ms.toFixed(0)} ms, profiler on): ${file}`);
  }
  await cdp.send('Profiler.disable');
}

export async function runBackup() {
  const configFile = resolve(ROOT, 'scripts/bench/backup-vite.config.mjs');
  const outDir = process.env.BENCH_BACKUP_DIST ?? '/tmp/spiegel-backup-bench';
  console.log(`Building the bench page into ${outDir} …`);
  await build({ configFile });
  const server = await preview({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: PORT, strictPort: true },
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
  const chromiumVersion = browser.version();
  const loadStart = load();
  console.log(`Chromium ${chromiumVersion}; load average at start ${loadStart.join(', ')}`);
  console.log(
    `Sizes ${SIZES.join(', ')}; CPU ${RATES.map((r) => `${r}×`).join(', ')}; median of ${RUNS}`,
  );
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(900_000);
    page.on('pageerror', (e) => console.error('page error:', e.message));
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`http://127.0.0.1:${PORT}/scripts/bench/backup-bench.html`);
    await page.waitForFunction(() => window.__spiegelBench !== undefined);

    /**
     * Runs a bench call in the page; adds the Chromium processes' CPU time and the peak JS heap
     * (CDP Runtime.getHeapUsage sampled every 50 ms; the reader yields between chunks).
     */
    const measure = async (fn, arg) => {
      await cdp.send('HeapProfiler.collectGarbage');
      let peak = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const { usedSize } = await cdp.send('Runtime.getHeapUsage');
          if (usedSize > peak) peak = usedSize;
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const cpu0 = childrenCpuMs();
      const result = await page.evaluate(fn, arg);
      const cpuMs = childrenCpuMs() - cpu0;
      sampling = false;
      await sampler;
      return { ...result, cpuMs, peakHeapMB: peak / 1_000_000 };
    };

    const figures = { chromium: chromiumVersion, runs: RUNS, loadStart, sizes: {} };
    for (const size of SIZES) {
      const options = ALL_SIZES[size];
      console.log(`\n--- ${size}: generating and storing ${options.events} events …`);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      const seeded = await page.evaluate((o) => window.__spiegelBench.seed(o), options);
      const before = await page.evaluate(() => window.__spiegelBench.fingerprint());
      const perSize = { data: seeded.counts, rates: {} };
      for (const rate of RATES) {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate });
        const exports = [];
        const mergeEmpty = [];
        const replace = [];
        for (let run = 0; run < RUNS; run++) {
          exports.push(await measure(() => window.__spiegelBench.exportAll()));
          await page.evaluate(() => window.__spiegelBench.clear());
          mergeEmpty.push(await measure(() => window.__spiegelBench.importLast('merge')));
          if (run === 0 && rate === RATES[0]) {
            const after = await page.evaluate(() => window.__spiegelBench.fingerprint());
            perSize.roundTripMerge = JSON.stringify(after) === JSON.stringify(before);
          }
          replace.push(await measure(() => window.__spiegelBench.importLast('replace')));
          if (run === 0 && rate === RATES[0]) {
            const after = await page.evaluate(() => window.__spiegelBench.fingerprint());
            perSize.roundTripReplace = JSON.stringify(after) === JSON.stringify(before);
          }
          const f = (r) =>
            `${r.ms.toFixed(0)} ms (CPU ${r.cpuMs.toFixed(0)} ms, heap ${r.peakHeapMB.toFixed(0)} MB)`;
          console.log(
            `${size} ${rate}× run ${run + 1}: export ${f(exports[run])}, merge into empty ` +
              `${f(mergeEmpty[run])}, replace ${f(replace[run])}`,
          );
        }
        const k = seeded.counts.events / 1000;
        perSize.rates[rate] = {
          exportMs: median(exports.map((e) => e.ms)),
          mergeEmptyMs: median(mergeEmpty.map((e) => e.ms)),
          replaceMs: median(replace.map((e) => e.ms)),
          prepareMs: median(mergeEmpty.map((e) => e.prepareMs)),
          writeMergeEmptyMs: median(mergeEmpty.map((e) => e.writeMs)),
          writeReplaceMs: median(replace.map((e) => e.writeMs)),
          cpuMergeEmptyMs: median(mergeEmpty.map((e) => e.cpuMs)),
          mergeEmptyPer1000Ms: median(mergeEmpty.map((e) => e.ms)) / k,
          writeMergeEmptyPer1000Ms: median(mergeEmpty.map((e) => e.writeMs)) / k,
          peakHeapMB: {
            export: median(exports.map((e) => e.peakHeapMB)),
            mergeEmpty: median(mergeEmpty.map((e) => e.peakHeapMB)),
            replace: median(replace.map((e) => e.peakHeapMB)),
          },
          fileMB: exports[0].bytes / 1_000_000,
          load: load(),
          all: { exports, mergeEmpty, replace },
        };
      }
      if (PROFILE_DIR) await profileImports(cdp, page, size, RATES[0]);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await page.evaluate(() => window.__spiegelBench.forget());
      figures.sizes[size] = perSize;
      writeFigures('backup', { ...figures, partial: true }); // kept if a later size is stopped
    }
    figures.loadEnd = load();

    const year = figures.sizes.teacherYear?.rates[1];
    const archive = figures.sizes.archive?.rates[1];
    figures.withinBudget =
      (!year ||
        (year.exportMs <= BUDGET_MS &&
          year.mergeEmptyMs <= BUDGET_MS &&
          year.replaceMs <= BUDGET_MS)) &&
      (!year || !archive || archive.mergeEmptyMs <= 4 * year.mergeEmptyMs);

    const s = (v) => `${(v / 1000).toFixed(2)} s`;
    const rows = [];
    for (const [size, perSize] of Object.entries(figures.sizes)) {
      for (const [rate, r] of Object.entries(perSize.rates)) {
        const budget = size === 'teacherYear' && rate === '1';
        rows.push([
          `${size} ${rate}×`,
          String(perSize.data.events),
          `${r.fileMB.toFixed(1)} MB`,
          s(r.exportMs),
          s(r.mergeEmptyMs),
          s(r.replaceMs),
          `${s(r.prepareMs)} + ${s(r.writeMergeEmptyMs)}`,
          `${r.mergeEmptyPer1000Ms.toFixed(1)} ms`,
          `${r.peakHeapMB.export.toFixed(0)}/${r.peakHeapMB.mergeEmpty.toFixed(0)}/${r.peakHeapMB.replace.toFixed(0)} MB`,
          `${perSize.roundTripMerge ? 'ok' : 'DIFFERS'}/${perSize.roundTripReplace ? 'ok' : 'DIFFERS'}`,
          budget
            ? verdict(
                r.exportMs <= BUDGET_MS && r.mergeEmptyMs <= BUDGET_MS && r.replaceMs <= BUDGET_MS,
              )
            : '',
        ]);
      }
    }
    console.log(
      `\nChromium ${chromiumVersion}; median of ${RUNS} runs; load average at start ` +
        `${figures.loadStart.join(', ')}, at end ${figures.loadEnd.join(', ')}; MB = 1,000,000 bytes\n`,
    );
    printTable(
      [
        'size, CPU',
        'events',
        'file',
        'export',
        'merge into empty',
        'replace',
        '= read+check + write',
        'per 1,000 ev.',
        'peak heap exp/merge/repl',
        'round trip',
        '',
      ],
      rows,
    );
    if (year && archive) {
      const ratio = archive.mergeEmptyMs / year.mergeEmptyMs;
      console.log(
        `\narchive / teacher-year restore at 1×: ${ratio.toFixed(2)} (budget ≤ 4) ${verdict(ratio <= 4)}`,
      );
    }
    writeFigures('backup', figures);
    return figures;
  } finally {
    await browser.close();
    await new Promise((done) => server.httpServer.close(() => done()));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runBackup();
}
