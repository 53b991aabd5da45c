/**
 * Turning the app lock on and off, unlocking, locking, changing the passphrase. The slow key
 * derivation (WebCrypto) always runs before or after a transaction, never inside one; turning
 * the lock on or off rewrites every record with something secret in ONE transaction, so a tab
 * that dies midway leaves the database wholly as it was.
 */
import { getDb } from '../db';
import { nowIso } from '../ids';
import { LockError } from './errors';
import { LOCKED_TABLES } from './fields';
import {
  DEFAULT_IDLE_MINUTES,
  LOCK_SETTING,
  parseLockConfig,
  type IdleMinutes,
  type LockConfig,
} from './config';
import { appKeyring, type LockMode } from './keyring';
import {
  LOCK_ITERATIONS,
  MIN_PASSPHRASE_LENGTH,
  newDataKey,
  normalisePassphrase,
  normaliseRecoveryCode,
  unwrapDataKey,
  wrapDataKey,
} from './keys';
import { setRewriteKey } from './middleware';
import { loadCipher } from './seal';

/** Only tests lower the iterations; the app always uses LOCK_ITERATIONS. */
export interface LockOptions {
  iterations?: number;
}

export async function readLockConfig(): Promise<LockConfig | null> {
  const row = await getDb().settings.get(LOCK_SETTING);
  return row ? parseLockConfig(row.value) : null;
}

// Other tabs of this app: a lock, or the lock turned on or off, is followed there.
type LockSignal = 'locked' | 'changed';
const channel =
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('spiegel-lock');
function signal(s: LockSignal): void {
  channel?.postMessage(s);
}
if (channel) {
  channel.onmessage = (e: MessageEvent<LockSignal>) => {
    if (e.data === 'locked' && appKeyring.mode === 'unlocked') appKeyring.lock();
    if (e.data === 'changed') void syncLockMode();
  };
}

/**
 * Brings this realm's mode in line with the stored configuration: on without a key is locked
 * (at start, or when another tab turned the lock on), no configuration is off.
 */
export async function syncLockMode(): Promise<LockMode> {
  const config = await readLockConfig();
  if (!config && appKeyring.mode !== 'off') appKeyring.off();
  if (config && appKeyring.mode === 'off') appKeyring.lock();
  return appKeyring.mode;
}

/** At start: the lock, when on, starts locked. */
export const initLock = syncLockMode;

function checkPassphrase(passphrase: string): string {
  const p = normalisePassphrase(passphrase);
  if ([...p].length < MIN_PASSPHRASE_LENGTH) throw new LockError('tooShort');
  return p;
}

/** Rewrites every record with something secret under `key` (null: plain), and the settings. */
async function rewriteAll(key: Uint8Array | null, config: LockConfig | null, now: Date) {
  const db = getDb();
  await db.transaction('rw', [...LOCKED_TABLES], async (tx) => {
    setRewriteKey(tx.idbtrans, key);
    for (const name of LOCKED_TABLES) {
      const table = tx.table(name);
      const rows = (await table.toArray()) as unknown[];
      if (rows.length > 0) await table.bulkPut(rows);
    }
    if (config) await db.settings.put({ key: LOCK_SETTING, value: config, updatedAt: nowIso(now) });
    else await db.settings.delete(LOCK_SETTING);
  });
}

/**
 * Turns the lock on: a new data key, wrapped by the passphrase and by the recovery code (which
 * the teacher has written down), and every secret field encrypted, in one transaction.
 */
export async function turnLockOn(
  passphrase: string,
  recoveryCode: string,
  options: LockOptions & { idleMinutes?: IdleMinutes } = {},
  now: Date = new Date(),
): Promise<void> {
  const p = checkPassphrase(passphrase);
  if (await readLockConfig()) throw new LockError('alreadyOn');
  const iterations = options.iterations ?? LOCK_ITERATIONS;
  const dataKey = newDataKey();
  const config: LockConfig = {
    version: 1,
    passphrase: await wrapDataKey(dataKey, p, iterations),
    recovery: await wrapDataKey(dataKey, normaliseRecoveryCode(recoveryCode), iterations),
    idleMinutes: options.idleMinutes ?? DEFAULT_IDLE_MINUTES,
  };
  await loadCipher();
  await rewriteAll(dataKey, config, now);
  appKeyring.unlock(dataKey);
  dataKey.fill(0);
  signal('changed');
}

async function requireConfig(): Promise<LockConfig> {
  const config = await readLockConfig();
  if (!config) throw new LockError('notOn');
  return config;
}

/** Unlocks with the passphrase; a wrong one is refused with LockError('wrongPassphrase'). */
export async function unlock(passphrase: string): Promise<void> {
  const config = await requireConfig();
  const key = await unwrapDataKey(
    config.passphrase,
    normalisePassphrase(passphrase),
    'wrongPassphrase',
  );
  await loadCipher();
  appKeyring.unlock(key);
  key.fill(0);
}

/** Unlocks with the recovery code (LockError('wrongRecoveryCode') when it does not fit). */
export async function unlockWithRecoveryCode(code: string): Promise<void> {
  const config = await requireConfig();
  const key = await unwrapDataKey(
    config.recovery,
    normaliseRecoveryCode(code),
    'wrongRecoveryCode',
  );
  await loadCipher();
  appKeyring.unlock(key);
  key.fill(0);
}

/** Locks this tab and the app's other tabs: the key is forgotten. */
export function lockNow(): void {
  if (appKeyring.mode === 'unlocked') appKeyring.lock();
  signal('locked');
}

/**
 * A new passphrase (the current one, or the recovery code, proves it is the teacher): only the
 * data key's wrapping changes, no record is rewritten.
 */
export async function changePassphrase(
  current: string,
  next: string,
  options: LockOptions = {},
  now: Date = new Date(),
): Promise<void> {
  const p = checkPassphrase(next);
  const config = await requireConfig();
  // The recovery code proves it too: that is how a forgotten passphrase is replaced.
  const key = await unwrapDataKey(
    config.passphrase,
    normalisePassphrase(current),
    'wrongPassphrase',
  ).catch(() => unwrapDataKey(config.recovery, normaliseRecoveryCode(current), 'wrongPassphrase'));
  const passphrase = await wrapDataKey(key, p, options.iterations ?? LOCK_ITERATIONS);
  key.fill(0);
  await getDb().settings.put({
    key: LOCK_SETTING,
    value: { ...config, passphrase },
    updatedAt: nowIso(now),
  });
}

/** Turns the lock off (the passphrase proves it is the teacher): every record plain again. */
export async function turnLockOff(passphrase: string, now: Date = new Date()): Promise<void> {
  const config = await requireConfig();
  const key = await unwrapDataKey(
    config.passphrase,
    normalisePassphrase(passphrase),
    'wrongPassphrase',
  );
  // Reads inside the rewrite use this realm's key: make sure it is the one just proven.
  await loadCipher();
  appKeyring.unlock(key);
  key.fill(0);
  await rewriteAll(null, null, now);
  appKeyring.off();
  signal('changed');
}

/**
 * After "delete all data" removed the lock's configuration with everything else: the lock is off
 * in every tab (a key kept in memory would seal new records with a key nobody can unwrap).
 */
export function forgetLock(): void {
  appKeyring.off();
  signal('changed');
}

export async function setIdleMinutes(minutes: IdleMinutes, now: Date = new Date()): Promise<void> {
  const config = await requireConfig();
  await getDb().settings.put({
    key: LOCK_SETTING,
    value: { ...config, idleMinutes: minutes },
    updatedAt: nowIso(now),
  });
}

const OFFER_SETTING = 'appLock.offerDismissed';

/** Whether the teacher said "not now" to the start screen's offer of a lock. */
export async function lockOfferDismissed(): Promise<boolean> {
  return (await getDb().settings.get(OFFER_SETTING))?.value === true;
}

export async function dismissLockOffer(now: Date = new Date()): Promise<void> {
  await getDb().settings.put({ key: OFFER_SETTING, value: true, updatedAt: nowIso(now) });
}
