/**
 * A database written by schema v1 (the foundation release) is opened by the current SpiegelDB:
 * every record must survive deep-equal, classes get the default expectation scale, the newer
 * tables exist and are empty, and the indexes still answer queries. Likewise for a v2 database.
 * The old databases are built from the frozen history (schemaHistory.ts), never from the
 * `STORES_Vn` constants the app itself uses: editing a released version cannot pass here.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { readAllEvents, readPupilEvents } from '../../src/db/eventStore';
import {
  DATA_STORES,
  DATA_TABLES,
  LATEST_STORES,
  LOCAL_TABLES,
  REFLECTION_TABLES,
  SCHEMA_VERSION,
  SpiegelDB,
} from '../../src/db/schema';
import { declareReleasedVersions } from './schemaHistory';

const byId = <T extends { id: string }>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => a.id.localeCompare(b.id));

const dbs: Dexie[] = [];
afterEach(async () => {
  const closing = dbs.splice(0);
  closing.forEach((db) => db.close());
  for (const name of new Set(closing.map((db) => db.name))) await Dexie.delete(name);
});

const T = '2025-03-03T08:00:00.000Z';
const stamp = { createdAt: T, updatedAt: T };

/** Realistic v1 records (no expectationScale on classes: v1 had none). */
function v1Records() {
  const classes = [
    {
      id: 'c-1',
      name: 'Groep 6b',
      schoolType: 'primary',
      yearLabel: 'groep 6',
      seating: { rows: 4, cols: 6 },
      hiddenKinds: ['personal'],
      archivedAt: null,
      deletedAt: null,
      isDemo: false,
      ...stamp,
    },
    {
      id: 'c-2',
      name: '2 havo/vwo',
      schoolType: 'secondary',
      yearLabel: '2 hv',
      seating: { rows: 5, cols: 6 },
      hiddenKinds: [],
      archivedAt: '2025-02-01T10:00:00.000Z',
      deletedAt: null,
      isDemo: false,
      ...stamp,
    },
  ];
  const lenses = [
    {
      id: 'l-1',
      classId: 'c-1',
      name: 'Thuistaal',
      values: [
        { id: 'lv-nl', label: 'Nederlands' },
        { id: 'lv-other', label: '(ook) andere taal' },
      ],
      order: 0,
      deletedAt: null,
      ...stamp,
    },
    {
      id: 'l-2',
      classId: 'c-1',
      name: 'Oud lens',
      values: [{ id: 'lv-x', label: 'x' }],
      order: 1,
      deletedAt: '2025-03-01T09:00:00.000Z',
      ...stamp,
    },
  ];
  const pupils = [
    {
      id: 'p-1',
      classId: 'c-1',
      name: 'Noor',
      seat: { row: 0, col: 0 },
      lensValues: { 'l-1': 'lv-nl' },
      removedAt: null,
      ...stamp,
    },
    {
      id: 'p-2',
      classId: 'c-1',
      name: 'Yassin',
      seat: { row: 0, col: 1 },
      lensValues: { 'l-1': 'lv-other' },
      removedAt: null,
      ...stamp,
    },
    {
      id: 'p-3',
      classId: 'c-1',
      name: 'Zofia',
      seat: null,
      lensValues: {},
      removedAt: '2025-03-02T12:00:00.000Z',
      ...stamp,
    },
    {
      id: 'p-4',
      classId: 'c-2',
      name: 'Sjoerd',
      seat: { row: 2, col: 3 },
      lensValues: {},
      removedAt: null,
      ...stamp,
    },
  ];
  const lessons = [
    {
      id: 'le-1',
      classId: 'c-1',
      date: '2025-03-03',
      startTime: '08:45',
      endTime: '09:45',
      topic: 'Rekenen: breuken',
      endedAt: '2025-03-03T08:45:00.000Z',
      deletedAt: null,
      ...stamp,
    },
    {
      id: 'le-2',
      classId: 'c-1',
      date: '2025-03-04',
      startTime: '10:30',
      endTime: null,
      topic: '',
      endedAt: null,
      deletedAt: null,
      ...stamp,
    },
    {
      id: 'le-3',
      classId: 'c-2',
      date: '2025-03-03',
      startTime: '11:00',
      endTime: '11:50',
      topic: 'Engels',
      endedAt: '2025-03-03T10:50:00.000Z',
      deletedAt: null,
      ...stamp,
    },
  ];
  const absences = [{ id: 'a-1', classId: 'c-1', lessonId: 'le-1', pupilId: 'p-3', ...stamp }];
  const events = [
    {
      id: 'e-1',
      classId: 'c-1',
      lessonId: 'le-1',
      pupilId: 'p-1',
      kind: 'turn',
      date: '2025-03-03',
      at: '2025-03-03T07:50:00.000Z',
      loggedAfter: false,
      initiative: 'volunteered',
      questionLevel: 'higher',
      waitTime: true,
      ...stamp,
    },
    {
      id: 'e-2',
      classId: 'c-1',
      lessonId: 'le-1',
      pupilId: 'p-2',
      kind: 'praise',
      date: '2025-03-03',
      at: '2025-03-03T07:55:00.000Z',
      loggedAfter: false,
      praiseType: 'specific',
      ...stamp,
    },
    {
      id: 'e-3',
      classId: 'c-1',
      lessonId: 'le-2',
      pupilId: 'p-2',
      kind: 'correctionBehaviour',
      date: '2025-03-04',
      at: null,
      loggedAfter: true,
      ...stamp,
    },
    {
      id: 'e-4',
      classId: 'c-2',
      lessonId: 'le-3',
      pupilId: 'p-4',
      kind: 'followUp',
      date: '2025-03-03',
      at: '2025-03-03T10:10:00.000Z',
      loggedAfter: false,
      questionLevel: 'recall',
      ...stamp,
    },
  ];
  const banking = [
    {
      id: 'b-1',
      classId: 'c-1',
      pupilId: 'p-2',
      date: '2025-03-04',
      minutes: 10,
      note: 'Samen geschaakt',
      deletedAt: null,
      ...stamp,
    },
  ];
  const settings = [{ key: 'lastExportAt', value: T, updatedAt: T }];
  return { classes, lenses, pupils, lessons, absences, events, banking, settings };
}

async function writeV1(name: string) {
  const old = declareReleasedVersions(new Dexie(name), 1);
  const records = v1Records();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(records)) await old.table(table).bulkAdd(rows);
  });
  old.close();
  return records;
}

describe('schema v1 → latest', () => {
  it('keeps every v1 record intact and backfills the expectation scale', async () => {
    const name = 't-' + crypto.randomUUID();
    const before = await writeV1(name);
    const db = new SpiegelDB(name);
    dbs.push(db);
    await db.open();

    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.classes.orderBy('id').toArray()).toEqual(
      before.classes.map((c) => ({ ...c, expectationScale: { kind: 'relative5' } })),
    );
    expect(await db.pupils.orderBy('id').toArray()).toEqual(before.pupils);
    expect(await db.lenses.orderBy('id').toArray()).toEqual(before.lenses);
    expect(await db.lessons.orderBy('id').toArray()).toEqual(before.lessons);
    expect(await db.absences.orderBy('id').toArray()).toEqual(before.absences);
    // Events now live inside their lesson's record; read back they are the same events.
    expect(byId(await readAllEvents(db))).toEqual(byId(before.events));
    expect(await db.banking.orderBy('id').toArray()).toEqual(before.banking);
    expect(await db.settings.toArray()).toEqual(before.settings);
  });

  it('creates the tables added since v1 empty, with every declared index', async () => {
    const name = 't-' + crypto.randomUUID();
    await writeV1(name);
    const db = new SpiegelDB(name);
    dbs.push(db);
    await db.open();

    for (const table of [
      'expectations',
      'achievements',
      'relationships',
      ...REFLECTION_TABLES,
      'coachWorkspaces',
    ] as const) {
      expect(await db[table].count()).toBe(0);
    }
    // The installed schema is exactly what the latest version declares (no table or index lost).
    const installed = Object.fromEntries(
      db.tables.map((t) => [
        t.name,
        [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', '),
      ]),
    );
    expect(installed).toEqual(LATEST_STORES);
    // Checked in IndexedDB itself too, not only in Dexie's view of it.
    const idb = db.backendDB();
    expect([...idb.objectStoreNames].sort()).toEqual(Object.keys(LATEST_STORES).sort());
    const tx = idb.transaction('lessonEvents', 'readonly');
    expect([...tx.objectStore('lessonEvents').indexNames].sort()).toEqual(
      ['classId', '[classId+date]', '[classId+id+count]'].sort(),
    );
    expect(idb.objectStoreNames.contains('events')).toBe(false);
    // Every table is either the teacher's data (in a backup) or local to this device, never both.
    const listed = [...DATA_STORES, ...LOCAL_TABLES];
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.sort()).toEqual(Object.keys(LATEST_STORES).sort());
    expect(DATA_TABLES).toEqual(expect.arrayContaining([...REFLECTION_TABLES]));
  });

  it('answers the indexed queries the screens make on migrated data', async () => {
    const name = 't-' + crypto.randomUUID();
    await writeV1(name);
    const db = new SpiegelDB(name);
    dbs.push(db);
    await db.open();

    const onMonday = await db.lessonEvents
      .where('[classId+date]')
      .equals(['c-1', '2025-03-03'])
      .toArray();
    expect(onMonday.flatMap((r) => r.events.map((e) => e.id)).sort()).toEqual(['e-1', 'e-2']);
    const yassin = await readPupilEvents(db, 'c-1', 'p-2');
    expect(yassin.map((e) => e.id).sort()).toEqual(['e-2', 'e-3']);
    expect(await db.lessons.where('[classId+date]').equals(['c-2', '2025-03-03']).count()).toBe(1);
    expect(await db.pupils.where('classId').equals('c-1').count()).toBe(3);
    expect(await db.absences.where('[lessonId+pupilId]').equals(['le-1', 'p-3']).count()).toBe(1);
    expect(await db.banking.where('[pupilId+date]').equals(['p-2', '2025-03-04']).count()).toBe(1);

    // And the new tables take writes on their compound indexes.
    await db.expectations.add({
      id: 'x-1',
      classId: 'c-1',
      pupilId: 'p-1',
      date: '2025-03-05',
      value: 3,
      confidence: 'fairly',
      ...stamp,
    });
    expect(
      await db.expectations.where('[pupilId+date]').equals(['p-1', '2025-03-05']).count(),
    ).toBe(1);
  });

  it('leaves an already-set expectation scale alone when the upgrade runs', async () => {
    const name = 't-' + crypto.randomUUID();
    const old = declareReleasedVersions(new Dexie(name), 1);
    const levels = { kind: 'levels', levels: ['vmbo-gt', 'havo', 'vwo'] };
    await old.table('classes').add({ ...v1Records().classes[0], expectationScale: levels });
    old.close();

    const db = new SpiegelDB(name);
    dbs.push(db);
    expect((await db.classes.get('c-1'))?.expectationScale).toEqual(levels);
  });
});

describe('schema v2 → v3', () => {
  it('keeps every v2 record intact and adds the reflection tables empty', async () => {
    const name = 't-' + crypto.randomUUID();
    // Written by the v2 release: v1 data upgraded, plus records in the v2 tables.
    const v2 = declareReleasedVersions(new Dexie(name), 2);
    await v2.open();
    const records = v1Records();
    const scale = { kind: 'levels', levels: ['vmbo-gt', 'havo', 'vwo'] };
    const v2Rows = {
      classes: records.classes.map((c) => ({ ...c, expectationScale: scale })),
      pupils: records.pupils,
      events: records.events,
      expectations: [
        {
          id: 'x-1',
          classId: 'c-1',
          pupilId: records.pupils[0]!.id,
          date: '2025-03-01',
          value: 2,
          confidence: 'fairly',
          ...stamp,
        },
      ],
      achievements: [
        {
          id: 'a-1',
          classId: 'c-1',
          pupilId: records.pupils[0]!.id,
          label: 'rekentoets',
          date: '2025-03-02',
          scoreType: 'grade',
          score: 7.5,
          ...stamp,
        },
      ],
      relationships: [
        {
          id: 'r-1',
          classId: 'c-1',
          pupilId: records.pupils[0]!.id,
          date: '2025-03-02',
          closeness: 4,
          conflict: 2,
          dependency: 1,
          note: 'rustig',
          ...stamp,
        },
      ],
    };
    for (const [table, rows] of Object.entries(v2Rows)) await v2.table(table).bulkAdd(rows);
    v2.close();

    const db = new SpiegelDB(name);
    dbs.push(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    // v4 records on every rating the scale it was made on: its class's scale at the upgrade.
    const upgraded = { ...v2Rows, expectations: v2Rows.expectations.map((r) => ({ ...r, scale })) };
    for (const [table, rows] of Object.entries(upgraded)) {
      const stored = table === 'events' ? await readAllEvents(db) : await db.table(table).toArray();
      expect(byId(stored as { id: string }[])).toEqual(byId(rows as { id: string }[]));
    }
    for (const table of [...REFLECTION_TABLES, 'coachWorkspaces'] as const) {
      expect(await db[table].count()).toBe(0);
    }
  });
});

describe('schema v3 → v5: events stored per lesson', () => {
  it('groups every v3 event into its lesson record and drops the old table', async () => {
    const name = 't-' + crypto.randomUUID();
    const v3 = declareReleasedVersions(new Dexie(name), 3);
    await v3.open();
    const records = v1Records();
    // A later edit on e-2 (a qualifier): its lesson record carries the latest stamp.
    const edited = '2025-03-05T09:00:00.000Z';
    const events = records.events.map((e) => (e.id === 'e-2' ? { ...e, updatedAt: edited } : e));
    await v3.table('events').bulkAdd(events);
    // A v3 rating carries no scale: the upgrade records its class's.
    const levels = { kind: 'levels', levels: ['vmbo-gt', 'havo', 'vwo'] };
    await v3.table('classes').bulkAdd(
      records.classes.map((c, i) => ({
        ...c,
        expectationScale: i === 0 ? levels : { kind: 'relative5' },
      })),
    );
    const rating = {
      id: 'x-1',
      classId: 'c-1',
      pupilId: 'p-1',
      date: '2025-03-01',
      value: 2,
      confidence: null,
      ...stamp,
    };
    await v3.table('expectations').add(rating);
    v3.close();

    const db = new SpiegelDB(name);
    dbs.push(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(byId(await readAllEvents(db))).toEqual(byId(events));

    const lessons = await db.lessonEvents.orderBy('id').toArray();
    // le-1 holds e-1 and e-2 (in the order stored), le-2 holds e-3, le-3 holds e-4.
    expect(lessons.map((r) => [r.id, r.classId, r.date, r.events.map((e) => e.id)])).toEqual([
      ['le-1', 'c-1', '2025-03-03', ['e-1', 'e-2']],
      ['le-2', 'c-1', '2025-03-04', ['e-3']],
      ['le-3', 'c-2', '2025-03-03', ['e-4']],
    ]);
    expect(lessons[0]).toMatchObject({ createdAt: T, updatedAt: edited, count: 2 });
    // Inside the record an event does not repeat its lesson, class or date.
    expect(Object.keys(lessons[0]!.events[0]!)).not.toContain('lessonId');
    expect(Object.keys(lessons[0]!.events[0]!)).not.toContain('date');
    expect(db.backendDB().objectStoreNames.contains('events')).toBe(false);
    expect(await db.expectations.get('x-1')).toEqual({ ...rating, scale: levels });
  });

  it('opens a v3 database without events', async () => {
    const name = 't-' + crypto.randomUUID();
    const v3 = declareReleasedVersions(new Dexie(name), 3);
    await v3.open();
    await v3.table('classes').bulkAdd(v1Records().classes);
    v3.close();

    const db = new SpiegelDB(name);
    dbs.push(db);
    await db.open();
    expect(await db.lessonEvents.count()).toBe(0);
    expect(await db.classes.count()).toBe(2);
  });
});

describe('schema v5 → v6: sync tables', () => {
  it('keeps every v5 record and adds the empty sync outbox and update tables', async () => {
    const name = 't-' + crypto.randomUUID();
    const v5 = declareReleasedVersions(new Dexie(name), 5);
    await v5.open();
    const records = v1Records();
    const lessonEvents = {
      id: 'l-1',
      classId: 'c-1',
      date: '2025-03-01',
      count: 0,
      events: [],
      ...stamp,
    };
    await v5.table('classes').bulkAdd(records.classes);
    await v5.table('pupils').bulkAdd(records.pupils);
    await v5.table('lessonEvents').add(lessonEvents);
    await v5.table('settings').add({ key: 'language', value: 'nl', updatedAt: stamp.updatedAt });
    v5.close();

    const db = new SpiegelDB(name);
    dbs.push(db);
    expect(byId(await db.classes.toArray())).toEqual(byId(records.classes));
    expect(byId(await db.pupils.toArray())).toEqual(byId(records.pupils));
    expect(await db.lessonEvents.toArray()).toEqual([lessonEvents]);
    expect(await db.settings.get('language')).toMatchObject({ value: 'nl' });
    expect(await db.syncOutbox.count()).toBe(0);
    expect(await db.syncUpdates.count()).toBe(0);
  });
});

describe('schema v6 → v7: attributions', () => {
  it('keeps every v6 record, intentions included, and adds the empty attributions table', async () => {
    const name = 't-' + crypto.randomUUID();
    const v6 = declareReleasedVersions(new Dexie(name), 6);
    await v6.open();
    const records = v1Records();
    const intention = {
      id: 'i-1',
      classId: 'c-1',
      target: { type: 'class' },
      measure: { kind: 'turn', perLesson: 1 },
      from: '2025-03-01',
      to: '2025-03-14',
      note: '',
      closingReflection: '',
      closedAt: null,
      deletedAt: null,
      ...stamp,
    };
    await v6.table('classes').bulkAdd(records.classes);
    await v6.table('pupils').bulkAdd(records.pupils);
    await v6.table('intentions').add(intention);
    v6.close();

    const db = new SpiegelDB(name);
    dbs.push(db);
    expect(byId(await db.classes.toArray())).toEqual(byId(records.classes));
    expect(byId(await db.pupils.toArray())).toEqual(byId(records.pupils));
    expect(await db.intentions.toArray()).toEqual([intention]);
    expect(await db.attributions.count()).toBe(0);
    await db.attributions.add({
      id: 'a-1',
      classId: 'c-1',
      pupilId: records.pupils[0]!.id,
      date: '2025-03-05',
      cause: 'circumstances',
      source: 'difficulty',
      sourceKey: null,
      ...stamp,
    });
    expect(await db.attributions.where('pupilId').equals(records.pupils[0]!.id).count()).toBe(1);
  });
});
