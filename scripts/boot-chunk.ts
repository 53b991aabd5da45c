// One chunk for everything the entry imports statically. Left alone, the bundler splits modules
// that lazy screens share with the start screen into chunks of their own (runtime, db, hooks,
// ids…), and the first screen waits for each of them; grouped, it loads one file.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

interface ModuleInfoLike {
  importedIds: readonly string[];
}

const RUNTIME = /^\0?rolldown[/\\]runtime/;

export function bootChunk(entry: string): {
  plugin: Plugin;
  group: { name: string; test: (id: string) => boolean; priority: number };
} {
  const members = new Set<string>();
  const plugin: Plugin = {
    name: 'spiegel-boot-chunk',
    apply: 'build',
    buildEnd() {
      members.clear();
      const start = resolve(entry);
      const stack = [start];
      while (stack.length > 0) {
        const id = stack.pop()!;
        if (members.has(id)) continue;
        members.add(id);
        const info = this.getModuleInfo(id) as ModuleInfoLike | null;
        for (const next of info?.importedIds ?? []) stack.push(next);
      }
    },
  };
  return {
    plugin,
    // The bundler's runtime helpers too: left out, they become a chunk of their own that the
    // boot chunk (and lazy chunks) import, one more file before the first screen.
    group: {
      name: 'boot',
      test: (id) => members.has(id) || RUNTIME.test(id),
      priority: 100,
    },
  };
}
