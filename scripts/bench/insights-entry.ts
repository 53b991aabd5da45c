/**
 * Bench-only page entry (built by scripts/bench/insights-vite.config.mjs next to a copy of the
 * app's build, never part of the app): seeds IndexedDB with synthetic school years and times the
 * app's own read and analysis in Chromium. scripts/bench/insights.mjs drives it.
 */
import { analyseClass, deriveInsights, type ClassData } from '../../src/analysis';
import { getDb } from '../../src/db/db';
import { loadInsightsData, type InsightsPeriod } from '../../src/db/repo/insightsData';
import { putEvents, readAllEvents } from '../../src/db/eventStore';
import { DATA_STORES } from '../../src/db/schema';
import { syntheticClass } from '../../tests/unit/analysis/support/synthetic';

/** The first `weeks` weeks of a year: its lessons, their events and absences; the rest as is. */
function firstWeeks(data: ClassData, weeks: number): ClassData {
  const first = data.lessons.reduce((min, l) => (l.date < min ? l.date : min), '9999-12-31');
  const end = new Date(`${first}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 7 * weeks);
  const cutoff = end.toISOString().slice(0, 10);
  const lessons = data.lessons.filter((l) => l.date < cutoff);
  const kept = new Set(lessons.map((l) => l.id));
  return {
    ...data,
    lessons,
    events: data.events.filter((e) => kept.has(e.lessonId)),
    absences: data.absences.filter((a) => kept.has(a.lessonId)),
  };
}

/**
 * A synthetic year (or its first `weeks` weeks) whose lens ids are unique per class (the
 * generator reuses them).
 */
function yearFor(index: number, weeks?: number): ClassData {
  const classId = `bench-class-${index + 1}`;
  const year = syntheticClass({ seed: 42 + index, classId });
  const data = weeks === undefined ? year : firstWeeks(year, weeks);
  const lensId = (id: string) => `${classId}-${id}`;
  return {
    ...data,
    cls: { ...data.cls, name: `Benchklas ${index + 1}` },
    lenses: data.lenses.map((l) => ({ ...l, id: lensId(l.id) })),
    pupils: data.pupils.map((p) => ({
      ...p,
      lensValues: Object.fromEntries(
        Object.entries(p.lensValues).map(([lens, value]) => [lensId(lens), value]),
      ),
    })),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** The same range of lesson event records read with the bare IndexedDB API (no Dexie). */
function rawEventsRead(classId: string, to: string): Promise<number> {
  return new Promise((done, fail) => {
    const open = indexedDB.open('spiegel');
    open.onerror = () => fail(open.error ?? new Error('open failed'));
    open.onsuccess = () => {
      const idb = open.result;
      const t0 = performance.now();
      const req = idb
        .transaction('lessonEvents', 'readonly')
        .objectStore('lessonEvents')
        .index('[classId+date]')
        .getAll(IDBKeyRange.bound([classId, ''], [classId, to]));
      req.onsuccess = () => {
        const ms = performance.now() - t0;
        idb.close();
        done(ms);
      };
      req.onerror = () => fail(req.error ?? new Error('read failed'));
    };
  });
}

const bench = {
  /**
   * Clears every data table and writes `classes` synthetic years (or, with `weeks`, one class's
   * first weeks); returns their ids and sizes.
   */
  async seed(classes: number, weeks?: number) {
    const db = getDb();
    const start = performance.now();
    await db.transaction('rw', [...DATA_STORES], async () => {
      for (const t of DATA_STORES) await db.table(t).clear();
    });
    const ids: string[] = [];
    for (let i = 0; i < classes; i++) {
      const data = yearFor(i, weeks);
      ids.push(data.cls.id);
      await db.transaction('rw', [...DATA_STORES], async () => {
        await db.classes.add(data.cls);
        await db.pupils.bulkAdd([...data.pupils]);
        await db.lenses.bulkAdd([...data.lenses]);
        await db.lessons.bulkAdd([...data.lessons]);
        await db.absences.bulkAdd([...data.absences]);
        await putEvents(db, data.events);
        await db.banking.bulkAdd([...data.banking]);
        await db.expectations.bulkAdd([...data.expectations]);
        await db.achievements.bulkAdd([...data.achievements]);
        await db.relationships.bulkAdd([...data.relationships]);
      });
    }
    const counts: Record<string, number> = {};
    for (const t of DATA_STORES) counts[t] = await db.table(t).count();
    counts.events = (await readAllEvents(db)).length;
    return { ids, counts, ms: performance.now() - start };
  },

  /**
   * A write the open app hears of as another tab's (Dexie's broadcast): its cached answers are
   * then stale, so the next open reads and analyses again, as after a lesson was logged.
   */
  async touch(classId: string) {
    const db = getDb();
    const cls = await db.classes.get(classId);
    if (cls) await db.classes.put({ ...cls, updatedAt: new Date().toISOString() });
  },

  /**
   * The screen's work without the DOM: read the period (median of `runs` reads) and compute all
   * insights (median of `runs` after two warm-up runs).
   */
  async measure(classId: string, period: InsightsPeriod, today: string, runs: number) {
    const reads: number[] = [];
    let data: ClassData | null = null;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      data = await loadInsightsData(classId, period);
      reads.push(performance.now() - t0);
    }
    if (!data) throw new Error(`class ${classId} not found`);
    const raw: number[] = [];
    for (let i = 0; i < runs; i++) raw.push(await rawEventsRead(classId, period.to));
    const run = () =>
      deriveInsights(
        analyseClass(data, { today, ...(period.from ? { from: period.from } : {}), to: period.to }),
      );
    run();
    run();
    const analyses: number[] = [];
    let insights = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      insights = run().length;
      analyses.push(performance.now() - t0);
    }
    return {
      events: data.events.length,
      lessons: data.lessons.length,
      pupils: data.pupils.length,
      insights,
      readMs: median(reads),
      readFirstMs: reads[0] ?? NaN,
      rawEventsReadMs: median(raw),
      analysisMs: median(analyses),
      analysisMinMs: Math.min(...analyses),
    };
  },
};

declare global {
  interface Window {
    __insightsBench?: typeof bench;
  }
}
window.__insightsBench = bench;
document.getElementById('state')!.textContent = 'ready';
