/**
 * The keys a document was sealed with before its key was rotated, kept in `meta.previousKeys`
 * sealed with the current key: a device that has the new key can still read a value another
 * device sealed with an old key before it learned of the rotation (docs/sync.md, key rotation).
 * A device that has only an old key cannot read this list, nor anything sealed after the rotation.
 */
import type * as Y from 'yjs';
import { openText, sealText, SyncKeyError } from './crypto';
import { fromBase64Url, toBase64Url } from './encoding';

const FIELD = 'previousKeys';
const PLACE = 'meta/previousKeys';

/** Per sealed list: the key it was opened with and what it held (a step reads it often). */
const opened = new WeakMap<Uint8Array, { key: Uint8Array; keys: Uint8Array[] }>();

/** The document's earlier keys, newest first; none when it was never rotated. */
export function previousKeys(doc: Y.Doc, key: Uint8Array): Uint8Array[] {
  const sealed = doc.getMap('meta').get(FIELD);
  if (!(sealed instanceof Uint8Array)) return [];
  const hit = opened.get(sealed);
  if (hit && hit.key === key) return hit.keys;
  let keys: Uint8Array[] = [];
  try {
    keys = (JSON.parse(openText(key, sealed, PLACE)) as string[]).map(fromBase64Url);
  } catch (e) {
    // Sealed with another key: this device's key is not the current one (the key check says so).
    if (!(e instanceof SyncKeyError)) throw e;
  }
  opened.set(sealed, { key, keys });
  return keys;
}

/** The list of earlier keys, sealed with the current key, for `meta.previousKeys`. */
export function sealPreviousKeys(key: Uint8Array, keys: readonly Uint8Array[]): Uint8Array {
  return sealText(key, JSON.stringify(keys.map(toBase64Url)), PLACE);
}

export const PREVIOUS_KEYS_FIELD = FIELD;
