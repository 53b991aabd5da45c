import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newSyncKey } from '../../../src/sync/crypto';
import {
  eraseEvent,
  eraseRecord,
  readLessonEvents,
  readRecord,
  readTable,
  writeEvent,
  writeRecord,
} from '../../../src/sync/doc';
import { SYNC_TABLES } from '../../../src/sync/tables';
import { LESSON_ID, PUPIL_ID, RECORDS } from './fixtures';
import { exchange, write } from './helpers';

const key = newSyncKey();

/** Two devices that share everything, then go offline. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  for (const table of SYNC_TABLES) write(a, key, table, RECORDS[table]);
  exchange(a, b);
  return [a, b];
}

const everything = (doc: Y.Doc) => SYNC_TABLES.map((t) => readTable(doc, key, t));

describe('concurrent offline edits', () => {
  it('keep both edits of different fields', () => {
    const [a, b] = pair();
    writeRecord(a, key, 'pupils', { ...RECORDS.pupils, name: 'Mina P.' });
    writeRecord(b, key, 'pupils', { ...RECORDS.pupils, seat: { row: 3, col: 3 } }, ['seat']);
    exchange(a, b);
    const want = { ...RECORDS.pupils, name: 'Mina P.', seat: { row: 3, col: 3 } };
    expect(readRecord(a, key, 'pupils', PUPIL_ID)).toEqual(want);
    expect(readRecord(b, key, 'pupils', PUPIL_ID)).toEqual(want);
  });

  it('settle one field on the same value on both', () => {
    const [a, b] = pair();
    writeRecord(a, key, 'pupils', { ...RECORDS.pupils, name: 'Mina' });
    writeRecord(b, key, 'pupils', { ...RECORDS.pupils, name: 'Willemien' });
    exchange(a, b);
    const name = readRecord(a, key, 'pupils', PUPIL_ID)?.name;
    expect(['Mina', 'Willemien']).toContain(name);
    expect(readRecord(b, key, 'pupils', PUPIL_ID)?.name).toBe(name);
  });

  it('let an erasure win over a rename, on both', () => {
    const [a, b] = pair();
    writeRecord(a, key, 'pupils', { ...RECORDS.pupils, name: 'Mina' });
    eraseRecord(b, 'pupils', PUPIL_ID);
    exchange(a, b);
    expect(readRecord(a, key, 'pupils', PUPIL_ID)).toBeNull();
    expect(readRecord(b, key, 'pupils', PUPIL_ID)).toBeNull();
    // And the renaming device cannot bring it back afterwards.
    expect(writeRecord(a, key, 'pupils', { ...RECORDS.pupils, name: 'Mina' })).toBe('gone');
  });

  it('keep a soft removal next to a concurrent rename', () => {
    const [a, b] = pair();
    writeRecord(a, key, 'pupils', { ...RECORDS.pupils, name: 'Mina' }, ['name']);
    writeRecord(b, key, 'pupils', { ...RECORDS.pupils, removedAt: '2026-03-03T09:00:00.000Z' }, [
      'removedAt',
    ]);
    exchange(a, b);
    const want = { ...RECORDS.pupils, name: 'Mina', removedAt: '2026-03-03T09:00:00.000Z' };
    expect(readRecord(a, key, 'pupils', PUPIL_ID)).toEqual(want);
    expect(readRecord(b, key, 'pupils', PUPIL_ID)).toEqual(want);
  });

  it('append events from both and keep two ratings of one day', () => {
    const [a, b] = pair();
    const ev = (id: string, at: string) => ({ ...RECORDS.events, id, createdAt: at, at });
    writeEvent(a, ev('e-a', '2026-03-02T08:41:00.000Z'));
    writeEvent(b, ev('e-b', '2026-03-02T08:42:00.000Z'));
    writeRecord(a, key, 'expectations', { ...RECORDS.expectations, id: 'x-a', value: 4 });
    writeRecord(b, key, 'expectations', { ...RECORDS.expectations, id: 'x-b', value: 1 });
    exchange(a, b);
    for (const doc of [a, b]) {
      expect(readLessonEvents(doc, LESSON_ID).map((e) => e.id)).toEqual([
        RECORDS.events.id,
        'e-a',
        'e-b',
      ]);
      expect(readTable(doc, key, 'expectations')).toHaveLength(3);
    }
  });

  it('let an undone tap stay undone against a concurrent qualifier edit', () => {
    const [a, b] = pair();
    eraseEvent(a, LESSON_ID, RECORDS.events.id);
    writeEvent(b, { ...RECORDS.events, waitTime: false });
    exchange(a, b);
    expect(readLessonEvents(a, LESSON_ID)).toEqual([]);
    expect(readLessonEvents(b, LESSON_ID)).toEqual([]);
  });

  // Random edits on two offline devices, then a reconnect: identical, and erasures hold.
  const op = fc.oneof(
    fc.record({ k: fc.constant('rename' as const), name: fc.string({ maxLength: 8 }) }),
    fc.record({ k: fc.constant('seat' as const), row: fc.nat(5), col: fc.nat(5) }),
    fc.record({ k: fc.constant('erase' as const) }),
    fc.record({ k: fc.constant('tap' as const), n: fc.nat(20) }),
    fc.record({ k: fc.constant('undo' as const), n: fc.nat(20) }),
    fc.record({ k: fc.constant('topic' as const), topic: fc.string({ maxLength: 8 }) }),
  );
  type Op = typeof op extends fc.Arbitrary<infer O> ? O : never;
  function apply(doc: Y.Doc, o: Op, side: string) {
    if (o.k === 'rename') writeRecord(doc, key, 'pupils', { ...RECORDS.pupils, name: o.name });
    if (o.k === 'seat')
      writeRecord(doc, key, 'pupils', { ...RECORDS.pupils, seat: { row: o.row, col: o.col } }, [
        'seat',
      ]);
    if (o.k === 'erase') eraseRecord(doc, 'pupils', PUPIL_ID);
    if (o.k === 'tap')
      writeEvent(doc, { ...RECORDS.events, id: `${side}-${o.n}`, createdAt: `t${o.n}` });
    if (o.k === 'undo') eraseEvent(doc, LESSON_ID, `${side}-${o.n}`);
    if (o.k === 'topic') writeRecord(doc, key, 'lessons', { ...RECORDS.lessons, topic: o.topic });
  }

  it('converge for any edits on both sides', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), fc.array(op, { maxLength: 12 }), (xs, ys) => {
        const [a, b] = pair();
        xs.forEach((o) => apply(a, o, 'a'));
        ys.forEach((o) => apply(b, o, 'b'));
        exchange(a, b);
        expect(everything(a)).toEqual(everything(b));
        if ([...xs, ...ys].some((o) => o.k === 'erase')) {
          expect(readRecord(a, key, 'pupils', PUPIL_ID)).toBeNull();
        }
      }),
      { numRuns: 80 },
    );
  });
});
