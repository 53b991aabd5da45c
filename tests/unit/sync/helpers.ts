/** Test helpers for the pure sync layer (not a test file itself). */
import * as Y from 'yjs';
import { writeEvent, writeRecord } from '../../../src/sync/doc';
import type { SyncRecords, SyncTable } from '../../../src/sync/tables';

/** Writes any synced record into the document. */
export function write<T extends SyncTable>(
  doc: Y.Doc,
  key: Uint8Array,
  table: T,
  record: SyncRecords[T],
) {
  if (table === 'events') return writeEvent(doc, record as SyncRecords['events']);
  return writeRecord(doc, key, table, record);
}

/** Exchanges all updates both ways (as a server would after a reconnect). */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB, 'remote');
  Y.applyUpdate(a, toA, 'remote');
}

export function bytesContain(haystack: Uint8Array, text: string): boolean {
  const needle = new TextEncoder().encode(text);
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
