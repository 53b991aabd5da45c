import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newSyncKey } from '../../../src/sync/crypto';
import {
  changedRefs,
  eraseEvent,
  legacyEventsMap,
  readLessonEvents,
  readTable,
  writeEvent,
} from '../../../src/sync/doc';
import { docState, initMeta, metaMap, SYNC_FORMAT } from '../../../src/sync/meta';
import { LESSON_ID, RECORDS } from './fixtures';
import { exchange } from './helpers';

const tap = (id: string, second: number) => {
  const at = `2026-03-02T08:40:${String(second).padStart(2, '0')}.000Z`;
  return { ...RECORDS.events, id, at, createdAt: at, updatedAt: at };
};

describe("a lesson's events in the shared document", () => {
  it("keeps both devices' first taps in a lesson neither had logged in before", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeEvent(a, tap('a1', 1));
    writeEvent(a, tap('a2', 2));
    writeEvent(b, tap('b1', 3));
    exchange(a, b);
    const ids = ['a1', 'a2', 'b1'];
    expect(readLessonEvents(a, LESSON_ID).map((e) => e.id)).toEqual(ids);
    expect(readLessonEvents(b, LESSON_ID).map((e) => e.id)).toEqual(ids);
  });

  it('names the lesson when a remote change touches its events', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const refs: unknown[] = [];
    b.on('afterTransaction', (tr: Y.Transaction) => refs.push(...changedRefs(b, tr)));
    writeEvent(a, tap('a1', 1));
    exchange(a, b);
    expect(refs).toContainEqual({ table: 'events', id: LESSON_ID });
  });

  it('still reads, changes and erases events of the format 1 layout, and raises the format', () => {
    const key = newSyncKey();
    const doc = new Y.Doc();
    initMeta(doc, key, 1);
    doc.transact(() => {
      const lesson = new Y.Map<typeof RECORDS.events>();
      legacyEventsMap(doc).set(LESSON_ID, lesson);
      lesson.set('old1', tap('old1', 1));
      lesson.set('old2', tap('old2', 2));
    });
    expect(readTable(doc, key, 'events').map((e) => e.id)).toEqual(['old1', 'old2']);
    writeEvent(doc, { ...tap('old1', 1), kind: 'praise' });
    eraseEvent(doc, LESSON_ID, 'old2');
    expect(readLessonEvents(doc, LESSON_ID).map((e) => [e.id, e.kind])).toEqual([
      ['old1', 'praise'],
    ]);
    // An app that knows only format 1 would miss the new layout: it holds instead.
    expect(metaMap(doc).get('format')).toBe(SYNC_FORMAT);
    expect(docState(doc, key, 1)).toBe('newerFormat');
    expect(docState(doc, key)).toBe('ok');
  });
});
