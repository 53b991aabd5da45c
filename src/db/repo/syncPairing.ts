/**
 * The pairing of this device (server address, teacher id, token, sync key), kept in the local
 * settings table. One place on purpose: the app lock may later encrypt it here.
 */
import type { Pairing } from '../../sync/pairing';
import { fromBase64Url, KEY_BYTES, toBase64Url } from '../../sync/encoding';
import { getDb } from '../db';

const KEY = 'sync.pairing';

/** The pairing as this device keeps it: with its own id and name in the list of devices. */
export interface LocalPairing extends Pairing {
  /** '' for a pairing stored before devices were listed (the service gives it one). */
  deviceId: string;
  deviceName: string;
}

interface StoredPairing {
  url: string;
  teacherId: string;
  token: string;
  key: string;
  deviceId?: string;
  deviceName?: string;
}

export async function getSyncPairing(): Promise<LocalPairing | null> {
  const row = await getDb().settings.get(KEY);
  const v = row?.value as Partial<StoredPairing> | undefined;
  if (!v || typeof v.url !== 'string' || typeof v.teacherId !== 'string') return null;
  if (typeof v.token !== 'string' || typeof v.key !== 'string') return null;
  const key = fromBase64Url(v.key);
  if (key.length !== KEY_BYTES) return null;
  return {
    url: v.url,
    teacherId: v.teacherId,
    token: v.token,
    key,
    deviceId: typeof v.deviceId === 'string' ? v.deviceId : '',
    deviceName: typeof v.deviceName === 'string' ? v.deviceName : '',
  };
}

export async function saveSyncPairing(
  p: Pairing & Partial<Pick<LocalPairing, 'deviceId' | 'deviceName'>>,
  now: Date = new Date(),
): Promise<void> {
  const value: StoredPairing = {
    url: p.url,
    teacherId: p.teacherId,
    token: p.token,
    key: toBase64Url(p.key),
    deviceId: p.deviceId ?? '',
    deviceName: p.deviceName ?? '',
  };
  await getDb().settings.put({ key: KEY, value, updatedAt: now.toISOString() });
}

/**
 * Pairs again after another device rotated the key: the same server and teacher, a new key. The
 * local copy of the document and the changes waiting stay (the new key opens what the old one
 * sealed, through the document's list of earlier keys).
 */
export function isRejoin(current: Pick<Pairing, 'url' | 'teacherId'> | null, next: Pairing) {
  return !!current && current.url === next.url && current.teacherId === next.teacherId;
}

/** Forgets the pairing and the shared document's local copy; the teacher's data stays. */
export async function clearSyncPairing(): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.settings, db.syncOutbox, db.syncUpdates, async () => {
    await db.settings.delete(KEY);
    await db.syncOutbox.clear();
    await db.syncUpdates.clear();
  });
}
