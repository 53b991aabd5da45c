import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import { DATA_STORES, type SpiegelDB } from '../../src/db/schema';
import { prepareExport } from '../../src/db/backup/export';
import { applyImport, prepareImport } from '../../src/db/backup/import';
import { encryptBackup, isEncryptedBackup, unwrapBackup } from '../../src/db/backup/encrypted';
import { makeSampleData } from '../support/backupSample';
import { ImportError } from '../../src/model/importErrors';
import { dumpDb, freshDb, seedDb } from './backupHelpers';

// A backup protected by a passphrase: the coach package's envelope (PBKDF2 → AES-GCM), named
// `spiegel-backup-encrypted`. Tests lower the iterations for speed (the file says how many).
const PASS = 'zeven zilveren zwaluwen';
const FAST = { iterations: 1000 };

let db: SpiegelDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => {
  db.close();
  setDbForTests(null);
});

async function protectedBackup(): Promise<{ text: string; plain: string }> {
  await seedDb(db, makeSampleData({ seed: 41 }));
  const file = await prepareExport({ kind: 'all' }, new Date('2025-03-01T10:00:00Z'));
  const sealed = await encryptBackup(file.blob, PASS, FAST);
  return { text: await sealed.text(), plain: await file.blob.text() };
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e) => e instanceof ImportError && e.code === code);
}

describe('encrypted backup', () => {
  it('holds no readable byte of the data, and round-trips through a replace', async () => {
    const { text, plain } = await protectedBackup();
    const envelope = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(envelope)).toEqual([
      'format',
      'formatVersion',
      'kdf',
      'cipher',
      'ciphertext',
    ]);
    expect(envelope.format).toBe('spiegel-backup-encrypted');
    const names = (await db.pupils.toArray()).map((p) => p.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(text).not.toContain(name);
    expect(text).not.toContain('spiegel-backup"');
    expect(await isEncryptedBackup(text)).toBe(true);
    expect(await isEncryptedBackup(plain)).toBe(false);

    const snapshot = await dumpDb(db);
    await db.classes.clear();
    await seedDb(db, makeSampleData({ seed: 42 }));
    const prepared = await prepareImport(new Blob([text]), { passphrase: PASS });
    await applyImport(prepared, 'replace');
    const after = await dumpDb(db);
    for (const table of DATA_STORES) expect(after[table]).toEqual(snapshot[table]);
  });

  it('without a passphrase asks for one; a plain backup needs none', async () => {
    const { text, plain } = await protectedBackup();
    await expectCode(prepareImport(text), 'passphraseRequired');
    expect(await unwrapBackup(plain)).toBe(plain);
  });

  it('a wrong passphrase is refused clearly and nothing changes', async () => {
    const { text } = await protectedBackup();
    const before = await dumpDb(db);
    await expectCode(
      prepareImport(text, { passphrase: 'zeven zilveren zwaluwen!' }),
      'decryptFailed',
    );
    expect(await dumpDb(db)).toEqual(before);
  });

  it('a changed byte anywhere in the ciphertext or the header is refused, nothing changes', async () => {
    const { text } = await protectedBackup();
    const before = await dumpDb(db);
    const envelope = JSON.parse(text) as {
      kdf: { iterations: number; salt: string };
      cipher: { iv: string };
      ciphertext: string;
    };
    // One base64 character in the middle of the ciphertext, swapped for another valid one.
    const mid = Math.floor(envelope.ciphertext.length / 2);
    const c = envelope.ciphertext[mid];
    const flipped =
      envelope.ciphertext.slice(0, mid) +
      (c === 'A' ? 'B' : 'A') +
      envelope.ciphertext.slice(mid + 1);
    const cases = [
      JSON.stringify({ ...envelope, ciphertext: flipped }),
      JSON.stringify({ ...envelope, kdf: { ...envelope.kdf, iterations: 1001 } }),
      JSON.stringify({ ...envelope, cipher: { ...envelope.cipher, iv: 'AAAAAAAAAAAAAAAA' } }),
      // The coach package's name on a backup's envelope: the name is bound to the data.
      text.replace('spiegel-backup-encrypted', 'spiegel-coach-package-encrypted'),
    ];
    for (const [i, changed] of cases.entries()) {
      if (i === 3) {
        // No longer recognised as a backup at all (the backup reader refuses it as such).
        await expect(prepareImport(changed, { passphrase: PASS })).rejects.toBeInstanceOf(
          ImportError,
        );
        continue;
      }
      await expectCode(prepareImport(changed, { passphrase: PASS }), 'decryptFailed');
    }
    // A damaged envelope (cut off, or a field gone) says so.
    await expectCode(prepareImport(text.slice(0, -40), { passphrase: PASS }), 'envelopeDamaged');
    const { ciphertext: _gone, ...noData } = envelope;
    await expectCode(
      prepareImport(JSON.stringify(noData), { passphrase: PASS }),
      'envelopeDamaged',
    );
    expect(await dumpDb(db)).toEqual(before);
  });
});
