/** At start-up: a paired device resumes syncing (the heavy part loads only then). */
import { getSyncPairing } from '../repo/syncPairing';

export async function resumeSync(): Promise<void> {
  const pairing = await getSyncPairing();
  if (!pairing) return;
  const { startSync } = await import('./service');
  await startSync(pairing);
}
