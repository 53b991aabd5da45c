/**
 * The document's format version and key check: a device with another key stops before it reads
 * or writes anything; an older app meeting a newer format keeps the updates without applying
 * them until it is updated (docs/sync.md).
 */
import type * as Y from 'yjs';
import { openText, sealText, SyncKeyError } from './crypto';
import { LOCAL_ORIGIN } from './doc';

/**
 * Raise when the document's layout changes in a way an older app cannot apply. 2: a lesson's
 * events in a root map of their own (doc.ts, LESSON_ROOTS_FORMAT); format 1 is still read.
 */
export const SYNC_FORMAT = 2;
const CHECK_TEXT = 'spiegel-sync';

export type DocState = 'empty' | 'ok' | 'wrongKey' | 'newerFormat';

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

/** Per sealed key check (the document's own value): the key it was opened with, and the result. */
const checked = new WeakMap<object, { key: Uint8Array; state: DocState }>();

/**
 * Whether this device may read and write the document with its key. `format`: the newest format
 * this app understands (a parameter so a test can play an older app).
 */
export function docState(doc: Y.Doc, key: Uint8Array, format = SYNC_FORMAT): DocState {
  const meta = metaMap(doc);
  const docFormat = meta.get('format');
  const check = meta.get('keyCheck');
  if (docFormat === undefined && check === undefined) return 'empty';
  if (typeof docFormat === 'number' && docFormat > format) return 'newerFormat';
  if (check === undefined) return 'ok';
  // Every step checks: open each sealed check once per key (AES-GCM is the costly part).
  const known = checked.get(check as object);
  if (known && known.key === key) return known.state;
  let state: DocState;
  try {
    state = openText(key, check, 'meta/keyCheck') === CHECK_TEXT ? 'ok' : 'wrongKey';
  } catch (e) {
    if (!(e instanceof SyncKeyError)) throw e;
    state = 'wrongKey';
  }
  if (typeof check === 'object' && check !== null) checked.set(check, { key, state });
  return state;
}

/** The known text sealed with the key: a device whose key cannot open it has another key. */
export function sealKeyCheck(key: Uint8Array): Uint8Array {
  return sealText(key, CHECK_TEXT, 'meta/keyCheck');
}

/** Writes the format and the key check when the document has none yet. */
export function initMeta(doc: Y.Doc, key: Uint8Array, format = SYNC_FORMAT): void {
  const meta = metaMap(doc);
  doc.transact(() => {
    if (meta.get('format') === undefined) meta.set('format', format);
    if (meta.get('keyCheck') === undefined) meta.set('keyCheck', sealKeyCheck(key));
  }, LOCAL_ORIGIN);
}
