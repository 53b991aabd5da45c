/**
 * A SyncSession behind the SessionRunner interface, where it runs: in the sync worker
 * (sync.worker.ts) or, without workers, in the page (service.ts). Carries Yjs and the provider.
 */
import { getDb } from '../db';
import { getSyncPairing, saveSyncPairing } from '../repo/syncPairing';
import type { SpiegelDB } from '../schema';
import { RotationRefused, type RunnerEvents, type RunnerStart, type SessionRunner } from './runner';
import { SyncSession } from './session';

export class SessionHost implements SessionRunner {
  private readonly session: SyncSession;

  constructor({ pairing, shareLocal }: RunnerStart, events: RunnerEvents, db: SpiegelDB = getDb()) {
    this.session = new SyncSession(pairing, {
      db,
      shareLocal,
      device: { id: pairing.deviceId, name: pairing.deviceName },
      ...events,
    });
  }

  open(): Promise<void> {
    return this.session.open();
  }

  destroy(): void {
    this.session.destroy();
  }

  unpairOther(deviceId: string): void {
    this.session.unpairOther(deviceId);
  }

  /**
   * Only online and with nothing waiting, so two devices do not rotate at once unseen
   * (docs/sync.md). The pairing is stored with the new key in the rotation's transaction.
   */
  async rotateKey(key: Uint8Array): Promise<void> {
    const { session } = this;
    const current = await getSyncPairing();
    if (!current || session.phase !== 'online' || !session.provider?.isSynced)
      throw new RotationRefused();
    await session.rotateKey(key, () => saveSyncPairing({ ...current, key }));
  }

  flush(): Promise<void> {
    return this.session.bridge.flush();
  }
}
