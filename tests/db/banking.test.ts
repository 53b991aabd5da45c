import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, setDbForTests } from '../../src/db/db';
import { SpiegelDB } from '../../src/db/schema';
import {
  loadBankingData,
  deleteBanking,
  listBanking,
  listBankingForPupil,
  logBanking,
  monthTotals,
  restoreBanking,
  updateBanking,
} from '../../src/db/repo/banking';
import type { ClassRecord, PupilRecord } from '../../src/model/types';
import { createClass } from '../../src/db/repo/classes';
import { addPupil } from '../../src/db/repo/pupils';

const NOW = new Date(2025, 2, 12, 15, 30); // Wed 12 March 2025, 15:30 local time
const LATER = new Date(2025, 2, 12, 16, 0);

async function seedClass(names: string[]): Promise<{ cls: ClassRecord; pupils: PupilRecord[] }> {
  const stamp = NOW.toISOString();
  const cls: ClassRecord = {
    id: crypto.randomUUID(),
    name: '2 havo',
    schoolType: 'secondary',
    yearLabel: '2 havo',
    seating: { rows: 1, cols: 6 },
    hiddenKinds: [],
    archivedAt: null,
    deletedAt: null,
    isDemo: false,
    expectationScale: { kind: 'relative5' },
    createdAt: stamp,
    updatedAt: stamp,
  };
  const pupils: PupilRecord[] = names.map((name, col) => ({
    id: crypto.randomUUID(),
    classId: cls.id,
    name,
    seat: { row: 0, col },
    lensValues: {},
    removedAt: null,
    createdAt: stamp,
    updatedAt: stamp,
  }));
  await getDb().classes.add(cls);
  await getDb().pupils.bulkAdd(pupils);
  return { cls, pupils };
}

beforeEach(() => {
  setDbForTests(new SpiegelDB('t-' + crypto.randomUUID()));
});

describe('logBanking', () => {
  it('stores a session with timestamps and a trimmed note', async () => {
    const { cls, pupils } = await seedClass(['Ayoub']);
    const session = await logBanking(
      { classId: cls.id, pupilId: pupils[0]!.id, date: '2025-03-12', minutes: 10, note: ' Lego ' },
      NOW,
    );
    expect(await getDb().banking.get(session.id)).toEqual({
      id: session.id,
      classId: cls.id,
      pupilId: pupils[0]!.id,
      date: '2025-03-12',
      minutes: 10,
      note: 'Lego',
      deletedAt: null,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
  });

  it.each([
    ['no pupil', { pupilId: '' }, 'pupilRequired'],
    ['an unknown pupil', { pupilId: 'someone-else' }, 'pupilRequired'],
    ['0 minutes', { minutes: 0 }, 'minutesRange'],
    ['121 minutes', { minutes: 121 }, 'minutesRange'],
    ['2.5 minutes', { minutes: 2.5 }, 'minutesRange'],
    ['NaN minutes', { minutes: Number.NaN }, 'minutesRange'],
    ['a future date', { date: '2025-03-13' }, 'dateFuture'],
    ['an impossible date', { date: '2025-13-01' }, 'dateInvalid'],
  ])('refuses %s', async (_label, patch, code) => {
    const { cls, pupils } = await seedClass(['Ayoub']);
    const input = {
      classId: cls.id,
      pupilId: pupils[0]!.id,
      date: '2025-03-12',
      minutes: 10,
      note: '',
      ...patch,
    };
    await expect(logBanking(input, NOW)).rejects.toMatchObject({ name: 'ValidationError', code });
    expect(await getDb().banking.count()).toBe(0);
  });

  it('accepts the limits 1 and 120 minutes', async () => {
    const { cls, pupils } = await seedClass(['Ayoub']);
    const base = { classId: cls.id, pupilId: pupils[0]!.id, date: '2025-03-01', note: '' };
    await logBanking({ ...base, minutes: 1 }, NOW);
    await logBanking({ ...base, minutes: 120 }, NOW);
    expect(await getDb().banking.count()).toBe(2);
  });
});

describe('updating, deleting and listing', () => {
  it('updates with the same validation and a new updatedAt', async () => {
    const { cls, pupils } = await seedClass(['Ayoub', 'Lotte']);
    const s = await logBanking(
      { classId: cls.id, pupilId: pupils[0]!.id, date: '2025-03-10', minutes: 10, note: '' },
      NOW,
    );
    const updated = await updateBanking(s.id, { minutes: 15, note: 'tekenen' }, LATER);
    expect(updated).toMatchObject({ minutes: 15, note: 'tekenen', date: '2025-03-10' });
    expect(updated.updatedAt).toBe(LATER.toISOString());
    expect(updated.createdAt).toBe(NOW.toISOString());
    await expect(updateBanking(s.id, { minutes: 0 }, LATER)).rejects.toMatchObject({
      code: 'minutesRange',
    });
    await expect(updateBanking(s.id, { date: '2025-04-01' }, LATER)).rejects.toMatchObject({
      code: 'dateFuture',
    });
    expect((await getDb().banking.get(s.id))?.minutes).toBe(15);
  });

  it('soft-deletes and restores', async () => {
    const { cls, pupils } = await seedClass(['Ayoub']);
    const s = await logBanking(
      { classId: cls.id, pupilId: pupils[0]!.id, date: '2025-03-10', minutes: 10, note: '' },
      NOW,
    );
    await deleteBanking(s.id, LATER);
    expect(await listBanking(cls.id)).toEqual([]);
    expect((await getDb().banking.get(s.id))?.deletedAt).toBe(LATER.toISOString());
    await expect(updateBanking(s.id, { minutes: 5 }, LATER)).rejects.toMatchObject({
      code: 'sessionNotFound',
    });
    await restoreBanking(s.id, LATER);
    expect((await listBanking(cls.id)).map((x) => x.id)).toEqual([s.id]);
  });

  it('lists newest first, per class and per pupil', async () => {
    const { cls, pupils } = await seedClass(['Ayoub', 'Lotte']);
    const other = await seedClass(['Eva']);
    const [ayoub, lotte] = [pupils[0]!, pupils[1]!];
    const log = (pupilId: string, date: string, classId = cls.id) =>
      logBanking({ classId, pupilId, date, minutes: 5, note: date }, NOW);
    await log(ayoub.id, '2025-03-03');
    await log(lotte.id, '2025-03-11');
    await log(ayoub.id, '2025-03-10');
    await log(other.pupils[0]!.id, '2025-03-10', other.cls.id);
    expect((await listBanking(cls.id)).map((s) => s.note)).toEqual([
      '2025-03-11',
      '2025-03-10',
      '2025-03-03',
    ]);
    expect((await listBankingForPupil(ayoub.id)).map((s) => s.note)).toEqual([
      '2025-03-10',
      '2025-03-03',
    ]);
    const view = await loadBankingData(cls.id);
    expect(view?.pupils.map((p) => p.name)).toEqual(['Ayoub', 'Lotte']);
    expect(view?.sessions).toHaveLength(3);
  });
});

describe('monthTotals', () => {
  it('sums sessions and minutes per pupil within the current month only', async () => {
    const { cls, pupils } = await seedClass(['Ayoub', 'Lotte']);
    const [ayoub, lotte] = [pupils[0]!, pupils[1]!];
    const log = (pupilId: string, date: string, minutes: number) =>
      logBanking({ classId: cls.id, pupilId, date, minutes, note: '' }, NOW);
    await log(ayoub.id, '2025-03-01', 10);
    await log(ayoub.id, '2025-03-12', 15);
    await log(ayoub.id, '2025-02-28', 30); // last month: not counted
    await log(lotte.id, '2025-03-05', 5);
    const deleted = await log(lotte.id, '2025-03-06', 60);
    await deleteBanking(deleted.id, NOW);
    const all = await getDb().banking.toArray(); // includes the deleted one: must be skipped
    const totals = monthTotals(all, NOW);
    expect(totals.get(ayoub.id)).toEqual({ sessions: 2, minutes: 25 });
    expect(totals.get(lotte.id)).toEqual({ sessions: 1, minutes: 5 });
    expect(totals.size).toBe(2);
  });
});

describe('banking notes fit the backup format', () => {
  it('refuses a note longer than 5,000 characters and keeps nothing', async () => {
    setDbForTests(new SpiegelDB('t-' + crypto.randomUUID()));
    const cls = await createClass({ name: '6B', schoolType: 'primary', yearLabel: 'groep 6' });
    const pupil = await addPupil(cls.id, 'Sem');
    const base = { classId: cls.id, pupilId: pupil.id, date: '2025-03-03', minutes: 10 };
    const now = new Date('2025-03-04T10:00:00Z');
    await expect(logBanking({ ...base, note: 'x'.repeat(5001) }, now)).rejects.toMatchObject({
      code: 'noteTooLong',
    });
    expect(await listBanking(cls.id)).toEqual([]);
    await expect(logBanking({ ...base, note: 'x'.repeat(5000) }, now)).resolves.toBeTruthy();
  });
});
