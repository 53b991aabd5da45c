import { useEffect, useState } from 'preact/hooks';
import { appKeyring, type LockMode } from '../../db/lock/keyring';

/** The app lock's mode in this tab: off, locked or unlocked; re-renders when it changes. */
export function useLockMode(): LockMode {
  const [mode, setMode] = useState<LockMode>(appKeyring.mode);
  useEffect(() => {
    setMode(appKeyring.mode);
    return appKeyring.subscribe(setMode);
  }, []);
  return mode;
}
