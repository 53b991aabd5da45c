import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countStoredEvents } from './eventHelpers';
import { getDb, setDbForTests } from '../../src/db/db';
import { ValidationError } from '../../src/model/errors';
import {
  deleteAllData,
  purgeDeletedClasses,
  requestPersistentStorage,
  requestPersistentStorageOnce,
  storageEstimate,
  storagePersisted,
} from '../../src/db/repo/maintenance';
import { getSetting, getSettings, SETTING_DEFAULTS, setSetting } from '../../src/db/repo/settings';
import { setLastExportAt } from '../../src/db/backup/settings';
import { putEvents, readClassEvents } from '../../src/db/eventStore';
import { CORE_TABLES, DATA_STORES, DATA_TABLES, SpiegelDB } from '../../src/db/schema';
import type { CoachWorkspaceRecord, JournalEntry } from '../../src/model/types';
import { generateDemoClass } from '../../src/domain/demo/generate';
import { getSyncPairing, saveSyncPairing } from '../../src/db/repo/syncPairing';

const NOW = new Date('2025-10-15T10:00:00Z');
const STAMP = { createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() };
const CHILD_TABLES = DATA_TABLES.filter((t) => t !== 'classes');

/** The teacher's reflection on one class: a record in each of the reflection tables (v3, v7). */
function reflectionFor(classId: string, pupilId: string, lessonId: string) {
  const journal: JournalEntry = {
    id: crypto.randomUUID(),
    classId,
    date: '2025-10-01',
    text: 'Na de les.',
    lessonId,
    pupilId,
    insightKey: null,
    source: 'afterLesson',
    deletedAt: null,
    ...STAMP,
  };
  return {
    journal: [journal],
    intentions: [
      {
        id: crypto.randomUUID(),
        classId,
        target: { type: 'pupil' as const, pupilId },
        measure: { kind: 'turn' as const, perLesson: 1 },
        from: '2025-10-01',
        to: '2025-10-31',
        note: '',
        closingReflection: '',
        closedAt: null,
        deletedAt: null,
        ...STAMP,
      },
    ],
    promptStates: [
      {
        id: crypto.randomUUID(),
        classId,
        promptKey: 'rateExpectations',
        status: 'dismissed' as const,
        until: null,
        ...STAMP,
      },
    ],
    coachRemarks: [
      {
        id: crypto.randomUUID(),
        classId,
        insightKey: 'turnsSpread',
        text: 'Wat zie je?',
        author: 'Coach',
        packageId: crypto.randomUUID(),
        ...STAMP,
      },
    ],
    // Schema v7 (issue 14): where the teacher placed the cause.
    attributions: [
      {
        id: crypto.randomUUID(),
        classId,
        pupilId,
        date: '2025-10-01',
        cause: 'approach' as const,
        source: 'difficulty' as const,
        sourceKey: null,
        ...STAMP,
      },
    ],
  };
}

/** A journal entry that belongs to no class. */
const looseEntry = (): JournalEntry => ({
  id: crypto.randomUUID(),
  classId: null,
  date: '2025-10-02',
  text: 'Algemeen: minder haasten.',
  lessonId: null,
  pupilId: null,
  insightKey: null,
  source: 'journal',
  deletedAt: null,
  ...STAMP,
});

const workspace = (): CoachWorkspaceRecord => ({
  id: crypto.randomUUID(),
  packageId: crypto.randomUUID(),
  label: 'Groep 6 van Sam',
  packageJson: '{}',
  remarks: [],
  ...STAMP,
});

/**
 * A class with records in every data table (a slice of the generator's output keeps it quick);
 * `deletedAt` marks it soft-deleted.
 */
async function addClass(seed: number, deletedAt: string | null = null) {
  const data = generateDemoClass({ seed, today: NOW, makeId: () => crypto.randomUUID() });
  data.class = { ...data.class, isDemo: false, deletedAt };
  const reflection = reflectionFor(data.class.id, data.pupils[0]!.id, data.lessons[0]!.id);
  const db = getDb();
  await db.transaction('rw', [...DATA_STORES], async () => {
    await db.classes.add(data.class);
    for (const t of CORE_TABLES) {
      if (t === 'events') await putEvents(db, data.events.slice(0, 40));
      else if (t !== 'classes') await db.table(t).bulkAdd(data[t].slice(0, 40));
    }
    for (const [t, rows] of Object.entries(reflection)) await db.table(t).bulkAdd(rows);
  });
  return data;
}

async function recordsOf(classId: string): Promise<number> {
  const db = getDb();
  let n = (await db.classes.get(classId)) ? 1 : 0;
  for (const t of CHILD_TABLES) {
    n +=
      t === 'events'
        ? (await readClassEvents(db, classId)).length
        : await db.table(t).where('classId').equals(classId).count();
  }
  return n;
}

const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

beforeEach(() => setDbForTests(new SpiegelDB('t-' + crypto.randomUUID())));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('deleteAllData', () => {
  it('empties every data table and the settings, but keeps the language', async () => {
    await addClass(1);
    await addClass(2, ago(5_000));
    const db = getDb();
    await db.settings.bulkPut([
      { key: 'language', value: 'en', updatedAt: NOW.toISOString() },
      { key: 'lastExportAt', value: NOW.toISOString(), updatedAt: NOW.toISOString() },
      { key: 'someFeature.snoozed', value: ['x'], updatedAt: NOW.toISOString() },
    ]);
    await db.journal.add(looseEntry());
    await db.coachWorkspaces.add(workspace());
    for (const t of DATA_STORES) expect(await db.table(t).count()).toBeGreaterThan(0);

    await deleteAllData();

    for (const t of DATA_STORES) expect(await db.table(t).count(), t).toBe(0);
    // The coach workspaces are local-only, but "delete all data" means everything.
    expect(await db.coachWorkspaces.count()).toBe(0);
    expect(await db.settings.toArray()).toEqual([
      { key: 'language', value: 'en', updatedAt: NOW.toISOString() },
    ]);
    // The database is still usable afterwards.
    await addClass(3);
    expect(await db.classes.count()).toBe(1);
  });

  it('on a paired device: unpairs first, so nothing of the deletion is left to sync', async () => {
    await addClass(5);
    const db = getDb();
    await saveSyncPairing({
      url: 'ws://127.0.0.1:1',
      teacherId: 't1',
      token: 'token',
      key: new Uint8Array(32).fill(7),
    });
    await db.syncOutbox.put({ key: 'pupils:p1', fields: null });
    await db.syncUpdates.add({ update: new Uint8Array([1, 2, 3]) });

    await deleteAllData();

    expect(await getSyncPairing()).toBeNull();
    expect(await db.syncOutbox.count()).toBe(0);
    expect(await db.syncUpdates.count()).toBe(0);
    for (const t of DATA_STORES) expect(await db.table(t).count(), t).toBe(0);
  });

  it('is all or nothing: when one table cannot be cleared, nothing is deleted', async () => {
    const own = await addClass(4);
    const db = getDb();
    vi.spyOn(db.table('lessonEvents'), 'clear').mockRejectedValue(new Error('disk trouble'));
    await expect(deleteAllData()).rejects.toThrow('disk trouble');
    expect(await recordsOf(own.class.id)).toBeGreaterThan(200);
    expect(await db.pupils.count()).toBe(own.pupils.length);
    expect(await countStoredEvents(db)).toBe(40);
  });

  it('keeps the coach workspaces when a later table fails (one transaction)', async () => {
    await addClass(8);
    const db = getDb();
    await db.coachWorkspaces.add(workspace());
    vi.spyOn(db.table('coachRemarks'), 'clear').mockRejectedValue(new Error('disk trouble'));
    await expect(deleteAllData()).rejects.toThrow('disk trouble');
    expect(await db.coachWorkspaces.count()).toBe(1);
    expect(await db.journal.count()).toBe(1);
  });
});

describe('purgeDeletedClasses', () => {
  it('hard-deletes classes past the undo window, with every record, and keeps the rest', async () => {
    const expired = await addClass(1, ago(120_000));
    const inWindow = await addClass(2, ago(30_000));
    const alive = await addClass(3);
    const before = {
      inWindow: await recordsOf(inWindow.class.id),
      alive: await recordsOf(alive.class.id),
    };
    expect(await recordsOf(expired.class.id)).toBeGreaterThan(200);

    const purged = await purgeDeletedClasses(NOW);

    expect(purged).toEqual([expired.class.id]);
    expect(await recordsOf(expired.class.id)).toBe(0);
    expect(await recordsOf(inWindow.class.id)).toBe(before.inWindow);
    expect(await recordsOf(alive.class.id)).toBe(before.alive);
    // No orphan anywhere: every remaining record belongs to a remaining class.
    const db = getDb();
    const remaining = new Set([inWindow.class.id, alive.class.id]);
    for (const t of DATA_STORES.filter((s) => s !== 'classes')) {
      const rows = (await db.table(t).toArray()) as { classId: string }[];
      expect(
        rows.every((r) => remaining.has(r.classId)),
        t,
      ).toBe(true);
    }
  });

  it('purges the reflection on a class, and keeps journal entries without a class', async () => {
    const expired = await addClass(9, ago(120_000));
    const alive = await addClass(10);
    const loose = looseEntry();
    const db = getDb();
    await db.journal.add(loose);
    for (const t of ['journal', 'intentions', 'promptStates', 'coachRemarks'] as const) {
      expect(await db.table(t).where('classId').equals(expired.class.id).count(), t).toBe(1);
    }

    expect(await purgeDeletedClasses(NOW)).toEqual([expired.class.id]);

    for (const t of ['journal', 'intentions', 'promptStates', 'coachRemarks'] as const) {
      expect(await db.table(t).where('classId').equals(expired.class.id).count(), t).toBe(0);
      expect(await db.table(t).where('classId').equals(alive.class.id).count(), t).toBe(1);
    }
    expect(await db.journal.get(loose.id)).toEqual(loose);
  });

  it("forgets the purged class's coach code map and shared packages, not another class's", async () => {
    const expired = await addClass(11, ago(120_000));
    const alive = await addClass(12);
    const gone = expired.class.id;
    const kept = alive.class.id;
    const put = (key: string, value: unknown) =>
      getDb().settings.put({ key, value, updatedAt: NOW.toISOString() });
    await put(`coach.codes.${gone}`, { p1: 'L01' });
    await put('coach.shared.pkg-a', { classId: gone });
    await put(`coach.codes.${kept}`, { p2: 'L01' });
    await put('coach.shared.pkg-b', { classId: kept });

    expect(await purgeDeletedClasses(NOW)).toEqual([gone]);

    const keys = (await getDb().settings.toArray()).map((r) => r.key).sort();
    expect(keys).toContain(`coach.codes.${kept}`);
    expect(keys).toContain('coach.shared.pkg-b');
    expect(keys).not.toContain(`coach.codes.${gone}`);
    expect(keys).not.toContain('coach.shared.pkg-a');
  });

  it('honours the grace period, boundary included, and purges nothing twice', async () => {
    const exact = await addClass(5, ago(60_000));
    const justInside = await addClass(6, ago(59_999));
    expect(await purgeDeletedClasses(NOW)).toEqual([exact.class.id]);
    expect(await purgeDeletedClasses(NOW)).toEqual([]);
    expect(await recordsOf(justInside.class.id)).toBeGreaterThan(0);
    expect(await purgeDeletedClasses(NOW, 0)).toEqual([justInside.class.id]);
  });

  it('does nothing without deleted classes', async () => {
    const alive = await addClass(7);
    const n = await recordsOf(alive.class.id);
    expect(await purgeDeletedClasses(NOW, 0)).toEqual([]);
    expect(await recordsOf(alive.class.id)).toBe(n);
  });
});

describe('persistent storage', () => {
  function stubStorage(storage: Partial<StorageManager> | undefined) {
    vi.stubGlobal('navigator', storage === undefined ? {} : { storage });
  }

  it('says unsupported when the browser has no StorageManager', async () => {
    stubStorage(undefined);
    expect(await requestPersistentStorage(NOW)).toBe('unsupported');
    expect(await storagePersisted()).toBeNull();
    expect(await storageEstimate()).toBeNull();
    expect(await getSetting('persistRequested')).toBe(false);
  });

  it('asks the browser, remembers that it asked, and reports the answer', async () => {
    const persist = vi.fn().mockResolvedValue(true);
    stubStorage({ persist, persisted: vi.fn().mockResolvedValue(false) });
    expect(await requestPersistentStorage(NOW)).toBe('granted');
    expect(persist).toHaveBeenCalledTimes(1);
    expect(await getSetting('persistRequested')).toBe(true);

    stubStorage({
      persist: vi.fn().mockResolvedValue(false),
      persisted: vi.fn().mockResolvedValue(false),
    });
    expect(await requestPersistentStorage(NOW)).toBe('denied');
  });

  it('does not ask again when storage is already persistent', async () => {
    const persist = vi.fn().mockResolvedValue(true);
    stubStorage({ persist, persisted: vi.fn().mockResolvedValue(true) });
    expect(await requestPersistentStorage(NOW)).toBe('granted');
    expect(persist).not.toHaveBeenCalled();
    expect(await storagePersisted()).toBe(true);
  });

  it('asks only once through requestPersistentStorageOnce', async () => {
    const persist = vi.fn().mockResolvedValue(false);
    stubStorage({ persist, persisted: vi.fn().mockResolvedValue(false) });
    expect(await requestPersistentStorageOnce(NOW)).toBe('denied');
    expect(await requestPersistentStorageOnce(NOW)).toBeNull();
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('reports how much is stored', async () => {
    stubStorage({ estimate: vi.fn().mockResolvedValue({ usage: 1234, quota: 10_000 }) });
    expect(await storageEstimate()).toEqual({ usage: 1234, quota: 10_000 });
  });
});

describe('local settings', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await getSettings()).toEqual(SETTING_DEFAULTS);
    expect(await getSetting('backupReminderDays')).toBe(14);
  });

  it('stores typed values with their time', async () => {
    await setSetting('backupReminderDays', 30, NOW);
    await setLastExportAt(NOW);
    expect(await getSettings()).toEqual({
      lastExportAt: NOW.toISOString(),
      backupReminderDays: 30,
      persistRequested: false,
      lastRestoreAt: null,
    });
    expect(await getDb().settings.get('backupReminderDays')).toEqual({
      key: 'backupReminderDays',
      value: 30,
      updatedAt: NOW.toISOString(),
    });
  });

  it.each([0, -3, 2.5, 366, Number.NaN])('refuses %s reminder days', async (days) => {
    await expect(setSetting('backupReminderDays', days, NOW)).rejects.toEqual(
      new ValidationError('reminderDaysRange'),
    );
    expect(await getSetting('backupReminderDays')).toBe(14);
  });

  it('falls back to the default when a stored value is damaged', async () => {
    await getDb().settings.bulkPut([
      { key: 'backupReminderDays', value: 'veertien', updatedAt: NOW.toISOString() },
      { key: 'lastExportAt', value: 'not a date', updatedAt: NOW.toISOString() },
      { key: 'persistRequested', value: 1, updatedAt: NOW.toISOString() },
    ]);
    expect(await getSettings()).toEqual(SETTING_DEFAULTS);
    expect(await getSetting('lastExportAt')).toBeNull();
  });
});
