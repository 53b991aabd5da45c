/**
 * A released schema version never changes: the stores every `version(n)` of SpiegelDB declares
 * must equal the committed snapshot in schema-history.json. Adding a version is one command
 * (docs/architecture.md, "Add a table"):
 *
 *   SCHEMA_SNAPSHOT=add npx vitest run tests/db/schemaHistory.test.ts
 *
 * which appends the versions that have no snapshot yet and never rewrites an existing one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, SpiegelDB } from '../../src/db/schema';
import { RELEASED_STORES, RELEASED_VERSIONS, type StoresSpec } from './schemaHistory';

const SNAPSHOT = fileURLToPath(new URL('./schema-history.json', import.meta.url));

/** What each `version(n).stores(…)` call of the app's schema class declares (Dexie keeps it). */
function declaredStores(): Map<number, StoresSpec> {
  const db = new SpiegelDB('schema-history-' + crypto.randomUUID());
  const versions = (db as unknown as DexieInternals)._versions;
  return new Map(versions.map((v) => [v._cfg.version, { ...v._cfg.storesSource }]));
}
interface DexieInternals {
  _versions: { _cfg: { version: number; storesSource: Record<string, string | null> } }[];
}

const declared = declaredStores();
const unsnapshotted = [...declared.keys()].filter((v) => !(String(v) in RELEASED_STORES));

if (process.env.SCHEMA_SNAPSHOT === 'add' && unsnapshotted.length > 0) {
  const file = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as { versions: Record<string, unknown> };
  for (const v of unsnapshotted) file.versions[String(v)] = declared.get(v);
  writeFileSync(SNAPSHOT, JSON.stringify(file, null, 2) + '\n');
  unsnapshotted.length = 0;
}

describe('the frozen schema history', () => {
  it('has a snapshot for every version the schema declares', () => {
    expect(
      unsnapshotted,
      'new schema version: run SCHEMA_SNAPSHOT=add npx vitest run tests/db/schemaHistory.test.ts',
    ).toEqual([]);
    expect(Math.max(...declared.keys())).toBe(SCHEMA_VERSION);
  });

  it('keeps every version in the snapshot (a released version is never removed)', () => {
    expect([...declared.keys()].sort((a, b) => a - b)).toEqual(
      expect.arrayContaining([...RELEASED_VERSIONS]),
    );
  });

  it.each(RELEASED_VERSIONS.map((v) => [v]))(
    'schema v%i declares exactly the stores it was released with',
    (v) => {
      expect(
        declared.get(v),
        `schema v${v} is released: add version(${SCHEMA_VERSION + 1}) instead of editing it`,
      ).toEqual(RELEASED_STORES[String(v)]);
    },
  );
});
