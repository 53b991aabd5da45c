/**
 * Passphrase protection: a round trip; a wrong passphrase and any single changed byte give the
 * typed 'decryptFailed' (or another typed refusal), never a result; salts and IVs never repeat;
 * the parameters are in the file. Most tests lower the iterations for speed; one uses the default.
 */
import { describe, expect, it } from 'vitest';
import {
  CoachFileError,
  DEFAULT_ITERATIONS,
  NO_EXTRAS,
  buildCoachPackage,
  decryptPackageText,
  encryptPackageText,
  fromBase64,
  openPackageFile,
  readPackageFile,
  toBase64,
  type EncryptedPackage,
} from '../../../src/intervisie';
import { FROM, TO, makeFixture } from './fixture';

const FAST = { iterations: 1000 };
const PASS = 'zeven appels onder de boom';

function packageJson(): string {
  const { pkg } = buildCoachPackage(
    makeFixture().source,
    {
      from: FROM,
      to: TO,
      label: 'Groep 7',
      pseudonymisation: 'codes',
      extras: NO_EXTRAS,
      lensIds: [],
    },
    {
      now: new Date('2025-03-29T12:00:00.000Z'),
      appVersion: 'test',
      packageId: crypto.randomUUID(),
      codeMap: {},
    },
  );
  return JSON.stringify(pkg);
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CoachFileError);
  expect((error as CoachFileError).code).toBe(code);
}

/** Flips one bit of one byte inside a base64 field and writes it back canonically. */
function flipByte(b64: string, index: number): string {
  const bytes = fromBase64(b64);
  bytes[index % bytes.length]! ^= 0x01;
  return toBase64(bytes);
}

describe('encryption of a coach package', () => {
  it('round trip with the default parameters (600,000 iterations, stored in the file)', async () => {
    const json = packageJson();
    const envelope = await encryptPackageText(json, PASS);
    expect(envelope.format).toBe('spiegel-coach-package-encrypted');
    expect(envelope.formatVersion).toBe(1);
    expect(envelope.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256' });
    expect(envelope.kdf.iterations).toBe(DEFAULT_ITERATIONS);
    expect(envelope.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(fromBase64(envelope.kdf.salt)).toHaveLength(16);
    expect(envelope.cipher).toMatchObject({ name: 'AES-GCM', length: 256, tagLength: 128 });
    expect(fromBase64(envelope.cipher.iv)).toHaveLength(12);
    // Through the file reader, as the coach's device does it.
    const pkg = await openPackageFile(JSON.stringify(envelope), PASS);
    expect(JSON.stringify(pkg)).toBe(json);
  }, 60_000);

  it('a wrong passphrase gives decryptFailed', async () => {
    const envelope = await encryptPackageText(packageJson(), PASS, FAST);
    await expectCode(decryptPackageText(envelope, 'zeven appels onder de bom'), 'decryptFailed');
    await expectCode(
      openPackageFile(JSON.stringify(envelope), 'Zeven appels onder de boom'),
      'decryptFailed',
    );
  });

  it('no passphrase for an encrypted file gives passphraseRequired', async () => {
    const envelope = await encryptPackageText(packageJson(), PASS, FAST);
    const file = await readPackageFile(JSON.stringify(envelope));
    expect(file.encrypted).toBe(true);
    await expectCode(openPackageFile(JSON.stringify(envelope)), 'passphraseRequired');
  });

  it.each([
    [
      'ciphertext, first byte',
      (e: EncryptedPackage) => ({ ...e, ciphertext: flipByte(e.ciphertext, 0) }),
    ],
    [
      'ciphertext, a middle byte',
      (e: EncryptedPackage) => ({ ...e, ciphertext: flipByte(e.ciphertext, 777) }),
    ],
    [
      'ciphertext, the tag',
      (e: EncryptedPackage) => ({
        ...e,
        ciphertext: flipByte(e.ciphertext, -1 + fromBase64(e.ciphertext).length),
      }),
    ],
    [
      'iv',
      (e: EncryptedPackage) => ({ ...e, cipher: { ...e.cipher, iv: flipByte(e.cipher.iv, 5) } }),
    ],
    [
      'salt',
      (e: EncryptedPackage) => ({ ...e, kdf: { ...e.kdf, salt: flipByte(e.kdf.salt, 15) } }),
    ],
    [
      'iterations',
      (e: EncryptedPackage) => ({ ...e, kdf: { ...e.kdf, iterations: e.kdf.iterations + 1 } }),
    ],
  ])('a changed byte in the %s gives decryptFailed', async (_name, change) => {
    const envelope = await encryptPackageText(packageJson(), PASS, FAST);
    await expectCode(decryptPackageText(change(envelope), PASS), 'decryptFailed');
    await expectCode(openPackageFile(JSON.stringify(change(envelope)), PASS), 'decryptFailed');
  });

  it('any single changed character of the file is refused with a typed error, never opened', async () => {
    const text = JSON.stringify(await encryptPackageText(packageJson(), PASS, { iterations: 50 }));
    // Every character of the header, and a sample through the ciphertext.
    const header = text.indexOf('"ciphertext"') + 14;
    const positions = [
      ...Array.from({ length: header }, (_, i) => i),
      ...Array.from(
        { length: 40 },
        (_, i) => header + Math.floor(((text.length - header - 2) * i) / 40),
      ),
    ];
    for (const i of positions) {
      const c = text[i]!;
      const replacement =
        c === 'A' ? 'B' : c === '"' ? "'" : /[0-9]/.test(c) ? String((Number(c) + 1) % 10) : 'A';
      const changed = text.slice(0, i) + replacement + text.slice(i + 1);
      const error: unknown = await openPackageFile(changed, PASS).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, `changing character ${i} (${c}) was not noticed`).toBeInstanceOf(
        CoachFileError,
      );
    }
  }, 120_000);

  it('salts and IVs never repeat over 50 packages', async () => {
    const json = packageJson();
    const envelopes = await Promise.all(
      Array.from({ length: 50 }, () => encryptPackageText(json, PASS, { iterations: 10 })),
    );
    expect(new Set(envelopes.map((e) => e.cipher.iv)).size).toBe(50);
    expect(new Set(envelopes.map((e) => e.kdf.salt)).size).toBe(50);
    expect(new Set(envelopes.map((e) => e.ciphertext)).size).toBe(50);
  });

  it('strict base64: a non-canonical encoding is refused', () => {
    const canonical = toBase64(new Uint8Array([1, 2, 3, 4]));
    expect(canonical).toBe('AQIDBA==');
    expect(() => fromBase64('AQIDBB==')).toThrow(CoachFileError);
    expect(() => fromBase64('AQID*A==')).toThrow(CoachFileError);
  });
});
