/**
 * The frozen schema history: what every released version passed to `version(n).stores()`,
 * copied into `schema-history.json` when it was released and never edited afterwards.
 * Tests that build an "old" database build it from here, not from `STORES_Vn` in
 * src/db/schema.ts, so editing a released version in place cannot pass unnoticed.
 */
import { readFileSync } from 'node:fs';
import type { Dexie } from 'dexie';

/** Table name → Dexie store spec (`null` drops the table), as passed to `stores()`. */
export type StoresSpec = Readonly<Record<string, string | null>>;

/** Read from disk (not imported) so vitest and Playwright load it alike. */
const history = JSON.parse(
  readFileSync(new URL('./schema-history.json', import.meta.url), 'utf8'),
) as { versions: Record<string, StoresSpec> };

export const RELEASED_STORES: Readonly<Record<string, StoresSpec>> = history.versions;

/** The released version numbers, ascending. */
export const RELEASED_VERSIONS: readonly number[] = Object.keys(RELEASED_STORES)
  .map(Number)
  .sort((a, b) => a - b);

/** The stores version `n` declared when it was released. */
export function releasedStores(n: number): StoresSpec {
  const spec = RELEASED_STORES[String(n)];
  if (!spec) throw new Error(`schema v${n} has no snapshot in tests/db/schema-history.json`);
  return spec;
}

/** Declares versions 1..n on `db` exactly as released: a database the old app would have made. */
export function declareReleasedVersions(db: Dexie, n: number): Dexie {
  for (const v of RELEASED_VERSIONS.filter((v) => v <= n)) db.version(v).stores(releasedStores(v));
  return db;
}
