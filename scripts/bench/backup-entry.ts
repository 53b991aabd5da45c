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
import { parseBackupJson, readBackupText } from '../../src/domain/jsonFile';
import { makeSampleData, type SampleOptions } from '../../src/db/backup/sample';
import { validateBackup } from '../../src/db/backup/validate';

let lastExport: Blob | null = null;

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
  async importLast(mode: ImportMode): Promise<{
    ms: number;
    prepareMs: number;
    writeMs: number;
    parseMs: number;
    validateMs: number;
  }> {
    if (!lastExport) throw new Error('export first');
    const file = new File([lastExport], 'backup.json', { type: 'application/json' });
    const t0 = performance.now();
    const prepared = await prepareImport(file);
    const t1 = performance.now();
    await applyImport(prepared, mode);
    const t2 = performance.now();
    // The read+parse and validate phases again, separately, for the breakdown.
    const p0 = performance.now();
    const value = parseBackupJson(await readBackupText(file));
    const p1 = performance.now();
    validateBackup(value);
    const p2 = performance.now();
    return {
      ms: t2 - t0,
      prepareMs: t1 - t0,
      writeMs: t2 - t1,
      parseMs: p1 - p0,
      validateMs: p2 - p1,
    };
  },
};

declare global {
  interface Window {
    __spiegelBench?: typeof bench;
  }
}
window.__spiegelBench = bench;
document.getElementById('state')!.textContent = 'ready';
