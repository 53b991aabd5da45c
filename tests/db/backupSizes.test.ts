/**
 * Round trip at the two sizes that fit a unit test (the teacher-year and the 18-class archive
 * are in the bench, scripts/bench/backup.mjs): export → restore into an empty app by merge, and
 * by replace, gives back every table exactly. And the chunked reader gives the same result
 * however the file is cut into chunks, multi-byte characters included.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import type { SpiegelDB } from '../../src/db/schema';
import { backupParts, exportBackupJson } from '../../src/db/backup/export';
import { importBackup } from '../../src/db/backup/import';
import { makeSampleData, type SampleOptions } from '../support/backupSample';
import { scanBackup } from '../../src/db/backup/stream';
import { validateBackup, validateBackupStream } from '../../src/db/backup/validate';
import { backupOf, freshDb, readData, seedDb } from './backupHelpers';

let db: SpiegelDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => {
  db.close();
  setDbForTests(null);
});

const byId = (data: Record<string, unknown[]>) =>
  Object.fromEntries(
    Object.entries(data).map(([t, rows]) => [
      t,
      [...(rows as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id)),
    ]),
  );

const SIZES: [string, SampleOptions][] = [
  ['8 weeks', { seed: 8, classes: 1, pupilsPerClass: 30, lessonsPerClass: 32, events: 4_000 }],
  [
    'a class-year',
    { seed: 9, classes: 1, pupilsPerClass: 30, lessonsPerClass: 150, events: 25_000 },
  ],
];

describe('round trip at every size', () => {
  for (const [name, options] of SIZES) {
    it(`${name}: merge into an empty app and replace give back every table`, async () => {
      await seedDb(db, makeSampleData(options));
      const before = byId(await readData(db));
      const file = await exportBackupJson();
      db.close();
      db = freshDb();
      await importBackup(file, 'merge');
      expect(byId(await readData(db))).toEqual(before);
      await importBackup(file, 'replace');
      expect(byId(await readData(db))).toEqual(before);
    }, 120_000);
  }
});

describe('the chunked reader', () => {
  const data = makeSampleData({ seed: 5, classes: 2, pupilsPerClass: 4, events: 30 });
  data.classes[0]!.name = 'Klas één — ‘groep 6’ 🍎';
  data.pupils[0]!.name = 'Zoë ö 😀, "quoted" [x] {y}';
  const file = backupOf(data);
  const text = JSON.stringify(file);

  it('the export pieces join to exactly JSON.stringify of the file', () => {
    expect(backupParts(file).join('')).toBe(text);
  });

  it('gives the same records whatever the chunk size, also from bytes cut mid-character', async () => {
    const whole = validateBackup(JSON.parse(text));
    for (const chunkSize of [1, 3, 7, 64]) {
      const fromText = await validateBackupStream(text, { chunkSize });
      expect(fromText.file).toEqual(whole.file);
    }
    for (const chunkSize of [5, 101, 1000]) {
      const fromBytes = await validateBackupStream(new Blob([`\uFEFF${text}`]), { chunkSize });
      expect(fromBytes.file).toEqual(whole.file);
    }
  }, 60_000);

  it('hands every record over once, in file order, and reports progress to 100 %', async () => {
    const seen: string[] = [];
    const progress: number[] = [];
    await scanBackup(text, (table, i) => seen.push(`${table}[${i}]`), {
      chunkSize: 97,
      onProgress: (f) => progress.push(f),
    });
    expect(seen.filter((s) => s.startsWith('events['))).toHaveLength(data.events.length);
    expect(seen[0]).toBe('classes[0]');
    expect(progress.at(-1)).toBe(1);
  });

  it('a cancel stops reading and writes nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      importBackup(text, 'merge', { signal: controller.signal } as never),
    ).rejects.toThrow('cancelled');
    expect((await readData(db)).classes).toEqual([]);
  });
});
