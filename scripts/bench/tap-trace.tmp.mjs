// Temporary: trace taps at 4x and sum the main thread's work per event type in each tap window.
import { writeFileSync } from 'node:fs';
import { launchChromium, phoneContext, startPreview } from './lib.mjs';
import { openDemoClass, startLesson } from './tap.mjs';

const PORT = Number(process.env.P ?? 4197);
const RATE = Number(process.env.RATE ?? 4);
const N = Number(process.env.N ?? 40);
const server = await startPreview(PORT);
const browser = await launchChromium();
try {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await openDemoClass(page, server.url);
  await startLesson(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  const tiles = await page.locator('button.tile-main[data-pupil-id]').all();
  for (let i = 0; i < 5; i++) await tiles[i % tiles.length].tap();
  await page.waitForTimeout(500);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing',
    transferMode: 'ReportEvents',
  });
  for (let i = 0; i < N; i++) {
    await tiles[(i * 7) % tiles.length].tap();
    await page.waitForTimeout(250);
  }
  await cdp.send('Tracing.end');
  await done;
  writeFileSync('/tmp/prof/trace.json', JSON.stringify({ traceEvents: events }));
  // Main renderer thread: the one with most EventDispatch events.
  const byTid = new Map();
  for (const e of events) if (e.name === 'EventDispatch') byTid.set(e.tid, (byTid.get(e.tid) ?? 0) + 1);
  const tid = [...byTid.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const totals = new Map();
  for (const e of events) {
    if (e.tid !== tid || e.ph !== 'X' || !e.dur) continue;
    const key = e.name === 'EventDispatch' ? `EventDispatch:${e.args?.data?.type}` : e.name;
    totals.set(key, (totals.get(key) ?? 0) + e.dur / 1000);
  }
  const rows = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
  for (const [k, v] of rows) console.log(`${(v / N).toFixed(2).padStart(8)} ms/tap  ${k}`);
} finally {
  await browser.close();
  await server.stop();
}
