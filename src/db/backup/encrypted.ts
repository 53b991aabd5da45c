/**
 * Backups protected by a passphrase: the backup's JSON inside the same envelope as the coach
 * package (src/intervisie/crypto.ts: PBKDF2-SHA-256 → AES-GCM-256, header bound to the data),
 * named `spiegel-backup-encrypted`. Reading detects the envelope by its first characters, so a
 * plain backup is read exactly as before. WebCrypto runs before any database work.
 */
import * as v from 'valibot';
import { parseBackupJson } from '../../domain/jsonFile';
import {
  BACKUP_ENCRYPTED_FORMAT,
  decryptBytes,
  encryptBytes,
  EncryptedBackupSchema,
  isCoachFileError,
  type EncryptOptions,
} from '../../intervisie';
import { ImportError } from '../../model/importErrors';

/** The envelope's header (format, kdf, cipher) comes before its ciphertext. */
const PEEK_CHARS = 1024;
const ENVELOPE_MARK = new RegExp(`"format"\\s*:\\s*"${BACKUP_ENCRYPTED_FORMAT}"`);

/** True when the file is an encrypted backup (it then needs a passphrase to be read). */
export async function isEncryptedBackup(input: Blob | string): Promise<boolean> {
  const head =
    typeof input === 'string'
      ? input.slice(0, PEEK_CHARS)
      : await input.slice(0, PEEK_CHARS).text();
  return ENVELOPE_MARK.test(head);
}

/** Wraps a backup file (as made by prepareExport) in the passphrase envelope. */
export async function encryptBackup(
  plain: Blob,
  passphrase: string,
  options: EncryptOptions = {},
): Promise<Blob> {
  const bytes = new Uint8Array(await plain.arrayBuffer());
  const envelope = await encryptBytes(bytes, passphrase, BACKUP_ENCRYPTED_FORMAT, options);
  return new Blob([JSON.stringify(envelope)], { type: 'application/json' });
}

/**
 * Every backup is read through this before it is scanned: a plain file comes back as it is; an
 * encrypted one is opened with the passphrase. ImportError codes: passphraseRequired (none
 * given), decryptFailed (wrong passphrase, or a changed byte: AES-GCM cannot tell them apart),
 * envelopeDamaged (the envelope itself no longer reads). Nothing is written in any case.
 */
export async function unwrapBackup(
  input: Blob | string,
  passphrase?: string,
): Promise<Blob | string> {
  if (!(await isEncryptedBackup(input))) return input;
  if (!passphrase) throw new ImportError('passphraseRequired');
  const text = typeof input === 'string' ? input : await input.text();
  let value: unknown;
  try {
    value = parseBackupJson(text);
  } catch (e) {
    throw new ImportError('envelopeDamaged', {}, { cause: e });
  }
  const parsed = v.safeParse(EncryptedBackupSchema, value);
  if (!parsed.success) throw new ImportError('envelopeDamaged');
  try {
    const plain = await decryptBytes(parsed.output, passphrase);
    return new Blob([plain as Uint8Array<ArrayBuffer>], { type: 'application/json' });
  } catch (e) {
    if (isCoachFileError(e) && e.code === 'decryptFailed')
      throw new ImportError('decryptFailed', {}, { cause: e });
    throw new ImportError('envelopeDamaged', {}, { cause: e });
  }
}
