/**
 * The pairing of this device (server address, teacher id, token, sync key), kept in the local
 * settings table. One place on purpose: the app lock may later encrypt it here.
 */
import type { Pairing } from '../../sync/pairing';
import { fromBase64Url, KEY_BYTES, toBase64Url } from '../../sync/encoding';
import { getDb } from '../db';

const KEY = 'sync.pairing';

interface StoredPairing {
  url: string;
  teacherId: string;
  token: string;
  key: string;
}

export async function getSyncPairing(): Promise<Pairing | null> {
  const row = await getDb().settings.get(KEY);
  const v = row?.value as Partial<StoredPairing> | undefined;
  if (!v || typeof v.url !== 'string' || typeof v.teacherId !== 'string') return null;
  if (typeof v.token !== 'string' || typeof v.key !== 'string') return null;
  const key = fromBase64Url(v.key);
  if (key.length !== KEY_BYTES) return null;
  return { url: v.url, teacherId: v.teacherId, token: v.token, key };
}

export async function saveSyncPairing(p: Pairing, now: Date = new Date()): Promise<void> {
  const value: StoredPairing = {
    url: p.url,
    teacherId: p.teacherId,
    token: p.token,
    key: toBase64Url(p.key),
  };
  await getDb().settings.put({ key: KEY, value, updatedAt: now.toISOString() });
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
