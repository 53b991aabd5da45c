// `npm start` runs this first: `npm ci` only when node_modules is missing or package-lock.json
// changed since the last install here. The lockfile's hash is kept in
// node_modules/.spiegel-lock-hash (written after a successful install, so an interrupted install
// is redone). A fresh machine still needs only `npm start`. Node built-ins only: nothing is
// installed yet when it runs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const HASH_FILE = '.spiegel-lock-hash';

export function lockHash(root) {
  return createHash('sha256')
    .update(readFileSync(resolve(root, 'package-lock.json')))
    .digest('hex');
}

/** Why an install is needed in `root`, or null when node_modules matches the lockfile. */
export function installReason(root) {
  const modules = resolve(root, 'node_modules');
  if (!existsSync(modules)) return 'node_modules is missing';
  const stamp = resolve(modules, HASH_FILE);
  if (!existsSync(stamp)) return 'no record of the last install';
  if (readFileSync(stamp, 'utf8').trim() !== lockHash(root)) return 'package-lock.json changed';
  return null;
}

export function markInstalled(root) {
  writeFileSync(resolve(root, 'node_modules', HASH_FILE), `${lockHash(root)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(import.meta.dirname, '..');
  const reason = installReason(root);
  if (reason === null) {
    console.log('Dependencies up to date (package-lock.json unchanged): skipping npm ci.');
  } else {
    console.log(`Installing dependencies (${reason}): npm ci …`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['ci'], { cwd: root, stdio: 'inherit' });
    markInstalled(root);
  }
}
