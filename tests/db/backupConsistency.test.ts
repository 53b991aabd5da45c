/**
 * A merge never breaks consistency: a lesson this device has is not moved to another date or
 * class by a file (refused, nothing changed, the app's own export still restores); messages
 * name the record that is wrong, print MB as 1,000,000 bytes and shorten deep paths. And a
 * property: any sequence of merges of valid files leaves data whose own export restores.
 */
import fc from 'fast-check';
import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import en from '../../src/i18n/locales/en/backup.json';
import { setDbForTests } from '../../src/db/db';
import type { SpiegelDB } from '../../src/db/schema';
import { exportBackupJson } from '../../src/db/backup/export';
import { ImportError } from '../../src/model/importErrors';
import { emptyBackupData, type BackupData } from '../../src/db/backup/format';
import { importBackup } from '../../src/db/backup/import';
import { formatPath } from '../../src/domain/jsonFile';
import { makeSampleData } from '../support/backupSample';
import { importErrorMessage } from '../../src/features/backup/importMessage';
import { backupOf, clone, dumpDb, freshDb, readData, seedDb } from './backupHelpers';

let db: SpiegelDB;
beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    resources: { en: { backup: en } },
    interpolation: { escapeValue: false },
  });
});
beforeEach(() => {
  db = freshDb();
});
afterEach(() => {
  db.close();
  setDbForTests(null);
});

const LATER = '2026-01-01T00:00:00.000Z';

async function refusal(run: () => Promise<unknown>): Promise<ImportError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected the file to be refused');
}

/** The app's own export of everything, restored into an empty app: must be accepted, equal. */
async function ownExportRestores(): Promise<void> {
  const own = await exportBackupJson();
  const before = await readData(db);
  const other = freshDb();
  try {
    await importBackup(own, 'merge');
    expect(await readData(other)).toEqual(before);
  } finally {
    other.close();
    setDbForTests(db);
  }
}

describe('a merge does not move a lesson', () => {
  const sample = () => makeSampleData({ seed: 7, classes: 2, pupilsPerClass: 4, events: 40 });

  for (const change of ['date', 'classId'] as const) {
    it(`refuses a later lesson with another ${change}, naming lessons[i].${change}; nothing changes`, async () => {
      const data = sample();
      await seedDb(db, data);
      const moved = clone(data);
      const lesson = moved.lessons[1]!;
      if (change === 'date') lesson.date = '2024-12-24';
      else lesson.classId = moved.classes.find((c) => c.id !== lesson.classId)!.id;
      lesson.updatedAt = LATER;
      // A file of the other device, where the lesson (and its events) moved.
      for (const e of moved.events) {
        if (e.lessonId === lesson.id) {
          e.date = lesson.date;
          e.classId = lesson.classId;
        }
      }
      const before = await dumpDb(db);
      const error = await refusal(() => importBackup(JSON.stringify(backupOf(moved)), 'merge'));
      expect(error.code).toBe('invalid');
      expect(error.detail).toMatchObject({ path: `lessons[1].${change}`, check: 'lessonMoved' });
      expect(importErrorMessage(error)).toContain(`lessons[1].${change}`);
      expect(await dumpDb(db)).toEqual(before);
      await ownExportRestores();
    });
  }

  it('accepts the same lesson with a later topic (it stays where it is)', async () => {
    const data = sample();
    await seedDb(db, data);
    const edited = clone(data);
    edited.lessons[0]!.topic = 'Breuken';
    edited.lessons[0]!.updatedAt = LATER;
    await importBackup(JSON.stringify(backupOf(edited)), 'merge');
    expect((await db.lessons.get(data.lessons[0]!.id))?.topic).toBe('Breuken');
    await ownExportRestores();
  });

  it('a class replace refuses a lesson that belongs to another class here', async () => {
    const data = sample();
    await seedDb(db, data);
    const [a, b] = data.classes;
    const file: BackupData = emptyBackupData();
    file.classes = [clone(a!)];
    const foreign = clone(data.lessons.find((l) => l.classId === b!.id)!);
    foreign.classId = a!.id;
    file.lessons = [foreign];
    const before = await dumpDb(db);
    const error = await refusal(() =>
      importBackup(JSON.stringify(backupOf(file, { kind: 'class', classId: a!.id })), 'replace'),
    );
    expect(error.detail).toMatchObject({ path: 'lessons[0].classId', check: 'lessonMoved' });
    expect(await dumpDb(db)).toEqual(before);
  });
});

describe('messages name the right record, in the units they print', () => {
  it('a lesson whose class is missing is blamed on lessons[i].classId', async () => {
    const data = makeSampleData({ seed: 3, classes: 1, pupilsPerClass: 3, events: 12 });
    const file = clone(data);
    file.classes = [];
    file.pupils = [];
    file.lenses = [];
    file.expectations = [];
    file.achievements = [];
    file.relationships = [];
    file.banking = [];
    file.absences = [];
    file.journal = [];
    file.intentions = [];
    file.promptStates = [];
    file.coachRemarks = [];
    file.events = file.events.filter((e) => e.lessonId === file.lessons[0]!.id);
    file.events = file.events.map((e) => ({ ...e, pupilId: e.pupilId }));
    const error = await refusal(() => importBackup(JSON.stringify(backupOf(file)), 'merge'));
    expect(error.code).toBe('missingReference');
    expect(error.detail.path).toBe('lessons[0].classId');
  });

  it('sizes are printed in MB of 1,000,000 bytes', async () => {
    // A Blob that only claims its size: the cap is checked before a byte is read.
    const blob = new Blob(['{}']);
    Object.defineProperty(blob, 'size', { value: 125_142_082 });
    const error = await refusal(() => importBackup(blob, 'merge', { maxBytes: 100_000_000 }));
    expect(error.code).toBe('tooLarge');
    const message = importErrorMessage(error);
    expect(message).toContain('125');
    expect(message).toContain('100');
    expect(message).not.toContain('119');
  });

  it('a deep path is shortened, not 33 repetitions of [0]', () => {
    const parts = ['data', 'events', 0, 'at', ...Array<number>(33).fill(0)];
    const path = formatPath(parts);
    expect(path).toBe('events[0].at[0] … (30 levels) … [0][0]');
    expect(formatPath(['data', 'events', 12, 'pupilId'])).toBe('events[12].pupilId');
  });
});

describe('property: after any sequence of merges, the app’s own export restores', () => {
  it('holds for random merges of small valid files', async () => {
    // Small files of one seeded world (same ids), each a random subset with random edits.
    const world = makeSampleData({ seed: 11, classes: 2, pupilsPerClass: 3, events: 24 });
    const fileArb = fc.record({
      keep: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      bump: fc.nat({ max: 3 }),
      topic: fc.constantFrom('', 'Breuken', 'Lezen'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fileArb, { minLength: 1, maxLength: 3 }), async (files) => {
        db.close();
        db = freshDb();
        for (const f of files) {
          const data = clone(world);
          // Drop whole lessons (with their events, absences, journal) to vary what is merged.
          const dropped = new Set(
            data.lessons.filter((_, i) => f.keep[i % 8] === false).map((l) => l.id),
          );
          data.lessons = data.lessons.filter((l) => !dropped.has(l.id));
          data.events = data.events.filter((e) => !dropped.has(e.lessonId));
          data.absences = data.absences.filter((a) => !dropped.has(a.lessonId));
          data.journal = data.journal.filter(
            (j) => j.lessonId === null || !dropped.has(j.lessonId),
          );
          const stamp = new Date(Date.parse(LATER) + f.bump * 1000).toISOString();
          for (const l of data.lessons.slice(0, 2)) {
            l.topic = f.topic;
            l.updatedAt = stamp;
          }
          await importBackup(JSON.stringify(backupOf(data)), 'merge');
          await ownExportRestores();
        }
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
