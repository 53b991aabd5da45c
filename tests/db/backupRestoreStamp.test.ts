import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import type { SpiegelDB } from '../../src/db/schema';
import { exportBackupJson } from '../../src/db/backup/export';
import { applyImport, prepareImport } from '../../src/db/backup/import';
import { getSetting } from '../../src/db/repo/settings';
import { loadLiveRosterData } from '../../src/db/repo/lessons';
import { makeSampleData } from '../support/backupSample';
import { freshDb, seedDb } from './backupHelpers';

let db: SpiegelDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => {
  db.close();
  setDbForTests(null);
});

/** A restore stamps `lastRestoreAt` in its own transaction: screens holding events re-read. */
describe('the restore stamp', () => {
  it('is set by an accepted restore (merge and replace), and the live roster carries it', async () => {
    const data = makeSampleData({ seed: 5 });
    await seedDb(db, data);
    const lessonId = data.lessons[0]!.id;
    expect(await getSetting('lastRestoreAt')).toBeNull();
    expect((await loadLiveRosterData(lessonId))?.restoredAt).toBeNull();

    const text = await exportBackupJson();
    const merged = new Date('2026-03-02T08:00:00.000Z');
    await applyImport(await prepareImport(text), 'merge', { now: merged });
    expect(await getSetting('lastRestoreAt')).toBe(merged.toISOString());

    const replaced = new Date('2026-03-02T09:30:00.000Z');
    await applyImport(await prepareImport(text), 'replace', { now: replaced });
    expect(await getSetting('lastRestoreAt')).toBe(replaced.toISOString());
    expect((await loadLiveRosterData(lessonId))?.restoredAt).toBe(replaced.toISOString());
  });

  it('stays as it was when the restore is cancelled', async () => {
    const data = makeSampleData({ seed: 6 });
    await seedDb(db, data);
    const text = await exportBackupJson();
    const controller = new AbortController();
    controller.abort();
    await expect(
      applyImport(await prepareImport(text), 'replace', { signal: controller.signal }),
    ).rejects.toThrow();
    expect(await getSetting('lastRestoreAt')).toBeNull();
  });
});
