/**
 * The data key and its two wrappings (WebCrypto, async: never inside a Dexie transaction).
 * A random 256-bit data key encrypts the records; it is stored only wrapped with AES-GCM under a
 * key derived by PBKDF2-SHA-256 from the passphrase, and again under one derived from the
 * recovery code. Changing the passphrase rewraps the data key; no record is re-encrypted.
 */
import { LockError } from './errors';

/** OWASP's 2023 advice for PBKDF2-HMAC-SHA256. Only tests pass fewer. */
export const LOCK_ITERATIONS = 600_000;
export const MIN_PASSPHRASE_LENGTH = 8;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const DATA_KEY_BYTES = 32;
const WRAP_AAD = new TextEncoder().encode('spiegel-lock-1 data key');

/** A wrapped data key as stored in settings (base64 strings; none of it is secret). */
export interface WrappedKey {
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: string;
  iv: string;
  wrapped: string;
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new LockError('cryptoUnavailable');
  return s;
}

const toB64 = (b: Uint8Array): string => btoa(String.fromCharCode(...b));
const fromB64 = (s: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const random = (n: number): Uint8Array<ArrayBuffer> => crypto.getRandomValues(new Uint8Array(n));

export function newDataKey(): Uint8Array {
  return random(DATA_KEY_BYTES);
}

async function wrappingKey(secret: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const material = await subtle().importKey(
    'raw',
    new TextEncoder().encode(secret),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The passphrase as typed, in one Unicode form (the same letters always give the same key). */
export const normalisePassphrase = (p: string): string => p.normalize('NFC');

export async function wrapDataKey(
  dataKey: Uint8Array,
  secret: string,
  iterations: number = LOCK_ITERATIONS,
): Promise<WrappedKey> {
  const salt = random(SALT_BYTES);
  const iv = random(IV_BYTES);
  const key = await wrappingKey(secret, salt, iterations);
  const wrapped = new Uint8Array(
    await subtle().encrypt(
      { name: 'AES-GCM', iv, additionalData: WRAP_AAD },
      key,
      new Uint8Array(dataKey),
    ),
  );
  return {
    kdf: 'PBKDF2-SHA-256',
    iterations,
    salt: toB64(salt),
    iv: toB64(iv),
    wrapped: toB64(wrapped),
  };
}

/** The data key, or LockError(`wrong`) when the secret does not open it. */
export async function unwrapDataKey(
  w: WrappedKey,
  secret: string,
  wrong: 'wrongPassphrase' | 'wrongRecoveryCode',
): Promise<Uint8Array> {
  const key = await wrappingKey(secret, fromB64(w.salt), w.iterations);
  try {
    const raw = await subtle().decrypt(
      { name: 'AES-GCM', iv: fromB64(w.iv), additionalData: WRAP_AAD },
      key,
      fromB64(w.wrapped),
    );
    return new Uint8Array(raw);
  } catch (e) {
    throw new LockError(wrong, { cause: e });
  }
}

/** Crockford's base32 alphabet: no I, L, O or U, so the code is easy to copy by hand. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_BYTES = 20;

/** A new recovery code: 160 random bits as 32 characters in groups of four. */
export function newRecoveryCode(): string {
  const bytes = random(RECOVERY_BYTES);
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >> bits) & 31];
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/**
 * The code as the key derivation sees it: upper case, without spaces or dashes, and the letters
 * people confuse read as Crockford intends (O → 0, I and L → 1).
 */
export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
