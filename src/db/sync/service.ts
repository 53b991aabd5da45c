/**
 * Sync while the app runs: one SyncSession (the stored document, the bridge and the connection
 * to the school's server) with a status and the list of paired devices for the screen. Loaded
 * only on a paired device or on the sync screen (it carries Yjs and the provider).
 */
import { newSyncKey } from '../../sync/crypto';
import type { PairedDevice } from '../../sync/devices';
import type { Pairing } from '../../sync/pairing';
import { getDb } from '../db';
import { newId } from '../ids';
import {
  clearSyncPairing,
  getSyncPairing,
  isRejoin,
  saveSyncPairing,
  type LocalPairing,
} from '../repo/syncPairing';
import type { SpiegelDB } from '../schema';
import { setOutboxEnabled } from './outbox';
import { SyncSession, type SyncPhase, type SyncStatus } from './session';

export type { SyncPhase, SyncStatus };

let status: SyncStatus = { phase: 'off', lastSyncedAt: null, waiting: 0 };
const listeners = new Set<(s: SyncStatus) => void>();

function setStatus(change: Partial<SyncStatus>): void {
  status = { ...status, ...change };
  for (const fn of listeners) fn(status);
}

export function getSyncStatus(): SyncStatus {
  return status;
}

export function subscribeSyncStatus(fn: (s: SyncStatus) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export interface DeviceList {
  devices: PairedDevice[];
  /** This device's id in the list. */
  self: string;
}

let deviceList: DeviceList = { devices: [], self: '' };
const deviceListeners = new Set<(d: DeviceList) => void>();

function setDevices(devices: PairedDevice[], self: string): void {
  deviceList = { devices, self };
  for (const fn of deviceListeners) fn(deviceList);
}

export function getSyncDevices(): DeviceList {
  return deviceList;
}

export function subscribeSyncDevices(fn: (d: DeviceList) => void): () => void {
  deviceListeners.add(fn);
  return () => deviceListeners.delete(fn);
}

let running: SyncSession | null = null;

/** Starts syncing with the pairing (`shareLocal`: just paired, so share what is here too). */
export async function startSync(
  pairing: LocalPairing,
  { shareLocal = false, db = getDb() }: { shareLocal?: boolean; db?: SpiegelDB } = {},
): Promise<void> {
  stopSync();
  setOutboxEnabled(db, true);
  let local = pairing;
  if (!local.deviceId) {
    // Paired before devices were listed: this device gets its id now.
    local = { ...local, deviceId: newId() };
    await saveSyncPairing(local);
  }
  const self = local.deviceId;
  const session: SyncSession = new SyncSession(local, {
    db,
    shareLocal,
    device: { id: self, name: local.deviceName },
    onStatus: (change) => {
      if (running === session) setStatus(change);
    },
    onDevices: (devices) => {
      if (running === session) setDevices(devices, self);
    },
    onUnpaired: () => {
      void unpairDevice(db).then(() => setStatus({ phase: 'unpaired' }));
    },
  });
  running = session;
  await session.open();
}

/** Stops syncing on this device (what is stored stays). */
export function stopSync(): void {
  if (!running) return;
  const session = running;
  running = null;
  const phase = session.phase;
  session.destroy();
  // A phase the teacher must act on stays on the screen; otherwise syncing is simply off.
  setStatus({ phase: phase === 'wrongKey' || phase === 'refused' ? phase : 'off' });
}

/**
 * Pairs this device and starts syncing. With the same server and teacher as before (another
 * device rotated the key) it rejoins: the local copy of the document and what waits stay.
 */
export async function pairDevice(
  pairing: Pairing,
  deviceName = '',
  db: SpiegelDB = getDb(),
): Promise<void> {
  const current = await getSyncPairing();
  const rejoin = isRejoin(current, pairing);
  stopSync();
  if (current && !rejoin) await clearSyncPairing();
  const local: LocalPairing = {
    ...pairing,
    deviceId: rejoin && current?.deviceId ? current.deviceId : newId(),
    deviceName: deviceName || current?.deviceName || '',
  };
  await saveSyncPairing(local);
  await startSync(local, { shareLocal: !rejoin, db });
}

/** Unpairs this device: syncing stops, the local copy of the shared document goes. */
export async function unpairDevice(db: SpiegelDB = getDb()): Promise<void> {
  stopSync();
  setOutboxEnabled(db, false);
  await clearSyncPairing();
  setStatus({ phase: 'off', lastSyncedAt: null, waiting: 0 });
  setDevices([], '');
}

/** Asks another device to unpair itself (it does when it next syncs; docs/sync.md). */
export function unpairOtherDevice(deviceId: string): void {
  running?.unpairOther(deviceId);
}

/** Why the key cannot be rotated now. */
export class RotationRefused extends Error {
  readonly code = 'rotateOffline';
  constructor() {
    super('The key can only be rotated while online and up to date');
    this.name = 'RotationRefused';
  }
}

/**
 * Gives the shared document a new key (docs/sync.md): only online and with nothing waiting, so
 * two devices do not rotate at once unseen. The other devices then show 'wrong key' until they
 * are paired again with the new code.
 */
export async function rotateSyncKey(): Promise<void> {
  const session = running;
  const current = await getSyncPairing();
  if (!session || !current || session.phase !== 'online' || !session.provider?.isSynced)
    throw new RotationRefused();
  const key = newSyncKey();
  await session.rotateKey(key, () => saveSyncPairing({ ...current, key }));
}

/** Runs pending local changes into the document now (tests, leaving the screen). */
export async function flushSync(): Promise<void> {
  await running?.bridge.flush();
}
