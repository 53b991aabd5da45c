/**
 * Sealing a record's secret fields with AES-GCM-256 (@noble/ciphers: synchronous, so it runs
 * inside a Dexie transaction). The secret fields are taken out of the record and stored together
 * as one `sealed` value: a fresh random 12-byte nonce followed by the ciphertext and tag. The
 * table name and the record's primary key are the additional data, so a sealed value moved to
 * another record does not open.
 */
import type { gcm as GcmFn } from '@noble/ciphers/aes.js';
import { LockError } from './errors';

type Gcm = typeof GcmFn;
let gcmImpl: Gcm | null = null;

/**
 * Loads the AES-GCM code. Only a realm whose lock is on needs it (unlocking, turning the lock on
 * or off), so a start with the lock off does not carry it; call it before the key is set.
 */
export async function loadCipher(): Promise<void> {
  gcmImpl ??= (await import('@noble/ciphers/aes.js')).gcm;
}

function gcm(...args: Parameters<Gcm>): ReturnType<Gcm> {
  // Unreachable when every path to a key awaited loadCipher(): reported as a locked app.
  if (!gcmImpl) throw new LockError('locked');
  return gcmImpl(...args);
}

/** The property that holds a record's sealed fields. */
export const SEALED = 'sealed';
const NONCE_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

type Row = Record<string, unknown>;

function aad(table: string, primaryKey: unknown): Uint8Array {
  return encoder.encode(`spiegel-lock-1\u0000${table}\u0000${String(primaryKey)}`);
}

export function isSealed(value: unknown): value is Row & { [SEALED]: Uint8Array } {
  return (
    typeof value === 'object' && value !== null && (value as Row)[SEALED] instanceof Uint8Array
  );
}

/** A copy of `record` with `fields` sealed (absent fields are left out); the input is untouched. */
export function sealRecord(
  key: Uint8Array,
  table: string,
  primaryKey: unknown,
  record: Row,
  fields: readonly string[],
): Row {
  const secret: Row = {};
  const out: Row = { ...record };
  let any = false;
  for (const f of fields) {
    if (f in out) {
      if (out[f] !== undefined) secret[f] = out[f];
      delete out[f];
      any = true;
    }
  }
  if (!any) return record;
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const body = gcm(key, nonce, aad(table, primaryKey)).encrypt(
    encoder.encode(JSON.stringify(secret)),
  );
  const sealed = new Uint8Array(NONCE_BYTES + body.length);
  sealed.set(nonce, 0);
  sealed.set(body, NONCE_BYTES);
  out[SEALED] = sealed;
  return out;
}

/** The record with its sealed fields back in place (a plain record is returned as it is). */
export function openRecord(
  key: Uint8Array | null,
  table: string,
  primaryKey: unknown,
  record: unknown,
): unknown {
  if (!isSealed(record)) return record;
  if (!key) throw new LockError('locked');
  const sealed = record[SEALED];
  let plain: Uint8Array;
  try {
    plain = gcm(key, sealed.subarray(0, NONCE_BYTES), aad(table, primaryKey)).decrypt(
      sealed.subarray(NONCE_BYTES),
    );
  } catch (e) {
    throw new LockError('damaged', { cause: e });
  }
  const { [SEALED]: _sealed, ...rest } = record;
  return { ...rest, ...(JSON.parse(decoder.decode(plain)) as Row) };
}
