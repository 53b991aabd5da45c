/**
 * The teacher's paired devices, listed in the shared document (`devices`: device id → a Y.Map of
 * `name` (sealed), `pairedAt`, `seenAt` and `unpairedAt`). A device notes itself each time it
 * syncs; another device may mark it unpaired, and it then unpairs itself when it next syncs.
 * That asks; it does not force: a lost device keeps the key it has, so the rules in docs/sync.md
 * add rotating the key and revoking the token. Pure: the clock is a parameter.
 */
import * as Y from 'yjs';
import type { IsoDateTime } from '../model/types';
import { sealText } from './crypto';
import { LOCAL_ORIGIN, openSealed } from './doc';

export interface PairedDevice {
  id: string;
  /** The name the device gave itself (e.g. 'Chrome op Android'); '' when it cannot be read. */
  name: string;
  pairedAt: IsoDateTime;
  seenAt: IsoDateTime;
  unpairedAt: IsoDateTime | null;
}

export function devicesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>('devices');
}

export const deviceNamePlace = (id: string) => `devices/${id}/name`;

/** This device syncs now: its entry is made or brought up to date (name and last seen). */
export function noteDevice(
  doc: Y.Doc,
  key: Uint8Array,
  id: string,
  name: string,
  now: IsoDateTime,
): void {
  doc.transact(() => {
    const devices = devicesMap(doc);
    let entry = devices.get(id);
    if (!entry) {
      entry = new Y.Map<unknown>();
      devices.set(id, entry);
      entry.set('pairedAt', now);
    }
    if (readName(doc, key, id, entry) !== name)
      entry.set('name', sealText(key, name, deviceNamePlace(id)));
    entry.set('seenAt', now);
  }, LOCAL_ORIGIN);
}

function readName(doc: Y.Doc, key: Uint8Array, id: string, entry: Y.Map<unknown>): string {
  try {
    return openSealed(doc, key, entry.get('name'), deviceNamePlace(id));
  } catch {
    return '';
  }
}

const stamp = (v: unknown): IsoDateTime => (typeof v === 'string' ? v : '');

/** Every device that ever synced, the most recently seen first. */
export function readDevices(doc: Y.Doc, key: Uint8Array): PairedDevice[] {
  const out: PairedDevice[] = [];
  for (const [id, entry] of devicesMap(doc).entries()) {
    const unpaired = entry.get('unpairedAt');
    out.push({
      id,
      name: readName(doc, key, id, entry),
      pairedAt: stamp(entry.get('pairedAt')),
      seenAt: stamp(entry.get('seenAt')),
      unpairedAt: typeof unpaired === 'string' ? unpaired : null,
    });
  }
  return out.sort((a, b) => b.seenAt.localeCompare(a.seenAt) || a.id.localeCompare(b.id));
}

/** Marks another device unpaired: it unpairs itself when it next syncs. */
export function markUnpaired(doc: Y.Doc, id: string, now: IsoDateTime): void {
  const entry = devicesMap(doc).get(id);
  if (!entry || entry.get('unpairedAt')) return;
  doc.transact(() => entry.set('unpairedAt', now), LOCAL_ORIGIN);
}

export function isMarkedUnpaired(doc: Y.Doc, id: string): boolean {
  return typeof devicesMap(doc).get(id)?.get('unpairedAt') === 'string';
}
