/**
 * Events stored per lesson (schema v4): the helpers in src/db/eventStore.ts turn lesson records
 * into events and back, and every change touches one lesson record only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import {
  countEvents,
  countEventsPerLesson,
  lessonRecordOf,
  modifyLessonEvents,
  putEvents,
  readAllEvents,
  readClassEvents,
  readClassEventsBetween,
  readEventsOfLesson,
  readPupilEvents,
  removePupilEvents,
} from '../../src/db/eventStore';
import { importBackup } from '../../src/db/backup/import';
import { SpiegelDB } from '../../src/db/schema';
import type { InteractionEvent } from '../../src/model/types';
import { backupOf, emptyData } from './backupHelpers';

const T1 = '2025-03-03T08:00:00.000Z';
const T2 = '2025-03-03T09:00:00.000Z';
const T3 = '2025-03-04T10:00:00.000Z';

function ev(id: string, lessonId: string, pupilId: string, patch: Partial<InteractionEvent> = {}) {
  const date = lessonId === 'L2' ? '2025-03-10' : lessonId === 'M1' ? '2025-03-05' : '2025-03-03';
  const event: InteractionEvent = {
    id,
    classId: lessonId.startsWith('M') ? 'C2' : 'C1',
    lessonId,
    pupilId,
    kind: 'turn',
    date,
    at: T1,
    loggedAfter: false,
    createdAt: T1,
    updatedAt: T1,
    ...patch,
  };
  return event;
}

let db: SpiegelDB;
beforeEach(() => {
  db = new SpiegelDB('t-' + crypto.randomUUID());
  setDbForTests(db);
});
afterEach(() => {
  db.close();
  setDbForTests(null);
});

describe('reading and writing events per lesson', () => {
  it('keeps one record per lesson, events in the order stored, without repeating the lesson', async () => {
    await putEvents(db, [ev('e1', 'L1', 'p1'), ev('e2', 'L2', 'p1'), ev('e3', 'L1', 'p2')]);
    await putEvents(db, [ev('e4', 'L1', 'p1', { createdAt: T2, updatedAt: T2 })]);
    const records = await db.lessonEvents.orderBy('id').toArray();
    expect(records.map((r) => [r.id, r.classId, r.date, r.events.map((e) => e.id)])).toEqual([
      ['L1', 'C1', '2025-03-03', ['e1', 'e3', 'e4']],
      ['L2', 'C1', '2025-03-10', ['e2']],
    ]);
    expect(records[0]).toMatchObject({ createdAt: T1, updatedAt: T2 });
    expect(records[0]!.events[0]).not.toHaveProperty('lessonId');
    expect(await readEventsOfLesson(db, 'L1')).toEqual([
      ev('e1', 'L1', 'p1'),
      ev('e3', 'L1', 'p2'),
      ev('e4', 'L1', 'p1', { createdAt: T2, updatedAt: T2 }),
    ]);
    expect(await readEventsOfLesson(db, 'nope')).toEqual([]);
  });

  it('replaces an event stored under the same id in its place', async () => {
    await putEvents(db, [ev('e1', 'L1', 'p1'), ev('e2', 'L1', 'p2')]);
    await putEvents(db, [ev('e1', 'L1', 'p1', { kind: 'praise', updatedAt: T3 })]);
    const events = await readEventsOfLesson(db, 'L1');
    expect(events.map((e) => [e.id, e.kind])).toEqual([
      ['e1', 'praise'],
      ['e2', 'turn'],
    ]);
    expect((await db.lessonEvents.get('L1'))?.updatedAt).toBe(T3);
  });

  it('reads by class, by date range (inclusive), by pupil, and counts per lesson', async () => {
    await putEvents(db, [
      ev('e1', 'L1', 'p1'),
      ev('e2', 'L2', 'p1'),
      ev('e3', 'L1', 'p2'),
      ev('m1', 'M1', 'q1'),
    ]);
    const ids = (events: InteractionEvent[]) => events.map((e) => e.id).sort();
    expect(ids(await readClassEvents(db, 'C1'))).toEqual(['e1', 'e2', 'e3']);
    expect(ids(await readClassEventsBetween(db, 'C1', '2025-03-03', '2025-03-09'))).toEqual([
      'e1',
      'e3',
    ]);
    expect(ids(await readClassEventsBetween(db, 'C1', '2025-03-10', '2025-03-10'))).toEqual(['e2']);
    // A period that ends before it starts holds nothing (and does not throw).
    expect(await readClassEventsBetween(db, 'C1', '2025-03-10', '2025-03-01')).toEqual([]);
    expect(ids(await readPupilEvents(db, 'C1', 'p1'))).toEqual(['e1', 'e2']);
    expect(ids(await readAllEvents(db))).toEqual(['e1', 'e2', 'e3', 'm1']);
    const counts = await countEventsPerLesson(db, 'C1');
    expect([...counts].sort()).toEqual([
      ['L1', 2],
      ['L2', 1],
    ]);
    expect(await countEvents(db, 'C1')).toBe(3);
    expect(await countEvents(db, 'C2')).toBe(1);
    expect(await countEvents(db, null)).toBe(4);
    // The count in the record (and its index) follows every change.
    await modifyLessonEvents(db, 'L1', (e) => (e.id === 'e1' ? null : e), T3);
    await removePupilEvents(db, 'C2', 'q1', T3);
    expect([...(await countEventsPerLesson(db, 'C1'))].sort()).toEqual([
      ['L1', 1],
      ['L2', 1],
    ]);
    expect(await countEvents(db, null)).toBe(2);
  });

  it('changes and removes events of one lesson, and writes nothing when nothing changes', async () => {
    await putEvents(db, [ev('e1', 'L1', 'p1'), ev('e2', 'L1', 'p2'), ev('e3', 'L1', 'p1')]);
    const { removed, replaced } = await modifyLessonEvents(
      db,
      'L1',
      (e) => (e.id === 'e2' ? null : e.id === 'e3' ? { ...e, kind: 'help', updatedAt: T3 } : e),
      T3,
    );
    expect(removed.map((e) => e.id)).toEqual(['e2']);
    expect(replaced).toEqual([ev('e3', 'L1', 'p1', { kind: 'help', updatedAt: T3 })]);
    expect((await readEventsOfLesson(db, 'L1')).map((e) => [e.id, e.kind])).toEqual([
      ['e1', 'turn'],
      ['e3', 'help'],
    ]);
    const before = await db.lessonEvents.get('L1');
    const none = await modifyLessonEvents(db, 'L1', (e) => e, '2030-01-01T00:00:00.000Z');
    expect(none).toEqual({ removed: [], replaced: [] });
    expect(await db.lessonEvents.get('L1')).toEqual(before);
    expect(await modifyLessonEvents(db, 'nope', () => null, T3)).toEqual({
      removed: [],
      replaced: [],
    });
  });

  it("removes one pupil's events from every lesson of the class, and only theirs", async () => {
    await putEvents(db, [
      ev('e1', 'L1', 'p1'),
      ev('e2', 'L2', 'p1'),
      ev('e3', 'L1', 'p2'),
      ev('m1', 'M1', 'p1'),
    ]);
    await removePupilEvents(db, 'C1', 'p1', T3);
    expect((await readAllEvents(db)).map((e) => e.id).sort()).toEqual(['e3', 'm1']);
    expect((await db.lessonEvents.get('L2'))?.events).toEqual([]);
  });

  it('a record made at once equals the record built up event by event', async () => {
    const events = [ev('e1', 'L1', 'p1', { updatedAt: T2 }), ev('e2', 'L1', 'p2')];
    await putEvents(db, events);
    expect(await db.lessonEvents.get('L1')).toEqual(lessonRecordOf(events));
  });
});

describe('merging a backup into lessons that already hold events', () => {
  function file(events: InteractionEvent[]) {
    const data = emptyData();
    data.classes = [];
    data.events = events;
    return JSON.stringify(backupOf(data));
  }

  // Backup files hold UUIDs only.
  const u = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const [C1, P1, P2, L1] = [u(1), u(11), u(12), u(21)];
  const uev = (n: number, pupilId: string, patch: Partial<InteractionEvent> = {}) =>
    ev(u(n), L1, pupilId, { classId: C1, ...patch });

  it('merges by id within each lesson: later wins, new ones are appended, the rest stays', async () => {
    // The lesson L1 (and its class and pupils) exist only as references here: seed them.
    await db.classes.add({
      id: C1,
      name: 'Groep 6',
      schoolType: 'primary',
      yearLabel: 'groep 6',
      seating: { rows: 1, cols: 2 },
      hiddenKinds: [],
      archivedAt: null,
      deletedAt: null,
      isDemo: false,
      expectationScale: { kind: 'relative5' },
      createdAt: T1,
      updatedAt: T1,
    });
    for (const id of [P1, P2]) {
      await db.pupils.add({
        id,
        classId: C1,
        name: id,
        seat: null,
        lensValues: {},
        removedAt: null,
        createdAt: T1,
        updatedAt: T1,
      });
    }
    await db.lessons.add({
      id: L1,
      classId: C1,
      date: '2025-03-03',
      startTime: '08:30',
      endTime: null,
      topic: '',
      endedAt: T1,
      deletedAt: null,
      createdAt: T1,
      updatedAt: T1,
    });
    await putEvents(db, [uev(31, P1), uev(32, P2, { updatedAt: T3 })]);
    const result = await importBackup(
      file([
        uev(31, P1, { kind: 'praise', updatedAt: T2 }), // later: wins
        uev(32, P2, { kind: 'help', updatedAt: T2 }), // older: stays as it is
        uev(39, P2), // new
      ]),
      'merge',
    );
    expect(result.tables.events).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect((await readEventsOfLesson(db, L1)).map((e) => [e.id, e.kind])).toEqual([
      [u(31), 'praise'],
      [u(32), 'turn'],
      [u(39), 'turn'],
    ]);
    expect((await db.lessonEvents.get(L1))?.updatedAt).toBe(T3);
  });
});
