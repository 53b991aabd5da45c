/**
 * Bench-only page entry (built by scripts/bench/backup-vite.config.mjs, never part of the app):
 * exposes the app's own backup functions on `window.__spiegelBench` so scripts/bench/backup.mjs
 * can time them in Chromium against real IndexedDB. Times are measured inside the page.
 */
import { getDb } from '../../src/db/db';
import { putEvents, readAllEvents } from '../../src/db/eventStore';
import { DATA_STORES, DATA_TABLES } from '../../src/db/schema';
import { prepareExport } from '../../src/db/backup/export';
import { applyImport, prepareImport, type ImportMode } from '../../src/db/backup/import';
import { makeSampleData, type SampleOptions } from '../../tests/support/backupSample';

let lastExport: Blob | null = null;

/** JSON with object keys sorted (the validator may order a record's keys differently). */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .filter((k) => record[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
    .join(',')}}`;
}

async function clearAll(): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [...DATA_STORES], async () => {
    for (const t of DATA_STORES) await db.table(t).clear();
  });
}

const bench = {
  /** Generates a seeded data set and writes it straight into the tables. */
  async seed(options: SampleOptions): Promise<{ ms: number; counts: Record<string, number> }> {
    const start = performance.now();
    const data = makeSampleData(options);
    await clearAll();
    const db = getDb();
    await db.transaction('rw', [...DATA_STORES], async () => {
      for (const t of DATA_TABLES) {
        if (t === 'events') await putEvents(db, data.events);
        else await db.table(t).bulkAdd(data[t]);
      }
    });
    return { ms: performance.now() - start, counts: await bench.counts() };
  },

  /**
   * A fingerprint of every data table (events read out of their lessons): records sorted by id,
   * keys sorted, hashed. Equal fingerprints before and after a round trip = the same data.
   */
  async fingerprint(): Promise<Record<string, string>> {
    const db = getDb();
    const out: Record<string, string> = {};
    for (const t of DATA_TABLES) {
      const rows = (t === 'events' ? await readAllEvents(db) : await db.table(t).toArray()) as {
        id: string;
      }[];
      rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      let hash = 0x811c9dc5;
      for (const row of rows) {
        const text = canonical(row);
        for (let i = 0; i < text.length; i++) {
          hash ^= text.charCodeAt(i);
          hash = Math.imul(hash, 0x01000193) >>> 0;
        }
      }
      out[t] = `${rows.length}:${hash.toString(16)}`;
    }
    return out;
  },

  async counts(): Promise<Record<string, number>> {
    const db = getDb();
    const out: Record<string, number> = {};
    for (const t of DATA_TABLES) {
      out[t] = t === 'events' ? (await readAllEvents(db)).length : await db.table(t).count();
    }
    return out;
  },

  clear: clearAll,

  /** Export of all data as the screen does it: read, stringify, Blob. */
  async exportAll(): Promise<{ ms: number; bytes: number }> {
    const start = performance.now();
    const file = await prepareExport({ kind: 'all' });
    const ms = performance.now() - start;
    lastExport = file.blob;
    return { ms, bytes: file.blob.size };
  },

  /** Import of the last export as the screen does it (a File), with the phases timed. */
  async importLast(mode: ImportMode): Promise<{ ms: number; prepareMs: number; writeMs: number }> {
    if (!lastExport) throw new Error('export first');
    const file = new File([lastExport], 'backup.json', { type: 'application/json' });
    const t0 = performance.now();
    const prepared = await prepareImport(file);
    const t1 = performance.now();
    await applyImport(prepared, mode);
    const t2 = performance.now();
    return { ms: t2 - t0, prepareMs: t1 - t0, writeMs: t2 - t1 };
  },

  /** Drops the kept export (before the next size, so heaps do not add up). */
  forget(): void {
    lastExport = null;
  },
};

declare global {
  interface Window {
    __spiegelBench?: typeof bench;
  }
}
window.__spiegelBench = bench;
document.getElementById('state')!.textContent = 'ready';
