// Builds the start-up floor page (scripts/bench/floor/start.html) into its own folder as a site of
// its own (index.html at its root), so it can be served on its own origin beside the app.
import { readdirSync, renameSync, copyFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const OUT = process.env.BENCH_FLOOR_DIST ?? '/tmp/spiegel-floor-bench';

export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: OUT,
    emptyOutDir: true,
    rollupOptions: { input: resolve(import.meta.dirname, 'start.html') },
  },
  plugins: [
    {
      name: 'floor-site',
      closeBundle() {
        renameSync(resolve(OUT, 'start.html'), resolve(OUT, 'index.html'));
        copyFileSync(resolve(import.meta.dirname, 'floor-sw.js'), resolve(OUT, 'floor-sw.js'));
        const assets = readdirSync(resolve(OUT, 'assets')).map((f) => `/assets/${f}`);
        writeFileSync(
          resolve(OUT, 'floor-manifest.json'),
          JSON.stringify(['/index.html', ...assets]),
        );
      },
    },
  ],
});
