/**
 * The dependency direction of src/, measured on the import graph itself (static imports,
 * re-exports and dynamic import()): no two folders import each other, and every folder imports
 * only the folders below it (docs/architecture.md, "Dependency direction"). ESLint's
 * no-restricted-imports blocks give the same answer per file while you type; this test is the
 * whole-graph check that a missed pattern cannot slip past.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

/** Folder → the folders it may import. The root files (main.tsx, sw.ts) may import anything. */
const ALLOWED: Record<string, readonly string[]> = {
  model: [],
  domain: ['model'],
  analysis: ['model', 'domain'],
  reflection: ['model', 'domain', 'analysis'],
  intervisie: ['model', 'domain', 'analysis'],
  sync: ['model', 'domain'],
  db: ['model', 'domain', 'intervisie', 'sync'],
  i18n: ['model'],
  ui: ['model', 'domain', 'db', 'i18n'],
  pwa: ['i18n', 'ui'],
  workers: ['model', 'domain', 'analysis', 'reflection', 'db'],
  features: [
    'model',
    'domain',
    'analysis',
    'reflection',
    'intervisie',
    'sync',
    'db',
    'i18n',
    'ui',
    'workers',
  ],
  app: ['model', 'db', 'i18n', 'ui', 'pwa', 'features'],
};

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** `src/<folder>/…` → folder; a file directly in src → `(root)`. */
function folderOf(path: string): string {
  const parts = relative(SRC, path).split('/');
  return parts.length > 1 ? parts[0]! : '(root)';
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]*)['"]/g;

/** Folder-level edges `a -> b` with the imports behind each, for a readable failure. */
function folderEdges(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(IMPORT)) {
      let target = resolve(dirname(file), spec!);
      if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.ts');
      const from = folderOf(file);
      const to = folderOf(target);
      if (from === to) continue;
      const key = `${from} -> ${to}`;
      edges.set(key, [...(edges.get(key) ?? []), `${relative(SRC, file)}: ${spec}`]);
    }
  }
  return edges;
}

const edges = folderEdges();

describe('dependency direction of src/', () => {
  it('reads a realistic graph (the parser still finds imports)', () => {
    expect(edges.get('features -> db')?.length ?? 0).toBeGreaterThan(10);
    expect(edges.has('analysis -> model')).toBe(true);
  });

  it('has no two folders that import each other', () => {
    const pairs = [...edges.keys()]
      .map((key) => key.split(' -> ') as [string, string])
      .filter(([a, b]) => a < b && edges.has(`${b} -> ${a}`))
      .map(([a, b]) => ({
        pair: `${a} <-> ${b}`,
        there: edges.get(`${a} -> ${b}`)!.slice(0, 3),
        back: edges.get(`${b} -> ${a}`)!.slice(0, 3),
      }));
    expect(pairs).toEqual([]);
  });

  it('imports only downward (the order in docs/architecture.md)', () => {
    const wrong = [...edges.entries()]
      .map(([key, where]) => [key.split(' -> ') as [string, string], where] as const)
      .filter(([[from, to]]) => from !== '(root)' && !(ALLOWED[from] ?? []).includes(to))
      .map(([[from, to], where]) => ({ edge: `${from} -> ${to}`, where: where.slice(0, 3) }));
    expect(wrong).toEqual([]);
  });

  it('knows every folder of src/', () => {
    const folders = readdirSync(SRC).filter((n) => statSync(join(SRC, n)).isDirectory());
    expect(folders.filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it('lets db reach intervisie only through its public index', () => {
    const internals = (edges.get('db -> intervisie') ?? []).filter(
      (imp) => !/['/]intervisie$/.test(imp),
    );
    expect(internals).toEqual([]);
  });
});
