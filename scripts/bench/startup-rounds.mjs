// Start-up in rounds: several builds and the floor page visited in turns (each a fresh context,
// the service worker installed, 7 visits, the median of ready), so that builds are compared back
// to back on a noisy machine. Prints one line per round with each page's median and its ratio to
// the floor of that round. Not part of `npm run bench` (startup.mjs is the figure of record).
// Usage: node scripts/bench/startup-rounds.mjs ROUNDS DIST [DIST …]   (BENCH_RATE, default 4)
import { resolve } from 'node:path';
import { launchChromium, ROOT } from './lib.mjs';
import { buildFloor, measureSite, serve } from './startup.mjs';

const [rounds = '3', ...dists] = process.argv.slice(2);
if (dists.length === 0) {
  console.error('Usage: node scripts/bench/startup-rounds.mjs ROUNDS DIST [DIST …]');
  process.exit(2);
}
const rate = Number(process.env.BENCH_RATE ?? 4);
const floor = await buildFloor();
const sites = [...dists.map((d) => resolve(ROOT, d)), floor];
const servers = [];
for (const [i, dir] of sites.entries()) servers.push(await serve(dir, 4310 + i));
const browser = await launchChromium();
try {
  for (let round = 0; round < Number(rounds); round += 1) {
    const ready = [];
    for (const server of servers)
      ready.push((await measureSite(browser, server.url, rate)).readyMs);
    const base = ready.at(-1);
    const cells = ready.map((ms, i) => {
      const name = sites[i] === floor ? 'floor' : dists[i];
      return sites[i] === floor
        ? `${name} ${ms.toFixed(0)} ms`
        : `${name} ${ms.toFixed(0)} ms (${(ms / base).toFixed(2)}×)`;
    });
    console.log(`round ${round + 1} at ${rate}×: ${cells.join(', ')}`);
  }
} finally {
  await browser.close();
  for (const server of servers) await server.stop();
}
