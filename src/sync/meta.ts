/**
 * The document's format version and key check: a device with another key, or an older app
 * meeting a newer format, stops before it reads or writes anything (docs/sync.md).
 */
import type * as Y from 'yjs';
import { openText, sealText, SyncKeyError } from './crypto';
import { LOCAL_ORIGIN } from './doc';

/** Raise when the document's layout changes in a way an older app cannot apply. */
export const SYNC_FORMAT = 1;
const CHECK_TEXT = 'spiegel-sync';

export type DocState = 'empty' | 'ok' | 'wrongKey' | 'newerFormat';

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

/** Whether this device may read and write the document with its key. */
export function docState(doc: Y.Doc, key: Uint8Array): DocState {
  const meta = metaMap(doc);
  const format = meta.get('format');
  const check = meta.get('keyCheck');
  if (format === undefined && check === undefined) return 'empty';
  if (typeof format === 'number' && format > SYNC_FORMAT) return 'newerFormat';
  if (check === undefined) return 'ok';
  try {
    return openText(key, check, 'meta/keyCheck') === CHECK_TEXT ? 'ok' : 'wrongKey';
  } catch (e) {
    if (e instanceof SyncKeyError) return 'wrongKey';
    throw e;
  }
}

/** Writes the format and the key check when the document has none yet. */
export function initMeta(doc: Y.Doc, key: Uint8Array): void {
  const meta = metaMap(doc);
  doc.transact(() => {
    if (meta.get('format') === undefined) meta.set('format', SYNC_FORMAT);
    if (meta.get('keyCheck') === undefined)
      meta.set('keyCheck', sealText(key, CHECK_TEXT, 'meta/keyCheck'));
  }, LOCAL_ORIGIN);
}
