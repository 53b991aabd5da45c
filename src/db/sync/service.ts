/**
 * Sync while the app runs: one running session (the stored document, the bridge and the
 * connection to the school's server) with a status and the list of paired devices for the
 * screen. The session runs in the sync worker (sync.worker.ts), so neither the document nor its
 * steps weigh on the page's taps; without workers, in the page. Loaded only on a paired device
 * or on the sync screen.
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
import { publishRemoteLesson } from './lessonSignal';
import { setOutboxEnabled } from './outbox';
import { RotationRefused, type RunnerEvents, type RunnerStart, type SessionRunner } from './runner';
import type { SyncPhase, SyncStatus } from './session';
import { WorkerRunner } from './workerRunner';

export type { SyncPhase, SyncStatus };
export { RotationRefused };

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

let running: SessionRunner | null = null;

/**
 * The session for the app's own database runs in the sync worker; another database (tests) or
 * a browser without workers runs it here.
 */
async function runner(start: RunnerStart, events: RunnerEvents, db: SpiegelDB) {
  if (typeof Worker !== 'undefined' && db === getDb()) return new WorkerRunner(start, events);
  const { SessionHost } = await import('./host');
  return new SessionHost(start, events, db);
}

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
  const session: SessionRunner = await runner(
    { pairing: local, shareLocal },
    {
      onStatus: (change) => {
        if (running === session) setStatus(change);
      },
      onDevices: (devices) => {
        if (running === session) setDevices(devices, self);
      },
      onUnpaired: () => {
        void unpairDevice(db).then(() => setStatus({ phase: 'unpaired' }));
      },
      onLessonChange: publishRemoteLesson,
    },
    db,
  );
  stopSync();
  running = session;
  // The status is the one record of the running session's phase (the session reports it too,
  // from the worker a moment later).
  setStatus({ phase: 'connecting', waiting: 0 });
  await session.open();
}

/** Stops syncing on this device (what is stored stays). */
export function stopSync(): void {
  if (!running) return;
  const session = running;
  running = null;
  const { phase } = status;
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

/**
 * Gives the shared document a new key (docs/sync.md): only online and with nothing waiting
 * (RotationRefused otherwise). The other devices then show 'wrong key' until they are paired
 * again with the new code.
 */
export async function rotateSyncKey(): Promise<void> {
  if (!running) throw new RotationRefused();
  await running.rotateKey(newSyncKey());
}

/** Runs pending local changes into the document now (tests, leaving the screen). */
export async function flushSync(): Promise<void> {
  await running?.flush();
}
