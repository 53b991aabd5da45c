// `npm run bench`: every benchmark on the production build in dist/ (npm run bench builds it
// first), one after another so they do not compete for the 2 cores, then a summary. Figures go
// to /tmp/spiegel-bench-*.json. Budgets are reported, never enforced: the exit code is 0 unless
// a benchmark could not run at all.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { runBundle } from './bundle.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { machine, printTable, verdict, writeFigures } from './lib.mjs';
import { runTap } from './tap.mjs';

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
let chromiumVersion = 'unknown';
try {
  chromiumVersion = execFileSync('/usr/bin/chromium', ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
} catch {
  // Reported as unknown; the benchmarks that need it say why.
}
const loadStart = load();
console.log(`${chromiumVersion}; load average at start: ${loadStart}`);

const results = {};
const errors = {};
// Benchmarks of later features live next to these; each exports run<Name>() returning its
// figures with a `withinBudget` flag. Ports: bundle 4191, lighthouse 4192, backup 4193, tap 4194, insights height 4195, lock 4196.
const EXTRA = [
  ['analysis', './analysis.mjs', 'runAnalysis'],
  ['insights', './insights.mjs', 'runInsights'],
  ['backup', './backup.mjs', 'runBackup'],
  ['startup', './startup.mjs', 'runStartup'],
  ['screens', './screens.mjs', 'runScreens'],
  ['chance', './chance.mjs', 'runChance'],
  ['insightsHeight', './insights-height.mjs', 'runInsightsHeight'],
  // Sync server (issue 13): 300 providers on any free loopback port, bounded to about a minute.
  ['syncServer', './sync-server.mjs', 'runSyncServer'],
  // Sync in the browser (issue 13): initial sync of a class-year, phone tap -> laptop grid,
  // tap -> painted with sync on and off; sync server and preview on any free port.
  ['syncClient', './sync-client.mjs', 'runSyncClient'],
  ['lock', './lock.mjs', 'runLock'],
];
const benches = [
  ['bundle', runBundle],
  ['tap', runTap],
  ['lighthouse', runLighthouse],
];
for (const [name, file, exported] of EXTRA) {
  if (!existsSync(new URL(file, import.meta.url))) continue;
  benches.push([
    name,
    async () => {
      const module = await import(file);
      if (typeof module[exported] !== 'function') throw new Error(`${file} has no ${exported}()`);
      return module[exported]();
    },
  ]);
}
for (const [name, run] of benches) {
  console.log(`\n=== ${name} ===\n`);
  try {
    results[name] = await run();
  } catch (error) {
    errors[name] = error instanceof Error ? error.message : String(error);
    console.error(`${name} could not run: ${errors[name]}`);
  }
}

const rows = [];
if (results.bundle) {
  const b = results.bundle;
  rows.push([
    'JS for the first screen (gzip)',
    `${(b.jsGzipBytes / 1000).toFixed(1)} kB`,
    '≤ 90 kB (aim 70)',
    verdict(b.withinBudget),
  ]);
}
if (results.tap) {
  const four = results.tap.byRate[4];
  const x = (a, b) => `${(a / b).toFixed(2)}x`;
  rows.push(
    [
      'tap -> count painted p50/p95 at 4x (ratio to floor)',
      `${four.app.paint.p50.toFixed(1)}/${four.app.paint.p95.toFixed(1)} ms (${x(four.app.paint.p50, four.floor.paint.p50)}/${x(four.app.paint.p95, four.floor.paint.p95)})`,
      '<= 1.3x floor',
      verdict(
        four.app.paint.p50 <= 1.3 * four.floor.paint.p50 &&
          four.app.paint.p95 <= 1.3 * four.floor.paint.p95,
      ),
    ],
    [
      'class -> live / after-lesson grid ready at 4x (median)',
      `${four.live.median.toFixed(0)} / ${four.after.median.toFixed(0)} ms`,
      '<= 300 ms',
      verdict(four.live.median <= 300 && four.after.median <= 300),
    ],
  );
}
if (results.lighthouse) {
  for (const [category, score] of Object.entries(results.lighthouse.median)) {
    rows.push([`Lighthouse ${category} (median)`, String(score), '≥ 95', verdict(score >= 95)]);
  }
}
for (const [name] of EXTRA) {
  const figures = results[name];
  if (figures) rows.push([name, 'see above', '', verdict(figures.withinBudget !== false)]);
}
for (const [name, message] of Object.entries(errors)) {
  rows.push([name, 'did not run', '', message.split('\n')[0]]);
}

const m = machine();
console.log(`\n=== summary (${m.cores} cores, ${m.cpu}, Node ${m.node}) ===\n`);
console.log(`${chromiumVersion}; load average at start ${loadStart}, at end ${load()}\n`);
printTable(['measure', 'result', 'budget', ''], rows);
writeFigures('summary', { chromium: chromiumVersion, loadStart, loadEnd: load(), results, errors });
if (Object.keys(errors).length > 0) process.exitCode = 1;
