/**
 * What the sync service drives: one device's running sync, in the sync worker (the page's main
 * thread then holds neither the document nor its work) or, without workers, in the page itself.
 * No Yjs here: the page loads this on every paired start.
 */
import type { PairedDevice } from '../../sync/devices';
import type { LocalPairing } from '../repo/syncPairing';
import type { RemoteLessonChange } from './lessonSignal';
import type { SyncStatus } from './session';

export interface RunnerStart {
  /** The pairing with its device id set. */
  pairing: LocalPairing;
  /** Just paired: what this device holds is shared too. */
  shareLocal: boolean;
}

export interface RunnerEvents {
  onStatus: (change: Partial<SyncStatus>) => void;
  onDevices: (devices: PairedDevice[]) => void;
  /** Another device marked this one unpaired. */
  onUnpaired: () => void;
  /** What another device changed in a lesson, after it was stored here. */
  onLessonChange: (change: RemoteLessonChange) => void;
}

export interface SessionRunner {
  /** Reads the stored document and connects. */
  open(): Promise<void>;
  /** Stops syncing (what is stored stays). */
  destroy(): void;
  /** Marks another device unpaired. */
  unpairOther(deviceId: string): void;
  /** Seals everything with a new key and stores it with the pairing; RotationRefused if not now. */
  rotateKey(key: Uint8Array): Promise<void>;
  /** Runs the local changes waiting into the document now. */
  flush(): Promise<void>;
}

/** Why the key cannot be rotated now. */
export class RotationRefused extends Error {
  readonly code = 'rotateOffline';
  constructor() {
    super('The key can only be rotated while online and up to date');
    this.name = 'RotationRefused';
  }
}
