/**
 * Whether this device's database is known to be at the newest schema version, remembered in
 * localStorage (synchronous, so the database can be declared before its first read) once it
 * opened at that version. Dexie parses every declared version's stores and rebuilds the tables'
 * API once per version: the whole history of seven versions cost 15-30 ms of a start-up at 4x
 * CPU, and a database already at the newest version needs only the newest declaration.
 * `delete all data` clears the hint with the app's other `spiegel.*` keys (erasure.ts).
 */
const key = (name: string): string => `spiegel.schema.${name}`;

/** True when the database `name` opened at `version` before (as far as this device remembers). */
export function knownAtVersion(name: string, version: number): boolean {
  try {
    return globalThis.localStorage?.getItem(key(name)) === String(version);
  } catch {
    // No localStorage, or one that refuses access: the whole history is declared.
    return false;
  }
}

/** Remembers that the database `name` is at `version` (after it opened there). */
export function rememberVersion(name: string, version: number): void {
  try {
    const store = globalThis.localStorage;
    if (store && store.getItem(key(name)) !== String(version))
      store.setItem(key(name), String(version));
  } catch {
    // No localStorage (private mode, a worker): every start declares the whole history.
  }
}

/** Forgets what was remembered: the next start declares the whole history again. */
export function forgetVersion(name: string): void {
  try {
    globalThis.localStorage?.removeItem(key(name));
  } catch {
    // Nothing was remembered where nothing can be stored.
  }
}
