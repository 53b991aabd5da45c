/**
 * Issue 15: opening the insights again after a change elsewhere reads only the lessons whose
 * event records changed. The kept copy must never stand in for a record that was written since.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RangeSet, type ObservabilitySet } from 'dexie';
import { getDb, setDbForTests } from '../../src/db/db';
import {
  forgetLessonEvents,
  lessonChangesOf,
  readClassEventsBetweenKept,
} from '../../src/db/eventRecordCache';
import { modifyLessonEvents, putEvents, readClassEventsBetween } from '../../src/db/eventStore';
import { loadInsightsData, onInsightsDataChanged } from '../../src/db/repo/insightsData';
import { SpiegelDB } from '../../src/db/schema';
import type { InteractionEvent } from '../../src/model/types';
import { STAMP, classRecord, event, lesson, stamps } from '../support/records';

const DATES = ['2025-03-03', '2025-03-10', '2025-03-17'];
const cls = classRecord('A');

let db: SpiegelDB;
beforeEach(async () => {
  db = new SpiegelDB('t-' + crypto.randomUUID());
  setDbForTests(db);
  await db.classes.add(cls);
  const lessons = DATES.map((d, i) => lesson(`L${i}`, 'A', d));
  await db.lessons.bulkAdd(lessons);
  await putEvents(
    db,
    lessons.flatMap((l) => [event(`${l.id}-1`, l, 'a1'), event(`${l.id}-2`, l, 'a2')]),
  );
});
afterEach(() => {
  vi.restoreAllMocks();
  forgetLessonEvents('all');
});

const read = () =>
  db.transaction('r', db.lessonEvents, () =>
    readClassEventsBetweenKept(db, 'A', '2025-01-01', '2025-12-31'),
  );
const ids = (events: readonly InteractionEvent[]) => events.map((e) => e.id);

describe('the kept lesson event records', () => {
  it('give what a fresh read gives, and read only the lessons not kept', async () => {
    const fresh = await readClassEventsBetween(db, 'A', '2025-01-01', '2025-12-31');
    const bulkGet = vi.spyOn(db.lessonEvents, 'bulkGet');
    expect(await read()).toEqual(fresh);
    expect(bulkGet.mock.calls.map((c) => c[0])).toEqual([['L0', 'L1', 'L2']]);
    expect(await read()).toEqual(fresh);
    // Nothing changed: nothing read again.
    expect(bulkGet).toHaveBeenCalledTimes(1);
    forgetLessonEvents(['L1']);
    expect(await read()).toEqual(fresh);
    expect(bulkGet.mock.calls[1]?.[0]).toEqual(['L1']);
  });

  it('follow every write heard of in this context: one lesson is read again', async () => {
    onInsightsDataChanged(() => undefined);
    await read();
    const l1 = (await db.lessons.get('L1'))!;
    await putEvents(db, [event('L1-3', l1, 'a1')]);
    await modifyLessonEvents(db, 'L2', (e) => (e.id === 'L2-2' ? null : e), STAMP);
    const bulkGet = vi.spyOn(db.lessonEvents, 'bulkGet');
    const after = await read();
    expect(ids(after)).toEqual(['L0-1', 'L0-2', 'L1-1', 'L1-2', 'L1-3', 'L2-1']);
    expect(bulkGet.mock.calls.map((c) => [...c[0]].sort())).toEqual([['L1', 'L2']]);
  });

  it('see lessons added and removed without being told (their keys are read each time)', async () => {
    await read();
    const l3 = lesson('L3', 'A', '2025-03-24');
    await db.transaction('rw', db.lessons, db.lessonEvents, async () => {
      await db.lessons.add(l3);
      await putEvents(db, [event('L3-1', l3, 'a1')]);
      await db.lessonEvents.delete('L0');
    });
    expect(ids(await read())).toEqual(['L1-1', 'L1-2', 'L2-1', 'L2-2', 'L3-1']);
  });

  it('keep nothing a read fetched while a write was heard of', async () => {
    await read();
    forgetLessonEvents(['L0']);
    const real = db.lessonEvents.bulkGet.bind(db.lessonEvents);
    const bulkGet = vi.spyOn(db.lessonEvents, 'bulkGet').mockImplementation((keys) =>
      real(keys).then((records) => {
        // The page hears of a write to L0 after the record was read.
        forgetLessonEvents(['L0']);
        return records;
      }),
    );
    await read();
    bulkGet.mockRestore();
    const again = vi.spyOn(db.lessonEvents, 'bulkGet');
    await read();
    expect(again.mock.calls.map((c) => c[0])).toEqual([['L0']]);
  });

  it('are not used for another class or another database', async () => {
    await read();
    const other = new SpiegelDB('t-' + crypto.randomUUID());
    setDbForTests(other);
    await other.classes.add(cls);
    expect(
      await other.transaction('r', other.lessonEvents, () =>
        readClassEventsBetweenKept(other, 'A', '2025-01-01', '2025-12-31'),
      ),
    ).toEqual([]);
  });

  it('serve loadInsightsData: a renamed pupil reads no lesson again, and the data is equal', async () => {
    const period = { from: null, to: '2025-12-31' };
    const first = await loadInsightsData('A', period);
    const bulkGet = vi.spyOn(getDb().lessonEvents, 'bulkGet');
    await getDb().pupils.put({
      id: 'a1',
      classId: 'A',
      name: 'Ann',
      seat: null,
      lensValues: {},
      removedAt: null,
      ...stamps,
    });
    const second = await loadInsightsData('A', period);
    expect(second?.events).toEqual(first?.events);
    expect(second?.pupils.map((p) => p.name)).toEqual(['Ann']);
    expect(bulkGet).not.toHaveBeenCalled();
  });
});

describe('lessonChangesOf', () => {
  const keys = (...k: string[]) => new RangeSet().addKeys(k);
  const part = (table: string, index = '') => `idb://spiegel/${table}/${index}`;
  it.each<[string, ObservabilitySet, ReturnType<typeof lessonChangesOf>]>([
    ['no lesson events written', { [part('pupils')]: keys('a1') }, []],
    ['two records written', { [part('lessonEvents')]: keys('L1', 'L2') }, ['L1', 'L2']],
    ['a record deleted', { [part('lessonEvents', ':dels')]: keys('L0') }, ['L0']],
    [
      'an index beside the primary keys',
      { [part('lessonEvents')]: keys('L1'), [part('lessonEvents', '[classId+date]')]: keys('x') },
      ['L1'],
    ],
    ['an index alone', { [part('lessonEvents', 'classId')]: keys('A') }, 'all'],
    ['a cleared table (a range)', { [part('lessonEvents')]: new RangeSet('', '\uffff') }, 'all'],
  ])('%s', (_name, parts, expected) => {
    expect(lessonChangesOf(parts)).toEqual(expected);
  });
});
