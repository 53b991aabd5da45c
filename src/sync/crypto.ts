/**
 * End-to-end encryption of the texts that enter the shared document: AES-256-GCM with the
 * teacher's sync key, a fresh 12-byte nonce per value, and the value's place (table, id, field)
 * as associated data, so a server cannot move a ciphertext to another record or field.
 * Synchronous (@noble/ciphers), so it may run inside a Dexie transaction.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { bytesToUtf8, utf8ToBytes } from '@noble/ciphers/utils.js';
import { KEY_BYTES } from './encoding';

const NONCE_BYTES = 12;

/** The document was written with another key (or its bytes were damaged). */
export class SyncKeyError extends Error {
  readonly code = 'wrongKey';
  constructor(readonly where: string) {
    super(`This sync key cannot open ${where}`);
    this.name = 'SyncKeyError';
  }
}

function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** A new random 256-bit sync key (made once, on the first device). */
export function newSyncKey(): Uint8Array {
  return randomBytes(KEY_BYTES);
}

/** nonce ‖ ciphertext+tag of the text, bound to `where`. */
export function sealText(
  key: Uint8Array,
  text: string,
  where: string,
  nonce: Uint8Array = randomBytes(NONCE_BYTES),
): Uint8Array {
  const sealed = gcm(key, nonce, utf8ToBytes(where)).encrypt(utf8ToBytes(text));
  const out = new Uint8Array(NONCE_BYTES + sealed.length);
  out.set(nonce, 0);
  out.set(sealed, NONCE_BYTES);
  return out;
}

/** The text sealed by sealText; SyncKeyError when the key or the place does not fit. */
export function openText(key: Uint8Array, sealed: unknown, where: string): string {
  if (!(sealed instanceof Uint8Array) || sealed.length < NONCE_BYTES + 16) {
    throw new SyncKeyError(where);
  }
  try {
    const nonce = sealed.subarray(0, NONCE_BYTES);
    return bytesToUtf8(gcm(key, nonce, utf8ToBytes(where)).decrypt(sealed.subarray(NONCE_BYTES)));
  } catch {
    throw new SyncKeyError(where);
  }
}
