// Backup export and import of a realistic heavy school year — 6 classes, 180 pupils, 900 lessons,
// 150,000 events — in Chromium against real IndexedDB, through the app's own functions. The page
// is a bench-only entry (scripts/bench/backup-bench.html, built by backup-vite.config.mjs into its
// own folder), so the production bundle gains nothing. Budget: each at most 5 s.
// Usage: node scripts/bench/backup.mjs   (BENCH_BACKUP_RUNS=3, BENCH_BACKUP_PORT=4193)
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { ROOT, printTable, verdict, writeFigures } from './lib.mjs';

const PORT = Number(process.env.BENCH_BACKUP_PORT ?? 4193);
const RUNS = Number(process.env.BENCH_BACKUP_RUNS ?? 3);
const BUDGET_MS = 5000;
const YEAR = { seed: 2025, classes: 6, pupilsPerClass: 30, lessonsPerClass: 150, events: 150_000 };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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
  try {
    /** Runs a bench call in the page, adding the Chromium processes' CPU time to its result. */
    const measure = async (fn, arg) => {
      const cpu0 = childrenCpuMs();
      const result = await page.evaluate(fn, arg);
      return { ...result, cpuMs: childrenCpuMs() - cpu0 };
    };
    const page = await browser.newPage();
    page.setDefaultTimeout(300_000);
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`http://127.0.0.1:${PORT}/scripts/bench/backup-bench.html`);
    await page.waitForFunction(() => window.__spiegelBench !== undefined);

    console.log('Generating and storing a school year …');
    const seeded = await page.evaluate((o) => window.__spiegelBench.seed(o), YEAR);
    console.log(seeded.counts);

    const exports = [];
    const mergeEmpty = [];
    const replace = [];
    for (let run = 0; run < RUNS; run++) {
      exports.push(await measure(() => window.__spiegelBench.exportAll()));
      await page.evaluate(() => window.__spiegelBench.clear());
      mergeEmpty.push(await measure(() => window.__spiegelBench.importLast('merge')));
      replace.push(await measure(() => window.__spiegelBench.importLast('replace')));
      const f = (r) => `${r.ms.toFixed(0)} ms (CPU ${r.cpuMs.toFixed(0)} ms)`;
      console.log(
        `run ${run + 1}: export ${f(exports[run])}, merge into empty ${f(mergeEmpty[run])}, ` +
          `replace ${f(replace[run])}`,
      );
    }
    // Merging a file into a database that already holds all of it (everything "unchanged").
    const mergeFull = await measure(() => window.__spiegelBench.importLast('merge'));
    const after = await page.evaluate(() => window.__spiegelBench.counts());
    if (JSON.stringify(after) !== JSON.stringify(seeded.counts)) {
      throw new Error(`counts differ after the imports: ${JSON.stringify(after)}`);
    }

    const figures = {
      data: seeded.counts,
      fileMB: exports[0].bytes / 1_000_000,
      runs: RUNS,
      exportMs: median(exports.map((e) => e.ms)),
      mergeEmptyMs: median(mergeEmpty.map((e) => e.ms)),
      replaceMs: median(replace.map((e) => e.ms)),
      mergeFullMs: mergeFull.ms,
      cpu: {
        exportMs: median(exports.map((e) => e.cpuMs)),
        mergeEmptyMs: median(mergeEmpty.map((e) => e.cpuMs)),
        replaceMs: median(replace.map((e) => e.cpuMs)),
        mergeFullMs: mergeFull.cpuMs,
      },
      loadAverage: loadavg(),
      phases: {
        parseMs: median(mergeEmpty.map((e) => e.parseMs)),
        validateMs: median(mergeEmpty.map((e) => e.validateMs)),
        prepareMs: median(mergeEmpty.map((e) => e.prepareMs)),
        writeMergeEmptyMs: median(mergeEmpty.map((e) => e.writeMs)),
        writeReplaceMs: median(replace.map((e) => e.writeMs)),
      },
      all: { exports, mergeEmpty, replace, mergeFull },
    };
    const within = (ms) => ms <= BUDGET_MS;
    figures.withinBudget =
      within(figures.exportMs) && within(figures.mergeEmptyMs) && within(figures.replaceMs);

    console.log(
      `\n${figures.data.events} events, ${figures.data.pupils} pupils, ${figures.data.lessons} lessons; ` +
        `file ${figures.fileMB.toFixed(1)} MB; median of ${RUNS}\n`,
    );
    const ms = (v) => `${(v / 1000).toFixed(2)} s`;
    console.log(`load average: ${figures.loadAverage.map((l) => l.toFixed(1)).join(', ')}`);
    const row = (label, wall, cpu, budget) => [
      label,
      ms(wall),
      cpu === undefined ? '' : ms(cpu),
      budget ? '≤ 5 s' : '',
      budget ? verdict(within(wall)) : '',
    ];
    const p = figures.phases;
    printTable(
      ['measure', 'wall time', 'CPU time', 'budget', ''],
      [
        row('export (read + JSON + Blob)', figures.exportMs, figures.cpu.exportMs, true),
        row('import, merge into empty', figures.mergeEmptyMs, figures.cpu.mergeEmptyMs, true),
        row('import, replace', figures.replaceMs, figures.cpu.replaceMs, true),
        row('import, merge into the same data', figures.mergeFullMs, figures.cpu.mergeFullMs),
        row('  of which read + parse + key check', p.parseMs),
        row('  of which validation', p.validateMs),
        row('  of which write (merge into empty)', p.writeMergeEmptyMs),
        row('  of which write (replace)', p.writeReplaceMs),
      ],
    );
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
