// Chunks named after when they load, each the static import closure of some root modules. Left
// alone, the bundler splits modules that lazy screens share into many small chunks of their own
// (runtime, db, hooks, ids…), and a screen waits for each of them; grouped, it loads one file.
// - boot: everything the entry imports statically (the first screen);
// - afterStart: what the first idle moments load (Dexie, the database, the lock, the clean-up),
//   and that every other screen needs too; modules already in boot stay there.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

interface ModuleInfoLike {
  importedIds: readonly string[];
}

interface Group {
  name: string;
  test: (id: string) => boolean;
  priority: number;
}

const RUNTIME = /^\0?rolldown[/\\]runtime/;

/** One group per entry of `roots` (an earlier entry keeps a shared module); paths from the root. */
export function closureChunks(roots: Record<string, readonly string[]>): {
  plugin: Plugin;
  groups: Group[];
} {
  const members = new Map(Object.keys(roots).map((name) => [name, new Set<string>()]));
  const plugin: Plugin = {
    name: 'spiegel-closure-chunks',
    apply: 'build',
    buildEnd() {
      const taken = new Set<string>();
      for (const [name, ids] of Object.entries(roots)) {
        const set = members.get(name)!;
        set.clear();
        const stack = ids.map((id) => resolve(id));
        while (stack.length > 0) {
          const id = stack.pop()!;
          if (set.has(id) || taken.has(id)) continue;
          set.add(id);
          const info = this.getModuleInfo(id) as ModuleInfoLike | null;
          for (const next of info?.importedIds ?? []) stack.push(next);
        }
        for (const id of set) taken.add(id);
      }
    },
  };
  const names = Object.keys(roots);
  const groups = names.map((name, i) => ({
    name,
    // The bundler's runtime helpers go with the first group: left out, they become a chunk of
    // their own that the first screen waits for.
    test: (id: string) => members.get(name)!.has(id) || (i === 0 && RUNTIME.test(id)),
    priority: 100 - i,
  }));
  return { plugin, groups };
}
