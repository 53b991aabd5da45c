// Benchmark of the analysis core (issue 4): every measure and insight for one class and a school
// year (30 pupils, 200 lessons, ~25,000 events), and for a teacher with six such classes.
// Budget: at most 100 ms per class-year, judged on CPU time (on the shared 2-core machine wall
// time mostly measures the wait for a core; both are reported).
// Runs in Node (V8, as in Chromium) straight from the TypeScript sources: Vite's `runnerImport`
// transpiles them on the fly, so it needs no build. The data is the seeded synthetic year of
// tests/unit/analysis/support/synthetic.ts.
// Usage: node scripts/bench/analysis.mjs   (BENCH_ANALYSIS_RUNS=30)
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runnerImport } from 'vite';
import { ROOT, percentile, printTable, verdict, writeFigures } from './lib.mjs';

const RUNS = Number(process.env.BENCH_ANALYSIS_RUNS ?? 30);
const BUDGET_MS = 100;
const TODAY = '2025-07-01';

const load = async (path) =>
  (await runnerImport(resolve(ROOT, path), { configFile: false, logLevel: 'silent' })).module;

/** Wall and CPU milliseconds of `fn` over RUNS runs, after 5 warm-up runs for the JIT. */
function measure(fn) {
  for (let i = 0; i < 5; i++) fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const r = (x) => Math.round(x * 10) / 10;
  return {
    wall: {
      median: r(percentile(wall, 50)),
      p95: r(percentile(wall, 95)),
      min: r(Math.min(...wall)),
    },
    cpu: { median: r(percentile(cpu, 50)), p95: r(percentile(cpu, 95)) },
  };
}

export async function runAnalysis() {
  const { analyseClass, deriveInsights } = await load('src/analysis/index.ts');
  const { syntheticClass } = await load('tests/unit/analysis/support/synthetic.ts');
  const classes = Array.from({ length: 6 }, (_, i) =>
    syntheticClass({ seed: 42 + i, classId: `class${i + 1}` }),
  );
  const year = classes[0];
  const all = (data) => deriveInsights(analyseClass(data, { today: TODAY }));
  const sample = analyseClass(year, { today: TODAY });
  const oneClass = measure(() => all(year));
  // The insights screen with a before/after date: both halves are analysed as well.
  const midDate = [...year.lessons].map((l) => l.date).sort()[Math.floor(year.lessons.length / 2)];
  const withSplit = measure(() =>
    deriveInsights(analyseClass(year, { today: TODAY, splitDate: midDate })),
  );
  const sixClasses = measure(() => classes.forEach(all));
  const figures = {
    budgetMs: BUDGET_MS,
    runs: RUNS,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    size: {
      pupils: year.pupils.length,
      lessons: sample.basis.lessons,
      events: year.events.length,
      insights: deriveInsights(sample).length,
    },
    ms: { oneClassYear: oneClass, oneClassYearWithSplit: withSplit, sixClassYears: sixClasses },
    withinBudget: oneClass.cpu.median <= BUDGET_MS,
  };
  printTable(
    ['analysis (all measures + insights)', 'CPU median', 'wall median', 'wall min', 'budget', ''],
    [
      [
        `one class-year (${figures.size.pupils} pupils, ${figures.size.lessons} lessons, ${figures.size.events} events)`,
        `${oneClass.cpu.median} ms`,
        `${oneClass.wall.median} ms`,
        `${oneClass.wall.min} ms`,
        `≤ ${BUDGET_MS} ms`,
        verdict(figures.withinBudget),
      ],
      [
        `the same with a before/after date (${midDate})`,
        `${withSplit.cpu.median} ms`,
        `${withSplit.wall.median} ms`,
        `${withSplit.wall.min} ms`,
        `≤ ${BUDGET_MS} ms`,
        verdict(withSplit.cpu.median <= BUDGET_MS),
      ],
      [
        'six class-years (a teacher)',
        `${sixClasses.cpu.median} ms`,
        `${sixClasses.wall.median} ms`,
        `${sixClasses.wall.min} ms`,
        '',
        '',
      ],
    ],
  );
  console.log(`(load average ${figures.loadAverage.join(' ')})`);
  writeFigures('analysis', figures);
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runAnalysis();
