/**
 * At start-up: a paired device resumes syncing (the heavy part loads only then). With the app lock
 * on, sync waits for the key: the pairing (and the records the bridge reads) are sealed while
 * locked, so syncing stops on lock and starts again on unlock.
 */
import { appKeyring, type LockMode } from '../lock/keyring';
import { getSyncPairing } from '../repo/syncPairing';
import { reportStorageError } from '../status';

async function follow(mode: LockMode): Promise<void> {
  if (mode === 'locked') {
    const { stopSync } = await import('./service');
    stopSync();
    return;
  }
  const pairing = await getSyncPairing();
  if (!pairing) return;
  const { startSync } = await import('./service');
  await startSync(pairing);
}

export async function resumeSync(): Promise<void> {
  let mode = appKeyring.mode;
  appKeyring.subscribe((next) => {
    // Turning the lock on (off → unlocked) changes nothing for sync: the key is known.
    const changed = (next === 'locked') !== (mode === 'locked');
    mode = next;
    if (changed) follow(next).catch(reportStorageError);
  });
  if (mode !== 'locked') await follow(mode);
}
