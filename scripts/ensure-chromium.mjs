// Makes sure Debian's Chromium is at /usr/bin/chromium for Playwright and the benchmarks.
// Installs it with apt when missing and we are root; otherwise says exactly what to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

function version() {
  // The Debian wrapper prints a harmless "[: …: unexpected operator" on stderr: ignore stderr.
  return execFileSync(CHROMIUM, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
}

function run(cmd, args) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

if (existsSync(CHROMIUM)) {
  console.log(`Chromium found: ${version()} (${CHROMIUM})`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `Chromium is missing at ${CHROMIUM}. Install it first (as root), then run the tests again:\n\n` +
      `  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium\n`,
  );
  process.exit(1);
}

console.log(`Chromium is missing at ${CHROMIUM}; installing it with apt …`);
try {
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium']);
} catch (e) {
  console.error(`Installing Chromium failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`apt-get finished but ${CHROMIUM} is still missing.`);
  process.exit(1);
}
console.log(`Chromium installed: ${version()} (${CHROMIUM})`);
