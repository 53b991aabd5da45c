import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

// End-to-end tests run on the production build (vite preview), in Debian's Chromium, on a phone.
// E2E_DIST / E2E_PORT let several people test their own build side by side.
const port = Number(process.env.E2E_PORT ?? 4173);
const distDir = process.env.E2E_DIST ?? 'dist';
const isCI = Boolean(process.env.CI);

if (!existsSync(resolve(import.meta.dirname, distDir, 'index.html'))) {
  throw new Error(
    `No production build in "${distDir}" (index.html missing): run npm run build first` +
      ` (or point E2E_DIST at a build folder).`,
  );
}

export default defineConfig({
  testDir: 'tests/e2e',
  // One folder per port: Playwright empties its output folder at start, and people test side by side.
  outputDir: `test-results/e2e-${port}`,
  // The machine has 2 cores: never more than 2 browsers at once.
  workers: Number(process.env.E2E_WORKERS) || Math.min(2, cpus().length),
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  reporter: 'list',
  timeout: 60_000,
  // A limit for hangs: on a loaded 2-core machine a navigation after a save once took over 10 s.
  expect: { timeout: 20_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'nl-NL',
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
  },
  webServer: {
    command: `npx vite preview --outDir ${distDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
