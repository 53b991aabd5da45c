import { useEffect, useState } from 'preact/hooks';
import { getSyncStatus, subscribeSyncStatus, type SyncStatus } from '../../db/sync/service';

/** The sync status, re-rendering on every change. */
export function useSyncStatus(): SyncStatus {
  const [status, setStatus] = useState(getSyncStatus);
  useEffect(() => subscribeSyncStatus(setStatus), []);
  return status;
}
