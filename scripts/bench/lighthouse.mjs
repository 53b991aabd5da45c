// Lighthouse (mobile preset, its default: emulated phone, simulated slow 4G and 4× CPU slowdown)
// on the production build served by vite preview. Runs several times and reports the median
// score per category, since one run on a shared 2-core machine is noisy.
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { percentile, printTable, startPreview, verdict, writeFigures } from './lib.mjs';

const PORT = Number(process.env.BENCH_LIGHTHOUSE_PORT ?? 4192);
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const BUDGET = 95;
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

async function once(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(
      CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
    );
    const metrics = Object.fromEntries(
      METRICS.map((id) => [id, lhr.audits[id]?.displayValue ?? '?']),
    );
    // What cost points, so a low score says where to look.
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
      .filter((a) => a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'manual')
      .map((a) => ({ id: a.id, score: Math.round(a.score * 100) }));
    return { scores, metrics, failing };
  } finally {
    await chrome.kill();
  }
}

export async function runLighthouse() {
  const server = await startPreview(PORT);
  try {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await once(`${server.url}/`));
      console.log(
        `run ${i + 1}/${RUNS}: ${CATEGORIES.map((c) => `${c} ${runs[i].scores[c]}`).join(', ')}`,
      );
    }
    const median = Object.fromEntries(
      CATEGORIES.map((c) => [
        c,
        percentile(
          runs.map((r) => r.scores[c]),
          50,
        ),
      ]),
    );
    console.log(`\nLighthouse ${RUNS} run(s), mobile preset: median score (×100)\n`);
    printTable(
      ['category', 'median', 'min', 'budget', ''],
      CATEGORIES.map((c) => [
        c,
        median[c],
        Math.min(...runs.map((r) => r.scores[c])),
        `≥ ${BUDGET}`,
        verdict(median[c] >= BUDGET),
      ]),
    );
    const last = runs[runs.length - 1];
    console.log(
      `\nMetrics of the last run: ${METRICS.map((m) => `${m} ${last.metrics[m]}`).join(', ')}`,
    );
    const worst = new Map();
    for (const { id, score } of runs.flatMap((r) => r.failing)) {
      worst.set(id, Math.min(score, worst.get(id) ?? 100));
    }
    if (worst.size > 0) {
      const list = [...worst].map(([id, score]) => `${id} (${score})`).join(', ');
      console.log(`Audits below 90 in some run (worst score): ${list}`);
    }
    const figures = {
      runs: RUNS,
      median,
      perRun: runs,
      budget: BUDGET,
      withinBudget: CATEGORIES.every((c) => median[c] >= BUDGET),
    };
    writeFigures('lighthouse', figures);
    return figures;
  } finally {
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runLighthouse();
}
