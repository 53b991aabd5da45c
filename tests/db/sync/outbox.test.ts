import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DBCore, DBCoreTable } from 'dexie';
import { setDbForTests } from '../../../src/db/db';
import { readEventsOfLesson } from '../../../src/db/eventStore';
import { deleteEvent, logEvent, updateEventQualifiers } from '../../../src/db/repo/events';
import { SyncBridge } from '../../../src/db/sync/bridge';
import type { SpiegelDB } from '../../../src/db/schema';
import { LESSON_ID, PUPIL_ID, RECORDS } from '../../unit/sync/fixtures';
import { dump, link, NOW, on, pairOfDevices, seed, settle } from './wire';

afterEach(() => setDbForTests(null));

/** Counts the reads of `lessonEvents` rows that reach IndexedDB (below the outbox). */
function countLessonReads(db: SpiegelDB): { reads: number } {
  const count = { reads: 0 };
  db.use({
    stack: 'dbcore',
    name: 'countLessonReads',
    level: 5,
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'lessonEvents') return table;
        const counted: DBCoreTable = {
          ...table,
          get: (req) => (count.reads++, table.get(req)),
          getMany: (req) => (count.reads++, table.getMany(req)),
        };
        return counted;
      },
    }),
  });
  return count;
}

const outboxKeys = async (db: SpiegelDB) => (await db.syncOutbox.toArray()).map((e) => e.key);

describe('the outbox on the tap path', () => {
  it("records a tap as exactly its event's key, without reading the lesson's row again", async () => {
    const { a, b } = pairOfDevices();
    const count = countLessonReads(a.db);
    await seed(a.db);
    await settle(a, b);
    count.reads = 0;
    const event = await on(a.db, () =>
      logEvent({ lessonId: LESSON_ID, pupilId: PUPIL_ID, kind: 'turn' }, NOW),
    );
    expect(await outboxKeys(a.db)).toEqual([`events:${LESSON_ID}:${event.id}`]);
    // The one read is the tap's own (to append to the row); the outbox read nothing.
    expect(count.reads).toBe(1);
    await settle(a, b);
    expect((await readEventsOfLesson(b.db, LESSON_ID)).map((e) => e.id)).toContain(event.id);
  });

  it('still records an edit, an undo and a write nobody told about', async () => {
    const { a, b } = pairOfDevices();
    await seed(a.db);
    await settle(a, b);
    const id = RECORDS.events.id;
    await on(a.db, () => updateEventQualifiers(LESSON_ID, id, { initiative: 'called' }, NOW));
    expect(await outboxKeys(a.db)).toEqual([`events:${LESSON_ID}:${id}`]);
    await settle(a, b);
    expect((await readEventsOfLesson(b.db, LESSON_ID))[0]?.initiative).toBe('called');

    // A row put whole (an import, another code path): diffed against what was stored.
    const row = (await a.db.lessonEvents.get(LESSON_ID))!;
    const copy = { ...row.events[0]!, id: 'put-whole' };
    await a.db.lessonEvents.put({ ...row, events: [...row.events, copy], count: 2 });
    expect(await outboxKeys(a.db)).toEqual([`events:${LESSON_ID}:put-whole`]);
    await settle(a, b);
    const ids = (await readEventsOfLesson(b.db, LESSON_ID)).map((e) => e.id);
    expect(ids.sort()).toEqual(['put-whole', id].sort());

    await on(a.db, () => deleteEvent(LESSON_ID, id, NOW));
    expect(await outboxKeys(a.db)).toEqual([`events:${LESSON_ID}:${id}`]);
    await settle(a, b);
    expect((await readEventsOfLesson(b.db, LESSON_ID)).map((e) => e.id)).toEqual(['put-whole']);
    expect(await dump(b.db)).toEqual(await dump(a.db));
  });

  it('keeps a tap recorded this way across a reload before any step', async () => {
    const { a, b, key } = pairOfDevices();
    await seed(a.db);
    await settle(a, b);
    a.bridge.start();
    const event = await on(a.db, () =>
      logEvent({ lessonId: LESSON_ID, pupilId: PUPIL_ID, kind: 'turn' }, NOW),
    );
    a.bridge.destroy();
    const doc = new Y.Doc();
    const again = new SyncBridge(a.db, doc, key);
    await again.load();
    link(doc, b.doc);
    await again.flush();
    await b.bridge.flush();
    expect(await a.db.syncOutbox.count()).toBe(0);
    expect((await readEventsOfLesson(b.db, LESSON_ID)).map((e) => e.id)).toContain(event.id);
    again.destroy();
  });
});
