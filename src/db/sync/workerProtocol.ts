/** Messages between the page and the sync worker (plain, structured-cloneable data). */
import type { PairedDevice } from '../../sync/devices';
import type { LockState } from '../lock/realm';
import type { RemoteLessonChange } from './lessonSignal';
import type { RunnerStart } from './runner';
import type { SyncStatus } from './session';

export type SyncCall =
  | { method: 'flush' }
  | { method: 'unpairOther'; deviceId: string }
  | { method: 'rotateKey'; key: Uint8Array };

/** Page → worker. `start` comes once, first; `stop` last (the worker then closes). */
export type ToSyncWorker =
  | { type: 'start'; start: RunnerStart; lock: LockState }
  | { type: 'lock'; lock: LockState }
  | { type: 'call'; id: number; call: SyncCall }
  | { type: 'stop' };

export interface SyncError {
  name: string;
  message: string;
  code?: string;
}

/** Worker → page. `id` 0 answers the start (open). */
export type FromSyncWorker =
  | { type: 'status'; change: Partial<SyncStatus> }
  | { type: 'devices'; devices: PairedDevice[] }
  | { type: 'unpaired' }
  | { type: 'lesson'; change: RemoteLessonChange }
  | { type: 'reply'; id: number; error: SyncError | null };
