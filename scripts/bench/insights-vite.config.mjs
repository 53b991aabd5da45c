// Builds the bench-only page scripts/bench/insights-bench.html into the folder that already holds
// a copy of the app's build (same origin, so the same IndexedDB), without emptying it. The app's
// own build (vite.config.ts) never sees this entry.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

export default defineConfig({
  root: ROOT,
  logLevel: 'warn',
  define: { __APP_VERSION__: JSON.stringify('bench') },
  build: {
    target: 'es2022',
    outDir: process.env.BENCH_INSIGHTS_SITE ?? '/tmp/spiegel-insights-bench',
    emptyOutDir: false,
    rollupOptions: { input: resolve(ROOT, 'scripts/bench/insights-bench.html') },
  },
});
