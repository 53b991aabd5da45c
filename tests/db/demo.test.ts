import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, setDbForTests } from '../../src/db/db';
import { findDemoClassId, loadDemoClass, removeDemoData } from '../../src/db/repo/demo';
import { putEvents, readAllEvents, readClassEvents } from '../../src/db/eventStore';
import { CORE_TABLES, DATA_STORES, SpiegelDB } from '../../src/db/schema';
import { DEMO_SEED, generateDemoClass, type DemoClassData } from '../../src/domain/demo/generate';

const NOW = new Date(2025, 9, 15, 10, 30);
// The generator fills the core tables; the reflection tables stay empty for a demo class.
const CHILD_TABLES = CORE_TABLES.filter((t) => t !== 'classes');

/** A teacher's own class with a record in every table (the generator's shape, not a demo). */
async function addOwnClass(seed: number): Promise<DemoClassData> {
  const data = generateDemoClass({ seed, today: NOW, makeId: () => crypto.randomUUID() });
  data.class = { ...data.class, isDemo: false, name: 'Groep 7b' };
  const db = getDb();
  await db.transaction('rw', [...DATA_STORES], async () => {
    await db.classes.add(data.class);
    for (const t of CHILD_TABLES) {
      if (t === 'events') await putEvents(db, data.events);
      else await db.table(t).bulkAdd(data[t]);
    }
  });
  return data;
}

async function countsFor(classId: string): Promise<Record<string, number>> {
  const db = getDb();
  const out: Record<string, number> = { classes: (await db.classes.get(classId)) ? 1 : 0 };
  for (const t of CHILD_TABLES) {
    out[t] =
      t === 'events'
        ? (await readClassEvents(db, classId)).length
        : await db.table(t).where('classId').equals(classId).count();
  }
  return out;
}

const expectedCounts = (d: DemoClassData): Record<string, number> => {
  const out: Record<string, number> = { classes: 1 };
  for (const t of CHILD_TABLES) out[t] = d[t].length;
  return out;
};

beforeEach(() => setDbForTests(new SpiegelDB('t-' + crypto.randomUUID())));
afterEach(() => vi.restoreAllMocks());

describe('loadDemoClass', () => {
  it('writes the whole generated class, marked as demo, and returns its id', async () => {
    const id = await loadDemoClass(NOW);
    const cls = await getDb().classes.get(id);
    expect(cls).toMatchObject({ isDemo: true, name: 'Demoklas groep 7', deletedAt: null });
    expect(await findDemoClassId()).toBe(id);
    // Same content as the generator gives for the same day (ids are fresh per load).
    const generated = generateDemoClass({ seed: DEMO_SEED, today: NOW });
    expect(await countsFor(id)).toEqual(expectedCounts(generated));
    const names = (await getDb().pupils.where('classId').equals(id).toArray()).map((p) => p.name);
    expect(names.sort()).toEqual(generated.pupils.map((p) => p.name).sort());
  });

  it('a second load gives the same id and adds nothing', async () => {
    const first = await loadDemoClass(NOW);
    const before = await countsFor(first);
    const totalBefore = (await readAllEvents(getDb())).length;
    const [second, third] = await Promise.all([loadDemoClass(NOW), loadDemoClass(NOW)]);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(await getDb().classes.count()).toBe(1);
    expect(await countsFor(first)).toEqual(before);
    expect((await readAllEvents(getDb())).length).toBe(totalBefore);
  });

  it('two loads at once still make only one demo class', async () => {
    const ids = await Promise.all([loadDemoClass(NOW), loadDemoClass(NOW)]);
    expect(ids[0]).toBe(ids[1]);
    expect(await getDb().classes.count()).toBe(1);
  });

  it('replaces a demo class that was deleted (waiting in its undo window)', async () => {
    const old = await loadDemoClass(NOW);
    await getDb().classes.update(old, { deletedAt: NOW.toISOString() });
    expect(await findDemoClassId()).toBeNull();
    const fresh = await loadDemoClass(NOW);
    expect(fresh).not.toBe(old);
    expect(await countsFor(old)).toEqual(Object.fromEntries(CORE_TABLES.map((t) => [t, 0])));
    expect(await getDb().classes.count()).toBe(1);
  });

  it('is all or nothing: a failing write leaves no half demo class', async () => {
    const db = getDb();
    vi.spyOn(db.lessonEvents, 'bulkAdd').mockRejectedValue(
      Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }),
    );
    await expect(loadDemoClass(NOW)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    for (const t of DATA_STORES) expect(await db.table(t).count()).toBe(0);
  });

  // How fast it loads is the benchmark's business (scripts/bench), not a unit test's.
  it('loads again after the demo data was removed, once', async () => {
    await loadDemoClass(new Date(2025, 0, 6));
    await removeDemoData();
    await loadDemoClass(NOW);
    expect(
      await getDb()
        .classes.filter((c) => c.isDemo)
        .count(),
    ).toBe(1);
  });
});

describe('removeDemoData', () => {
  it("hard-deletes the demo class and all its records, and leaves the teacher's own class", async () => {
    const own = await addOwnClass(11);
    const demo = await loadDemoClass(NOW);
    const ownBefore = await countsFor(own.class.id);
    expect(ownBefore).toEqual(expectedCounts(own));

    await removeDemoData();

    expect(await countsFor(demo)).toEqual(Object.fromEntries(CORE_TABLES.map((t) => [t, 0])));
    expect(await findDemoClassId()).toBeNull();
    expect(await countsFor(own.class.id)).toEqual(ownBefore);
    expect(await getDb().classes.get(own.class.id)).toEqual(own.class);
    // Nothing else is left anywhere.
    for (const t of CHILD_TABLES) {
      const count =
        t === 'events' ? (await readAllEvents(getDb())).length : await getDb().table(t).count();
      expect(count, t).toBe(own[t].length);
    }
  });

  it('also removes a soft-deleted demo class, and does nothing when there is none', async () => {
    await removeDemoData();
    const demo = await loadDemoClass(NOW);
    await getDb().classes.update(demo, { deletedAt: NOW.toISOString() });
    await removeDemoData();
    expect(await getDb().classes.count()).toBe(0);
    expect((await readAllEvents(getDb())).length).toBe(0);
  });
});
