import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import { ValidationError } from '../../src/model/errors';
import type { SpiegelDB } from '../../src/db/schema';
import { exportCsv } from '../../src/db/backup/csv';
import { makeSampleData } from '../support/backupSample';
import {
  getBackupStatus,
  getReminderDays,
  setLastExportAt,
  setReminderDays,
} from '../../src/db/backup/settings';
import { freshDb, seedDb } from './backupHelpers';

let db: SpiegelDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => {
  db.close();
  setDbForTests(null);
});

const NOW = new Date('2025-03-01T12:00:00Z');
const daysBefore = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

async function seedClass(patch: {
  isDemo?: boolean;
  deletedAt?: string | null;
  createdAt?: string;
}) {
  const data = makeSampleData({ seed: 3, classes: 1 });
  Object.assign(data.classes[0]!, patch);
  await seedDb(db, data);
}

describe('backup reminder', () => {
  it.each([
    { name: 'no data at all', seed: null, last: null, days: 14, due: false },
    { name: 'only the demo class', seed: { isDemo: true }, last: null, days: 14, due: false },
    {
      name: 'only a deleted class',
      seed: { deletedAt: daysBefore(1).toISOString() },
      last: null,
      days: 14,
      due: false,
    },
    {
      name: 'real data made 3 days ago, never exported',
      seed: { createdAt: daysBefore(3).toISOString() },
      last: null,
      days: 14,
      due: false,
    },
    {
      name: 'real data made 20 days ago, never exported',
      seed: { createdAt: daysBefore(20).toISOString() },
      last: null,
      days: 14,
      due: true,
    },
    { name: 'exported 13 days ago', seed: {}, last: 13, days: 14, due: false },
    { name: 'exported 14 days ago', seed: {}, last: 14, days: 14, due: true },
    { name: 'exported 10 days ago, reminder after 7', seed: {}, last: 10, days: 7, due: true },
    { name: 'exported 29 days ago, reminder after 30', seed: {}, last: 29, days: 30, due: false },
  ])('$name → due: $due', async ({ seed, last, days, due }) => {
    if (seed) await seedClass(seed);
    if (last !== null) await setLastExportAt(daysBefore(last));
    await setReminderDays(days);
    const status = await getBackupStatus(NOW);
    expect(status.due).toBe(due);
    if (last !== null) expect(status.daysSince).toBe(last);
  });

  it('defaults to 14 days and refuses nonsense', async () => {
    expect(await getReminderDays()).toBe(14);
    await expect(setReminderDays(0)).rejects.toBeInstanceOf(ValidationError);
    await expect(setReminderDays(400)).rejects.toBeInstanceOf(ValidationError);
    await expect(setReminderDays(2.5)).rejects.toBeInstanceOf(ValidationError);
    await setReminderDays(30);
    expect(await getReminderDays()).toBe(30);
  });
});

describe('exportCsv', () => {
  it('one class or all, with a BOM and a header row', async () => {
    const data = makeSampleData({ seed: 9, classes: 2, events: 20, lessonsPerClass: 2 });
    await seedDb(db, data);
    const all = await exportCsv('expectations', { kind: 'all' });
    expect(all.startsWith('\uFEFFdate,class,pupil,value,valueLabel,confidence\r\n')).toBe(true);
    expect(all.trimEnd().split('\r\n')).toHaveLength(1 + data.expectations.length);
    const one = await exportCsv('expectations', { kind: 'class', classId: data.classes[0]!.id });
    const rows = one.trimEnd().split('\r\n').slice(1);
    expect(rows).toHaveLength(
      data.expectations.filter((e) => e.classId === data.classes[0]!.id).length,
    );
    expect(rows.every((r) => r.split(',')[1] === data.classes[0]!.name)).toBe(true);
    // Events of the deleted last lesson of each class are left out.
    const events = await exportCsv('events', { kind: 'all' });
    const live = new Set(data.lessons.filter((l) => l.deletedAt === null).map((l) => l.id));
    expect(events.trimEnd().split('\r\n')).toHaveLength(
      1 + data.events.filter((e) => live.has(e.lessonId)).length,
    );
  });
});
