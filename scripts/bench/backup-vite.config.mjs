// Builds the bench-only page scripts/bench/backup-bench.html into its own folder, so nothing of
// it reaches the app's production bundle (vite.config.ts never sees this entry).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

export default defineConfig({
  root: ROOT,
  logLevel: 'warn',
  define: { __APP_VERSION__: JSON.stringify('bench') },
  build: {
    target: 'es2022',
    outDir: process.env.BENCH_BACKUP_DIST ?? '/tmp/spiegel-backup-bench',
    emptyOutDir: true,
    // A CPU profile (BENCH_BACKUP_PROFILE) names functions as written.
    minify: !process.env.BENCH_BACKUP_PROFILE,
    rollupOptions: { input: resolve(ROOT, 'scripts/bench/backup-bench.html') },
  },
});
