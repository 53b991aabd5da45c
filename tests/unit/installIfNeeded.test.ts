import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installReason, markInstalled } from '../../scripts/install-if-needed.mjs';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'spiegel-start-'));
  writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
  return root;
}

describe('npm start installs only when needed', () => {
  it('installs when node_modules is missing', () => {
    expect(installReason(project())).toBe('node_modules is missing');
  });

  it('installs when node_modules has no record of an install (e.g. one was interrupted)', () => {
    const root = project();
    mkdirSync(join(root, 'node_modules'));
    expect(installReason(root)).toBe('no record of the last install');
  });

  it('skips after an install, and installs again when the lockfile changes', () => {
    const root = project();
    mkdirSync(join(root, 'node_modules'));
    markInstalled(root);
    expect(installReason(root)).toBeNull();
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}');
    expect(installReason(root)).toBe('package-lock.json changed');
  });
});
