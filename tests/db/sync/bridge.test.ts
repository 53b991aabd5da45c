import { afterEach, describe, expect, it } from 'vitest';
import { setDbForTests } from '../../../src/db/db';
import { putEvents, readEventsOfLesson } from '../../../src/db/eventStore';
import { erasePupil } from '../../../src/db/repo/erasure';
import { renamePupil } from '../../../src/db/repo/pupils';
import { rateExpectation } from '../../../src/db/repo/expectations';
import { setOutboxEnabled } from '../../../src/db/sync/outbox';
import type { BridgeOptions } from '../../../src/db/sync/bridge';
import { CLASS_ID, LESSON_ID, PUPIL_ID, RECORDS } from '../../unit/sync/fixtures';
import { device, dump, link, NOW, on, pairOfDevices, seed, settle, tap } from './wire';
import { newSyncKey } from '../../../src/sync/crypto';
import { initMeta } from '../../../src/sync/meta';
import { deleteEvent } from '../../../src/db/repo/events';
import {
  remoteLessonVersion,
  subscribeRemoteLesson,
  type RemoteLessonChange,
} from '../../../src/db/sync/lessonSignal';

afterEach(() => setDbForTests(null));

describe('two databases bridged through the shared document', () => {
  it('brings every record of every table to the other device', async () => {
    const { a, b } = pairOfDevices();
    await seed(a.db);
    await settle(a, b);
    const dumpA = await dump(a.db);
    expect(dumpA.pupils).toEqual([RECORDS.pupils]);
    expect(await dump(b.db)).toEqual(dumpA);
    expect(await b.db.syncOutbox.count()).toBe(0);
  });

  it('shares what was there before pairing', async () => {
    const key = newSyncKey();
    const first = device(key);
    setOutboxEnabled(first.db, false);
    await seed(first.db);
    expect(await first.db.syncOutbox.count()).toBe(0);
    setOutboxEnabled(first.db, true);
    await first.bridge.shareEverything();
    await first.bridge.flush();
    const second = device(key);
    const { applyUpdate, encodeStateAsUpdate } = await import('yjs');
    applyUpdate(second.doc, encodeStateAsUpdate(first.doc), 'wire');
    await second.bridge.flush();
    expect(await dump(second.db)).toEqual(await dump(first.db));
  });

  it('merges offline edits on both: identical databases, erasure wins, taps and ratings kept', async () => {
    const pair = pairOfDevices();
    const { a, b } = pair;
    await seed(a.db);
    await settle(a, b);
    pair.offline();
    // Phone: renames the pupil, rates them, taps twice.
    await on(a.db, () => renamePupil(PUPIL_ID, 'Mina de Vries', NOW));
    await on(a.db, () =>
      rateExpectation({ classId: CLASS_ID, pupilId: PUPIL_ID, value: 1 }, '2026-03-04', NOW),
    );
    await putEvents(a.db, [tap('tap-a1', 41), tap('tap-a2', 42)]);
    // Laptop: rates the same pupil, taps once, then erases the pupil.
    await on(b.db, () =>
      rateExpectation({ classId: CLASS_ID, pupilId: PUPIL_ID, value: 0 }, '2026-03-04', NOW),
    );
    await putEvents(b.db, [tap('tap-b1', 43)]);
    await on(b.db, () => erasePupil(PUPIL_ID, [], NOW));
    await settle(a, b);
    pair.online();
    await settle(a, b);
    const dumpA = await dump(a.db);
    expect(await dump(b.db)).toEqual(dumpA);
    expect(dumpA.pupils).toEqual([]);
    // The phone's taps and rating were about the erased pupil too: the erasure reaches them.
    expect(await readEventsOfLesson(a.db, LESSON_ID)).toEqual([]);
  });

  it('keeps taps on other pupils and both ratings of one day from two offline devices', async () => {
    const pair = pairOfDevices();
    const { a, b } = pair;
    await seed(a.db);
    await settle(a, b);
    pair.offline();
    await putEvents(a.db, [tap('tap-a1', 41)]);
    await putEvents(b.db, [tap('tap-b1', 42)]);
    await on(a.db, () =>
      rateExpectation({ classId: CLASS_ID, pupilId: PUPIL_ID, value: 1 }, '2026-03-04', NOW),
    );
    await on(b.db, () =>
      rateExpectation({ classId: CLASS_ID, pupilId: PUPIL_ID, value: 0 }, '2026-03-04', NOW),
    );
    await settle(a, b);
    pair.online();
    await settle(a, b);
    const dumpA = await dump(a.db);
    expect(await dump(b.db)).toEqual(dumpA);
    expect((await readEventsOfLesson(b.db, LESSON_ID)).map((e) => e.id)).toEqual([
      RECORDS.events.id,
      'tap-a1',
      'tap-b1',
    ]);
    expect(dumpA.expectations).toHaveLength(3);
  });

  it('writes the remote version back without echoing it into the outbox', async () => {
    const { a, b } = pairOfDevices();
    await seed(a.db);
    await settle(a, b);
    await on(a.db, () => renamePupil(PUPIL_ID, 'Mina', NOW));
    await a.bridge.flush();
    await b.bridge.flush();
    expect((await b.db.pupils.get(PUPIL_ID))?.name).toBe('Mina');
    expect(await b.db.syncOutbox.count()).toBe(0);
    expect(await a.db.syncOutbox.count()).toBe(0);
  });

  it("tells the other device's open lesson what changed, and not the device that tapped", async () => {
    const { a, b } = pairOfDevices();
    await seed(a.db);
    await settle(a, b);
    const heardA: RemoteLessonChange[] = [];
    const heardB: RemoteLessonChange[] = [];
    const offA = subscribeRemoteLesson(LESSON_ID, (c) => heardA.push(c));
    const version = remoteLessonVersion(LESSON_ID);
    const tapA = tap('tap-a1', 41);
    await putEvents(a.db, [tapA]);
    await a.bridge.flush();
    // Device a's own tap changes nothing in its database: a hears nothing.
    expect(heardA).toEqual([]);
    offA();
    const offB = subscribeRemoteLesson(LESSON_ID, (c) => heardB.push(c));
    await b.bridge.flush();
    expect(heardB).toEqual([{ lessonId: LESSON_ID, added: [tapA], removed: [], absences: [] }]);
    expect(remoteLessonVersion(LESSON_ID)).toBe(version + 1);
    // An undo on a reaches b as a removal.
    await on(a.db, () => deleteEvent(LESSON_ID, tapA.id));
    await settle(a, b);
    expect(heardB[1]).toEqual({ lessonId: LESSON_ID, added: [], removed: [tapA], absences: [] });
    expect(heardB).toHaveLength(2);
    offB();
  });

  it('keeps the document across a restart (stored updates)', async () => {
    const { a, b, key } = pairOfDevices();
    await seed(a.db);
    await settle(a, b);
    const { SyncBridge } = await import('../../../src/db/sync/bridge');
    const Y = await import('yjs');
    const rows = await b.db.syncUpdates.count();
    expect(rows).toBeGreaterThan(1);
    const again = new SyncBridge(b.db, new Y.Doc(), key);
    await again.load();
    expect(Y.encodeStateVector(again.doc)).toEqual(Y.encodeStateVector(b.doc));
    // Few rows: read as they are, not rewritten.
    expect(await b.db.syncUpdates.count()).toBe(rows);
  });

  it('shares a tap stored right before the page closed, at the next start', async () => {
    const { a, b, key } = pairOfDevices();
    await seed(a.db);
    await settle(a, b);
    a.bridge.start();
    // Let the step that start() schedules find nothing and end first: on a loaded machine it
    // once ran after the tap below and took it (the test then saw an empty outbox).
    do {
      while (a.bridge.scheduled) await new Promise((r) => setTimeout(r, 5));
      await a.bridge.flush(); // waits for a step in progress
    } while (a.bridge.scheduled);
    const late = tap('tap-late', 50);
    await putEvents(a.db, [late]);
    // The page closes before any step ran: the tap and its outbox entry are stored together.
    a.bridge.destroy();
    expect(await a.db.syncOutbox.count()).toBe(1);
    const { SyncBridge } = await import('../../../src/db/sync/bridge');
    const Y = await import('yjs');
    const doc = new Y.Doc();
    const again = new SyncBridge(a.db, doc, key);
    await again.load();
    link(doc, b.doc);
    again.start();
    await again.flush();
    await b.bridge.flush();
    expect(await a.db.syncOutbox.count()).toBe(0);
    const events = await readEventsOfLesson(b.db, LESSON_ID);
    expect(events.map((e) => e.id)).toContain(late.id);
    expect(await dump(b.db)).toEqual(await dump(a.db));
    again.destroy();
  });

  /** A seeded device whose bridge has started and taken its first step; counts its steps. */
  async function startedDevice(options: Omit<BridgeOptions, 'onStep'> = {}) {
    const key = newSyncKey();
    let steps = 0;
    let stepped = () => undefined as void;
    const a = device(key, {
      ...options,
      onStep: () => {
        steps++;
        stepped();
      },
    });
    initMeta(a.doc, key);
    await seed(a.db);
    const nextStep = () => new Promise<void>((resolve) => (stepped = resolve));
    const first = nextStep();
    a.bridge.start();
    await first;
    return { a, nextStep, steps: () => steps };
  }

  it('runs one step after a tap, not a chain: its own commit wakes nothing', async () => {
    // The default wait (STEP_AFTER_MS): the step comes on its own, no flush() needed.
    const { a, nextStep, steps } = await startedDevice();
    expect(steps()).toBe(1);
    expect(a.bridge.scheduled).toBe(false);
    const stepDone = nextStep();
    await putEvents(a.db, [tap('tap-one', 41)]);
    await stepDone;
    expect(steps()).toBe(2);
    // Nothing waits: the step emptied the outbox and its commit scheduled no other step.
    expect(a.bridge.scheduled).toBe(false);
    expect(await a.db.syncOutbox.count()).toBe(0);
    a.bridge.destroy();
  });

  it('makes one step of writes that come closer together than its wait', async () => {
    // A long wait, so the three writes below surely fall within it even on a loaded machine.
    const { a, nextStep, steps } = await startedDevice({ debounceMs: 2000, maxWaitMs: 10_000 });
    const stepDone = nextStep();
    for (let i = 0; i < 3; i++) {
      // Apart enough for each write's signal to arrive (a step without the wait would run here).
      if (i) await new Promise((r) => setTimeout(r, 100));
      await putEvents(a.db, [tap(`tap-close-${i}`, 50 + i)]);
    }
    expect(a.bridge.scheduled).toBe(true);
    await stepDone;
    expect(steps()).toBe(2);
    expect(await a.db.syncOutbox.count()).toBe(0);
    a.bridge.destroy();
  });

  it('shares a burst of taps in one step as one update: one row stored, one message sent', async () => {
    const { a, b } = pairOfDevices();
    await seed(a.db);
    await settle(a, b);
    const sent: Uint8Array[] = [];
    a.doc.on('update', (u: Uint8Array) => sent.push(u));
    const rowsBefore = await a.db.syncUpdates.count();
    for (let i = 0; i < 5; i++) await putEvents(a.db, [tap(`tap-burst-${i}`, 40 + i)]);
    expect(await a.db.syncOutbox.count()).toBe(5);
    await a.bridge.flush();
    expect(sent).toHaveLength(1);
    expect(await a.db.syncUpdates.count()).toBe(rowsBefore + 1);
    await settle(a, b);
    const ids = (await readEventsOfLesson(b.db, LESSON_ID)).map((e) => e.id);
    expect(ids.filter((id) => id.startsWith('tap-burst-'))).toHaveLength(5);
    expect(await dump(b.db)).toEqual(await dump(a.db));
  });

  it('compacts the stored updates into one row once there are many', async () => {
    const { a, b, key } = pairOfDevices();
    await seed(a.db);
    await settle(a, b);
    const { SyncBridge, COMPACT_AFTER } = await import('../../../src/db/sync/bridge');
    const Y = await import('yjs');
    for (let i = 0; (await b.db.syncUpdates.count()) <= COMPACT_AFTER; i++) {
      await putEvents(a.db, [tap(`tap-many-${i}`, i % 60)]);
      await settle(a, b);
    }
    const again = new SyncBridge(b.db, new Y.Doc(), key);
    await again.load();
    expect(Y.encodeStateVector(again.doc)).toEqual(Y.encodeStateVector(b.doc));
    expect(await b.db.syncUpdates.count()).toBe(1);
    // The compacted row holds everything: a third start reads the same document.
    const third = new SyncBridge(b.db, new Y.Doc(), key);
    await third.load();
    expect(Y.encodeStateVector(third.doc)).toEqual(Y.encodeStateVector(b.doc));
    expect(await dump(b.db)).toEqual(await dump(a.db));
  });
});
