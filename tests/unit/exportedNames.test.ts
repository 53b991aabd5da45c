/**
 * Every exported name has one meaning across src/ (docs/architecture.md, "Repository files"): a
 * name defined in two files means two things under one name, and an auto-import then picks
 * whichever comes first. Re-exports (`export { x } from './y'`) are the same thing under the same
 * name and do not count; overloads and a type beside its value in one file count once.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

/** Names deliberately defined in more than one file, with the reason. There should be none. */
const INTENDED: Readonly<Record<string, string>> = {};

const DEFINITION =
  /^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:function\*?|const|let|var|class|abstract\s+class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Exported name → the files (relative to src/) that define it. */
function definitions(): Map<string, Set<string>> {
  const where = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    for (const [, name] of readFileSync(file, 'utf8').matchAll(DEFINITION)) {
      const files = where.get(name!) ?? new Set<string>();
      files.add(relative(SRC, file));
      where.set(name!, files);
    }
  }
  return where;
}

const defined = definitions();

describe('exported names of src/', () => {
  it('reads a realistic set of definitions (the pattern still matches)', () => {
    expect(defined.size).toBeGreaterThan(500);
    expect([...(defined.get('classRows') ?? [])]).toEqual(['db/classRows.ts']);
    expect(defined.has('ClassData')).toBe(true);
  });

  it('defines each exported name in one file only', () => {
    const twice = [...defined.entries()]
      .filter(([name, files]) => files.size > 1 && !(name in INTENDED))
      .map(([name, files]) => `${name}: ${[...files].sort().join(', ')}`)
      .sort();
    expect(twice).toEqual([]);
  });

  it('lists no intended duplicate that is no longer defined twice', () => {
    const stale = Object.keys(INTENDED).filter((name) => (defined.get(name)?.size ?? 0) < 2);
    expect(stale).toEqual([]);
  });
});
