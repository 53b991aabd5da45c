// Chance control (issue 10 §3): a seeded simulation of classes with NO effect at all. For each
// class the full insights (whole period) and prompts (last eight weeks) are derived, once with
// every test on its own at α = 0.05 (as before chance control) and once with the family of the
// class and period under Benjamini–Hochberg at q (src/analysis/thresholds.ts). Printed: how many
// classes show at least one claim "unlikely to be chance" on a card or in a prompt, before and
// after. Aim: at most 10 % after. The classes come from tests/unit/analysis/support/nullClass.ts.
// Usage: node scripts/bench/chance.mjs   (BENCH_CHANCE_CLASSES=200, BENCH_CHANCE_SEED=1)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runnerImport } from 'vite';
import { ROOT, printTable, verdict, writeFigures } from './lib.mjs';

const CLASSES = Number(process.env.BENCH_CHANCE_CLASSES ?? 200);
const SEED = Number(process.env.BENCH_CHANCE_SEED ?? 1);
const AIM = 0.1;
const TODAY = '2025-06-14';

const load = async (path) =>
  (await runnerImport(resolve(ROOT, path), { configFile: false, logLevel: 'silent' })).module;

/** The claims "unlikely to be chance" of one analysed period, on cards and in prompts. */
function claimsOf(analysis, reflection, result, data, correction) {
  // The tests are the same either way; only the family's decision is written again.
  const level = correction === 'none' ? result.options.alpha : result.options.q;
  result.chance = analysis.controlChance(result, data, level, correction);
  const cards = analysis
    .deriveInsights(result)
    .filter((i) => i.significance !== null && !i.significance.couldBeChance);
  // A prompt claims something about chance exactly when it carries its test's p.
  const prompts = reflection
    .derivePrompts({ today: TODAY, result, data, intentions: [] })
    .filter((p) => typeof p.params.p === 'number');
  const sections = Object.values(result.chance.adjusted).filter((a) => a <= level).length;
  return { cards: cards.length, prompts: prompts.length, sections, family: result.chance.size };
}

export async function runChance() {
  const analysis = await load('src/analysis/index.ts');
  const reflection = await load('src/reflection/index.ts');
  const { nullClass } = await load('tests/unit/analysis/support/nullClass.ts');
  const tally = {
    none: { classes: 0, cards: 0, prompts: 0, sections: 0 },
    bh: { classes: 0, cards: 0, prompts: 0, sections: 0 },
  };
  const families = [];
  const t0 = performance.now();
  for (let i = 0; i < CLASSES; i++) {
    const data = nullClass({ seed: SEED * 100_003 + i });
    // The insights screen looks at the whole period, the prompts at the last eight weeks.
    const insights = analysis.analyseClass(data, { today: TODAY });
    const recent = analysis.analyseClass(data, reflection.promptAnalysisOptions(TODAY));
    for (const correction of ['none', 'bh']) {
      const a = claimsOf(analysis, reflection, insights, data, correction);
      const b = claimsOf(analysis, reflection, recent, data, correction);
      const t = tally[correction];
      if (a.cards + b.prompts > 0) t.classes++;
      if (a.cards > 0) t.cards++;
      if (b.prompts > 0) t.prompts++;
      if (a.sections > 0) t.sections++;
      if (correction === 'bh') families.push(a.family);
    }
  }
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  const pct = (n) => `${n} (${((100 * n) / CLASSES).toFixed(1)} %)`;
  const after = tally.bh.classes / CLASSES;
  families.sort((a, b) => a - b);
  const figures = {
    classes: CLASSES,
    seed: SEED,
    aim: AIM,
    before: tally.none,
    after: tally.bh,
    shareBefore: tally.none.classes / CLASSES,
    shareAfter: after,
    familySize: {
      min: families[0],
      median: families[Math.floor(families.length / 2)],
      max: families[families.length - 1],
    },
    seconds,
    withinBudget: after <= AIM,
  };
  printTable(
    [
      `${CLASSES} classes with no effect (seed ${SEED})`,
      'before (each test at 0.05)',
      'after (BH, q = 0.10)',
      'aim',
      '',
    ],
    [
      [
        'at least one claim on a card or in a prompt',
        pct(tally.none.classes),
        pct(tally.bh.classes),
        '≤ 10 %',
        verdict(after <= AIM),
      ],
      ['… on an insight card', pct(tally.none.cards), pct(tally.bh.cards), '', ''],
      ['… in a prompt', pct(tally.none.prompts), pct(tally.bh.prompts), '', ''],
      [
        'any test a section marks "unlikely to be chance"',
        pct(tally.none.sections),
        pct(tally.bh.sections),
        '',
        '',
      ],
    ],
  );
  console.log(
    `(family size per class: min ${figures.familySize.min}, median ${figures.familySize.median}, max ${figures.familySize.max}; ${seconds} s)`,
  );
  writeFigures('chance', figures);
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runChance();
