/**
 * Key rotation (docs/sync.md): every sealed text of the document is sealed again with a new key,
 * the key check follows, and the old key joins the list of earlier keys (sealed with the new
 * one). A device that still has only the old key then finds that its key no longer opens the key
 * check: it says 'wrong key' and stops before it writes, and it can read nothing sealed after the
 * rotation. Pure: the document and the keys are parameters.
 */
import * as Y from 'yjs';
import { sealText, SyncKeyError } from './crypto';
import { decodeField, encodeField, fieldMap, LOCAL_ORIGIN, openSealed } from './doc';
import { deviceNamePlace, devicesMap } from './devices';
import { previousKeys, PREVIOUS_KEYS_FIELD, sealPreviousKeys } from './keys';
import { docState, metaMap, sealKeyCheck } from './meta';
import { ENCRYPTED, SYNC_TABLES } from './tables';

/**
 * A Yjs client id below 2^16 for the copy that re-seals. Yjs settles two concurrent sets of one
 * map key on the one with the higher client id; device ids are random 32-bit numbers, so a
 * re-seal practically always loses to a real edit made concurrently by a device that did not
 * know of the rotation yet: the edit (sealed with the old key, still readable) is kept.
 */
export function resealClientId(): number {
  return 1 + (crypto.getRandomValues(new Uint16Array(1))[0]! % 0xffff);
}

/** The changes that rotate `doc` from `oldKey` to `newKey`, as one Yjs update (not yet applied). */
export function rotationUpdate(
  doc: Y.Doc,
  oldKey: Uint8Array,
  newKey: Uint8Array,
  clientID = resealClientId(),
): Uint8Array {
  // Worked out on a copy, so nothing reaches the server before this device has stored the new key.
  const copy = new Y.Doc();
  copy.clientID = clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  rotateKey(copy, oldKey, newKey);
  return Y.encodeStateAsUpdate(copy, Y.encodeStateVector(doc));
}

/** Seals every text of `doc` again with `newKey`; throws SyncKeyError when `oldKey` does not fit. */
export function rotateKey(doc: Y.Doc, oldKey: Uint8Array, newKey: Uint8Array): void {
  if (docState(doc, oldKey) !== 'ok') throw new SyncKeyError('meta/keyCheck');
  const earlier = [oldKey, ...previousKeys(doc, oldKey)];
  doc.transact(() => {
    for (const table of SYNC_TABLES) {
      if (table === 'events') continue;
      const fields = ENCRYPTED[table] as readonly string[];
      if (!fields.length) continue;
      for (const [id, entry] of fieldMap(doc, table).entries()) {
        for (const field of fields) {
          const stored = entry.get(field);
          if (stored === undefined) continue;
          const value = decodeField(doc, oldKey, table, id, field, stored);
          entry.set(field, encodeField(newKey, table, id, field, value));
        }
      }
    }
    for (const [id, entry] of devicesMap(doc).entries()) {
      const stored = entry.get('name');
      if (stored === undefined) continue;
      const name = openSealed(doc, oldKey, stored, deviceNamePlace(id));
      entry.set('name', sealText(newKey, name, deviceNamePlace(id)));
    }
    const meta = metaMap(doc);
    meta.set('keyCheck', sealKeyCheck(newKey));
    meta.set(PREVIOUS_KEYS_FIELD, sealPreviousKeys(newKey, earlier));
  }, LOCAL_ORIGIN);
}
