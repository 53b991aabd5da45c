import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newSyncKey, SyncKeyError } from '../../../src/sync/crypto';
import { isMarkedUnpaired, markUnpaired, noteDevice, readDevices } from '../../../src/sync/devices';
import { readRecord, readTable, writeRecord } from '../../../src/sync/doc';
import { docState, initMeta } from '../../../src/sync/meta';
import { rotateKey, rotationUpdate } from '../../../src/sync/rotate';
import { SYNC_TABLES } from '../../../src/sync/tables';
import { PUPIL_ID, RECORDS, SECRETS } from './fixtures';
import { bytesContain, exchange, write } from './helpers';

function filled(key: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  initMeta(doc, key);
  for (const table of SYNC_TABLES) write(doc, key, table, RECORDS[table]);
  return doc;
}

describe('key rotation', () => {
  it('seals every text again: the new key reads everything, the old key fails the key check', () => {
    const k1 = newSyncKey();
    const k2 = newSyncKey();
    const doc = filled(k1);
    noteDevice(doc, k1, 'd1', 'Chrome · Android', '2026-03-02T08:00:00.000Z');
    rotateKey(doc, k1, k2);
    expect(docState(doc, k2)).toBe('ok');
    expect(docState(doc, k1)).toBe('wrongKey');
    for (const table of SYNC_TABLES) expect(readTable(doc, k2, table)).toEqual([RECORDS[table]]);
    expect(readDevices(doc, k2).map((d) => d.name)).toEqual(['Chrome · Android']);
    // Sealed with the new key: the old one opens no name any more.
    expect(() => readRecord(doc, k1, 'pupils', PUPIL_ID)).toThrow(SyncKeyError);
    const state = Y.encodeStateAsUpdate(doc);
    for (const secret of SECRETS) expect(bytesContain(state, secret), secret).toBe(false);
  });

  it('reads what a device with the old key wrote before it heard of the rotations', () => {
    const k1 = newSyncKey();
    const k2 = newSyncKey();
    const k3 = newSyncKey();
    const rotating = filled(k1);
    const late = new Y.Doc();
    exchange(rotating, late);
    // Rotated twice while the late device was offline and wrote new records with the old key
    // (new records: a concurrent edit of one field settles on either value, see docs/sync.md).
    rotateKey(rotating, k1, k2);
    rotateKey(rotating, k2, k3);
    writeRecord(late, k1, 'pupils', { ...RECORDS.pupils, id: 'p-late', name: 'Mina' });
    writeRecord(late, k1, 'journal', { ...RECORDS.journal, id: 'j-late', text: 'Later' });
    exchange(rotating, late);
    expect(readRecord(rotating, k3, 'pupils', 'p-late')?.name).toBe('Mina');
    expect(readRecord(rotating, k3, 'journal', 'j-late')?.text).toBe('Later');
    // The late device's key no longer opens the key check: it stops before it writes again.
    expect(docState(late, k1)).toBe('wrongKey');
  });

  it('loses a concurrent edit of the same field to no re-seal: the offline rename is kept', () => {
    const k1 = newSyncKey();
    const k2 = newSyncKey();
    const rotating = filled(k1);
    const late = new Y.Doc();
    late.clientID = 0xfffffff0;
    exchange(rotating, late);
    Y.applyUpdate(rotating, rotationUpdate(rotating, k1, k2, 7));
    writeRecord(late, k1, 'pupils', { ...RECORDS.pupils, name: 'Mina' }, ['name']);
    exchange(rotating, late);
    expect(readRecord(rotating, k2, 'pupils', PUPIL_ID)?.name).toBe('Mina');
    expect(readRecord(rotating, k2, 'classes', RECORDS.classes.id)?.name).toBe(
      RECORDS.classes.name,
    );
  });

  it('refuses to rotate with a key that does not open the document', () => {
    const doc = filled(newSyncKey());
    expect(() => rotateKey(doc, newSyncKey(), newSyncKey())).toThrow(SyncKeyError);
  });

  it('works the rotation out on a copy: the document changes only when the update is applied', () => {
    const k1 = newSyncKey();
    const k2 = newSyncKey();
    const doc = filled(k1);
    const update = rotationUpdate(doc, k1, k2);
    expect(docState(doc, k1)).toBe('ok');
    Y.applyUpdate(doc, update);
    expect(docState(doc, k2)).toBe('ok');
    expect(readTable(doc, k2, 'pupils')).toEqual([RECORDS.pupils]);
  });
});

describe('paired devices in the document', () => {
  const key = newSyncKey();

  it('notes a device once, keeps when it was paired, and follows when it was last seen', () => {
    const doc = new Y.Doc();
    noteDevice(doc, key, 'phone', 'Chrome · Android', '2026-03-02T08:00:00.000Z');
    noteDevice(doc, key, 'laptop', 'Firefox · Linux', '2026-03-02T09:00:00.000Z');
    noteDevice(doc, key, 'phone', 'Chrome · Android', '2026-03-03T08:00:00.000Z');
    expect(readDevices(doc, key)).toEqual([
      {
        id: 'phone',
        name: 'Chrome · Android',
        pairedAt: '2026-03-02T08:00:00.000Z',
        seenAt: '2026-03-03T08:00:00.000Z',
        unpairedAt: null,
      },
      {
        id: 'laptop',
        name: 'Firefox · Linux',
        pairedAt: '2026-03-02T09:00:00.000Z',
        seenAt: '2026-03-02T09:00:00.000Z',
        unpairedAt: null,
      },
    ]);
    // The name is sealed; another key reads no name.
    expect(bytesContain(Y.encodeStateAsUpdate(doc), 'Android')).toBe(false);
    expect(readDevices(doc, newSyncKey())[0]?.name).toBe('');
  });

  it('marks another device unpaired once; it reads that when it syncs', () => {
    const doc = new Y.Doc();
    noteDevice(doc, key, 'phone', 'Chrome · Android', '2026-03-02T08:00:00.000Z');
    expect(isMarkedUnpaired(doc, 'phone')).toBe(false);
    markUnpaired(doc, 'phone', '2026-03-04T08:00:00.000Z');
    markUnpaired(doc, 'phone', '2026-03-05T08:00:00.000Z');
    markUnpaired(doc, 'unknown', '2026-03-05T08:00:00.000Z');
    expect(isMarkedUnpaired(doc, 'phone')).toBe(true);
    expect(readDevices(doc, key).map((d) => [d.id, d.unpairedAt])).toEqual([
      ['phone', '2026-03-04T08:00:00.000Z'],
    ]);
  });
});
