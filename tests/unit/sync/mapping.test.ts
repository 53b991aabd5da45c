import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newSyncKey, SyncKeyError } from '../../../src/sync/crypto';
import {
  changedRefs,
  eraseEvent,
  eraseRecord,
  readRecord,
  readTable,
  writeRecord,
} from '../../../src/sync/doc';
import { docState, initMeta } from '../../../src/sync/meta';
import { SYNC_TABLES } from '../../../src/sync/tables';
import { CLASS_ID, LESSON_ID, PUPIL_ID, RECORDS, SECRETS } from './fixtures';
import { bytesContain, exchange, write } from './helpers';

const key = newSyncKey();

describe('records ↔ shared document', () => {
  it.each(SYNC_TABLES)('%s: a record comes back deep-equal', (table) => {
    const doc = new Y.Doc();
    expect(write(doc, key, table, RECORDS[table])).toBe('changed');
    expect(readTable(doc, key, table)).toEqual([RECORDS[table]]);
    // Writing the same record again changes nothing (no new nonce, no new Yjs items).
    const before = Y.encodeStateAsUpdate(doc);
    expect(write(doc, key, table, RECORDS[table])).toBe('same');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('arrives whole in a second document', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    for (const table of SYNC_TABLES) write(a, key, table, RECORDS[table]);
    exchange(a, b);
    for (const table of SYNC_TABLES) expect(readTable(b, key, table)).toEqual([RECORDS[table]]);
  });

  it('drops a field the record no longer has, and writes only the fields named', () => {
    const doc = new Y.Doc();
    writeRecord(doc, key, 'pupils', RECORDS.pupils);
    const { nicknames: _n, ...noNick } = RECORDS.pupils;
    writeRecord(doc, key, 'pupils', noNick);
    expect(readRecord(doc, key, 'pupils', PUPIL_ID)).toEqual(noNick);
    writeRecord(doc, key, 'pupils', { ...noNick, name: 'X', seat: null }, ['seat']);
    expect(readRecord(doc, key, 'pupils', PUPIL_ID)).toEqual({ ...noNick, seat: null });
  });
});

describe('encryption', () => {
  it('leaves no name or text readable in the document bytes', () => {
    const doc = new Y.Doc();
    initMeta(doc, key);
    for (const table of SYNC_TABLES) write(doc, key, table, RECORDS[table]);
    const bytes = Y.encodeStateAsUpdate(doc);
    for (const secret of SECRETS) expect(bytesContain(bytes, secret), secret).toBe(false);
    // …while ids stay plain (the server may see structure).
    expect(bytesContain(bytes, PUPIL_ID)).toBe(true);
  });

  it('refuses another key with a typed error, and the key check says so first', () => {
    const doc = new Y.Doc();
    initMeta(doc, key);
    writeRecord(doc, key, 'classes', RECORDS.classes);
    const other = newSyncKey();
    expect(docState(doc, key)).toBe('ok');
    expect(docState(doc, other)).toBe('wrongKey');
    expect(() => readRecord(doc, other, 'classes', CLASS_ID)).toThrow(SyncKeyError);
  });

  it('tells an empty document and a newer format apart', () => {
    const doc = new Y.Doc();
    expect(docState(doc, key)).toBe('empty');
    initMeta(doc, key);
    doc.getMap('meta').set('format', 99);
    expect(docState(doc, key)).toBe('newerFormat');
  });
});

describe('changes from elsewhere', () => {
  it('names the records a remote update touched', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    for (const table of SYNC_TABLES) write(a, key, table, RECORDS[table]);
    exchange(a, b);
    const seen: string[] = [];
    b.on('afterTransaction', (tr: Y.Transaction) => {
      for (const r of changedRefs(b, tr)) seen.push(`${r.table}:${r.id}`);
    });
    writeRecord(a, key, 'pupils', { ...RECORDS.pupils, name: 'Anders' });
    eraseEvent(a, LESSON_ID, RECORDS.events.id);
    eraseRecord(a, 'lessons', LESSON_ID);
    exchange(a, b);
    expect(new Set(seen)).toEqual(
      new Set([`pupils:${PUPIL_ID}`, `events:${LESSON_ID}`, `lessons:${LESSON_ID}`]),
    );
  });
});
