// JavaScript transferred for the first screen, gzip. Opens "/" in Chromium on the production
// build, records every script response until the start screen's h1 shows and the network is
// idle, and sums the gzip sizes of those files (computed here: vite preview does not compress).
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  DIST,
  launchChromium,
  phoneContext,
  printTable,
  startPreview,
  verdict,
  writeFigures,
} from './lib.mjs';

const PORT = Number(process.env.BENCH_BUNDLE_PORT ?? 4191);
const BUDGET_KB = 90;
const AIM_KB = 70;
const kB = (bytes) => (bytes / 1000).toFixed(1);

export async function runBundle() {
  const server = await startPreview(PORT);
  const browser = await launchChromium();
  try {
    // No service worker: its precache would fetch every screen's chunk in the background,
    // which is not what the first screen needs.
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const loaded = new Map();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin !== server.url) return;
      const path = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
      const type = path.endsWith('.js')
        ? 'js'
        : path.endsWith('.css')
          ? 'css'
          : path.endsWith('.html')
            ? 'html'
            : 'other';
      loaded.set(path, type);
    });
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1 }).waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');
    await context.close();

    const files = [...loaded]
      .filter(([, type]) => type !== 'other')
      .map(([path, type]) => {
        const bytes = readFileSync(resolve(DIST, path));
        return { path, type, raw: bytes.length, gzip: gzipSync(bytes).length };
      })
      .sort((a, b) => (a.type === b.type ? b.gzip - a.gzip : a.type.localeCompare(b.type)));
    const js = files.filter((f) => f.type === 'js');
    const jsGzip = js.reduce((sum, f) => sum + f.gzip, 0);
    const jsRaw = js.reduce((sum, f) => sum + f.raw, 0);
    const allGzip = files.reduce((sum, f) => sum + f.gzip, 0);

    console.log(
      '\nFirst screen: files loaded (gzip computed with zlib defaults; kB = 1000 bytes)\n',
    );
    printTable(
      ['file', 'type', 'raw kB', 'gzip kB'],
      [
        ...files.map((f) => [f.path, f.type, kB(f.raw), kB(f.gzip)]),
        ['JavaScript total', 'js', kB(jsRaw), kB(jsGzip)],
        ['everything above', '', '', kB(allGzip)],
      ],
    );
    const ok = jsGzip <= BUDGET_KB * 1000;
    console.log(
      `\nJavaScript for the first screen: ${kB(jsGzip)} kB gzip in ${js.length} files ` +
        `(budget ${BUDGET_KB} kB, aim ${AIM_KB} kB): ${verdict(ok)}`,
    );
    const figures = {
      jsGzipBytes: jsGzip,
      jsRawBytes: jsRaw,
      jsFiles: js.length,
      allGzipBytes: allGzip,
      budgetBytes: BUDGET_KB * 1000,
      aimBytes: AIM_KB * 1000,
      withinBudget: ok,
      files,
    };
    writeFigures('bundle', figures);
    return figures;
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runBundle();
}
