// Debian's Chromium and the flags that work for it here (see STACK.md pitfall 4: Playwright's
// launch() rejects --user-data-dir; it already uses a fresh profile). Shared by the Playwright
// config and the benchmarks so they cannot drift apart.
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
