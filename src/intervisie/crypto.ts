/**
 * Passphrase protection with WebCrypto: PBKDF2-SHA-256 (600,000 iterations by default) derives an
 * AES-GCM-256 key; every package gets a fresh random 16-byte salt and 12-byte IV. All parameters
 * are written into the file, so a later version can raise them and still open older files. The
 * header is bound to the ciphertext as additional data: changing any byte of the file makes
 * decryption fail. The same envelope protects a backup (`spiegel-backup-encrypted`): its format
 * name is part of the bound header, so one kind can never be passed off as the other.
 * Never call these inside a Dexie transaction (a non-IndexedDB await commits it).
 */
import { CoachFileError } from './errors';
import {
  ENCRYPTED_FORMAT,
  ENCRYPTED_FORMAT_VERSION,
  type CipherParams,
  type EncryptedPackage,
  type Envelope,
  type EnvelopeFormat,
  type KdfParams,
} from './format';

/** OWASP's 2023 advice for PBKDF2-HMAC-SHA256. */
export const DEFAULT_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
/** The shortest passphrase the screens accept (coach package and backup). */
export const MIN_PASSPHRASE = 10;

export interface EncryptOptions {
  /** Only tests lower this (for speed); the app always uses the default. */
  iterations?: number;
  /** For tests: a source of random bytes (default crypto.getRandomValues). */
  randomBytes?: (n: number) => Uint8Array;
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new CoachFileError('cryptoUnavailable');
  return s;
}

function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  globalThis.crypto.getRandomValues(out);
  return out;
}

/** Standard base64 with padding, in chunks (a package can be megabytes). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/**
 * Strict base64: anything that is not the canonical encoding of its bytes is refused, so no
 * character of the file can change without changing the bytes it stands for.
 */
export function fromBase64(text: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch (e) {
    throw new CoachFileError('invalid', { check: 'base64' }, { cause: e });
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  if (toBase64(out) !== text) throw new CoachFileError('invalid', { check: 'base64' });
  return out;
}

/** The header as authenticated additional data, with its keys in a fixed order. */
function headerBytes(
  format: EnvelopeFormat,
  kdf: KdfParams,
  cipher: CipherParams,
): Uint8Array<ArrayBuffer> {
  const header = JSON.stringify([
    format,
    ENCRYPTED_FORMAT_VERSION,
    kdf.name,
    kdf.hash,
    kdf.iterations,
    kdf.salt,
    cipher.name,
    cipher.length,
    cipher.iv,
    cipher.tagLength,
  ]);
  return new TextEncoder().encode(header);
}

async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  usage: KeyUsage | KeyUsage[],
): Promise<CryptoKey> {
  const s = subtle();
  // NFC: the same passphrase typed on different keyboards gives the same bytes.
  const material = await s.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return s.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    Array.isArray(usage) ? usage : [usage],
  );
}

const copy = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/** Encrypts bytes (UTF-8 JSON) into an envelope named `format`. */
export async function encryptBytes<F extends EnvelopeFormat>(
  plaintext: Uint8Array,
  passphrase: string,
  format: F,
  options: EncryptOptions = {},
): Promise<Envelope<F>> {
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const random = options.randomBytes ?? randomBytes;
  const salt = copy(random(SALT_BYTES));
  const iv = copy(random(IV_BYTES));
  const kdf: KdfParams = { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) };
  const cipher: CipherParams = { name: 'AES-GCM', length: 256, iv: toBase64(iv), tagLength: 128 };
  const key = await deriveKey(passphrase, salt, iterations, 'encrypt');
  const sealed = await subtle().encrypt(
    { name: 'AES-GCM', iv, tagLength: 128, additionalData: headerBytes(format, kdf, cipher) },
    key,
    copy(plaintext),
  );
  return {
    format,
    formatVersion: ENCRYPTED_FORMAT_VERSION,
    kdf,
    cipher,
    ciphertext: toBase64(new Uint8Array(sealed)),
  };
}

/** Encrypts the package's JSON text into the envelope. */
export function encryptPackageText(
  plaintext: string,
  passphrase: string,
  options: EncryptOptions = {},
): Promise<EncryptedPackage> {
  return encryptBytes(new TextEncoder().encode(plaintext), passphrase, ENCRYPTED_FORMAT, options);
}

/**
 * Decrypts an envelope (already checked against its schema) into bytes. A wrong passphrase and a
 * changed byte look the same to AES-GCM: both throw CoachFileError('decryptFailed').
 */
export async function decryptBytes(envelope: Envelope, passphrase: string): Promise<Uint8Array> {
  return decryptWithKey(envelope, await deriveEnvelopeKey(envelope, passphrase, ['decrypt']));
}

/**
 * The envelope's key (non-extractable; it lives only in memory). With both usages the coach's
 * device can open the package and seal the coach's own remarks with it (sealWithKey).
 */
export async function deriveEnvelopeKey(
  envelope: Envelope,
  passphrase: string,
  usages: KeyUsage[] = ['encrypt', 'decrypt'],
): Promise<CryptoKey> {
  const salt = copy(fromBase64(envelope.kdf.salt));
  if (salt.length !== SALT_BYTES) throw new CoachFileError('invalid', { check: 'length' });
  return deriveKey(passphrase, salt, envelope.kdf.iterations, usages);
}

/** Opens an envelope with a key from deriveEnvelopeKey. */
export async function decryptWithKey(envelope: Envelope, key: CryptoKey): Promise<Uint8Array> {
  const iv = copy(fromBase64(envelope.cipher.iv));
  const data = copy(fromBase64(envelope.ciphertext));
  if (iv.length !== IV_BYTES) throw new CoachFileError('invalid', { check: 'length' });
  try {
    const plain = await subtle().decrypt(
      {
        name: 'AES-GCM',
        iv,
        tagLength: 128,
        additionalData: headerBytes(envelope.format, envelope.kdf, envelope.cipher),
      },
      key,
      data,
    );
    return new Uint8Array(plain);
  } catch (e) {
    throw new CoachFileError('decryptFailed', {}, { cause: e });
  }
}

/**
 * Decrypts an envelope (already checked against EncryptedPackageSchema). A wrong passphrase and
 * a changed byte look the same to AES-GCM: both throw CoachFileError('decryptFailed').
 */
export async function decryptPackageText(
  envelope: EncryptedPackage,
  passphrase: string,
): Promise<string> {
  const plain = await decryptBytes(envelope, passphrase);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch (e) {
    throw new CoachFileError('decryptFailed', {}, { cause: e });
  }
}

/**
 * Seals text with a key already in memory (the coach's remarks in an encrypted workspace):
 * base64 of a fresh 12-byte IV followed by AES-GCM(text) with its tag; `label` is bound as
 * additional data so a sealed value cannot be moved to another use.
 */
export async function sealWithKey(key: CryptoKey, text: string, label: string): Promise<string> {
  const iv = copy(randomBytes(IV_BYTES));
  const sealed = await subtle().encrypt(
    { name: 'AES-GCM', iv, tagLength: 128, additionalData: new TextEncoder().encode(label) },
    key,
    new TextEncoder().encode(text),
  );
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv, 0);
  out.set(new Uint8Array(sealed), IV_BYTES);
  return toBase64(out);
}

/** Opens what sealWithKey made; throws CoachFileError('decryptFailed') on any change. */
export async function openWithKey(key: CryptoKey, sealed: string, label: string): Promise<string> {
  const bytes = fromBase64(sealed);
  if (bytes.length < IV_BYTES + 16) throw new CoachFileError('decryptFailed');
  try {
    const plain = await subtle().decrypt(
      {
        name: 'AES-GCM',
        iv: copy(bytes.subarray(0, IV_BYTES)),
        tagLength: 128,
        additionalData: new TextEncoder().encode(label),
      },
      key,
      copy(bytes.subarray(IV_BYTES)),
    );
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch (e) {
    throw new CoachFileError('decryptFailed', {}, { cause: e });
  }
}
