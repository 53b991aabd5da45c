/**
 * Sync while the app runs: the stored document, the bridge and the connection to the school's
 * server (HocuspocusProvider), with a status for the screen. Loaded only on a paired device or
 * on the sync screen (it carries Yjs and the provider).
 */
import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { SyncKeyError } from '../../sync/crypto';
import { docState, initMeta } from '../../sync/meta';
import { documentName, type Pairing } from '../../sync/pairing';
import { getDb } from '../db';
import { clearSyncPairing, saveSyncPairing } from '../repo/syncPairing';
import type { SpiegelDB } from '../schema';
import { SyncBridge } from './bridge';
import { setOutboxEnabled } from './outbox';

export type SyncPhase =
  'off' | 'connecting' | 'online' | 'offline' | 'refused' | 'wrongKey' | 'newerFormat' | 'failed';

export interface SyncStatus {
  phase: SyncPhase;
  lastSyncedAt: string | null;
  /** Local changes the server has not confirmed yet. */
  waiting: number;
}

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

interface Running {
  provider: HocuspocusProvider;
  bridge: SyncBridge;
}
let running: Running | null = null;

/** A phase that stops syncing until the teacher acts (pairs again, updates the app). */
const blocking = (p: SyncPhase) => p === 'refused' || p === 'wrongKey' || p === 'newerFormat';

/**
 * Starts syncing with the pairing. `shareLocal`: this device was just paired, so what it
 * already holds is shared too (once the key is known to fit).
 */
export async function startSync(
  pairing: Pairing,
  { shareLocal = false, db = getDb() }: { shareLocal?: boolean; db?: SpiegelDB } = {},
): Promise<void> {
  stopSync();
  setOutboxEnabled(db, true);
  const doc = new Y.Doc();
  const bridge = new SyncBridge(db, doc, pairing.key, {
    onStep: (e) => {
      if (e instanceof SyncKeyError) stopWith('wrongKey');
      else if (e) setStatus({ phase: 'failed' });
    },
  });
  await bridge.load();
  setStatus({ phase: 'connecting', waiting: 0 });

  // A document already here and readable: work offline from the start.
  if (docState(doc, pairing.key) === 'ok') bridge.start();

  let checked = false;
  const provider = new HocuspocusProvider({
    url: pairing.url,
    name: documentName(pairing.teacherId),
    token: pairing.token,
    document: doc,
    onAuthenticationFailed: () => stopWith('refused'),
    onStatus: ({ status: s }) => {
      if (blocking(status.phase)) return;
      setStatus({
        phase:
          s === WebSocketStatus.Connected
            ? 'online'
            : s === WebSocketStatus.Connecting
              ? 'connecting'
              : 'offline',
      });
    },
    onUnsyncedChanges: ({ number }) => {
      setStatus({ waiting: number });
      if (number === 0 && provider.isSynced) setStatus({ lastSyncedAt: new Date().toISOString() });
    },
    onSynced: () => {
      const state = docState(doc, pairing.key);
      if (state === 'wrongKey' || state === 'newerFormat') return stopWith(state);
      if (state === 'empty') initMeta(doc, pairing.key);
      setStatus({ phase: 'online', lastSyncedAt: new Date().toISOString() });
      if (checked) return;
      checked = true;
      bridge.start();
      if (shareLocal) void bridge.shareEverything().then(() => bridge.flush());
    },
  });
  running = { provider, bridge };
}

function stopWith(phase: SyncPhase): void {
  stopSync();
  setStatus({ phase });
}

/** Stops syncing on this device (what is stored stays). */
export function stopSync(): void {
  if (!running) return;
  running.bridge.destroy();
  running.provider.destroy();
  running = null;
  setStatus({ phase: 'off' });
}

/** Pairs this device and starts syncing. */
export async function pairDevice(pairing: Pairing): Promise<void> {
  await saveSyncPairing(pairing);
  await startSync(pairing, { shareLocal: true });
}

/** Unpairs this device: syncing stops, the local copy of the shared document goes. */
export async function unpairDevice(db: SpiegelDB = getDb()): Promise<void> {
  stopSync();
  setOutboxEnabled(db, false);
  await clearSyncPairing();
  setStatus({ phase: 'off', lastSyncedAt: null, waiting: 0 });
}

/** Runs pending local changes into the document now (tests, leaving the screen). */
export async function flushSync(): Promise<void> {
  await running?.bridge.flush();
}
