/**
 * What the QR scanner hands to the pairing form (src/features/sync/scan/): the text of a scanned
 * QR code is a pairing code only when the typed form would accept it, whitespace aside.
 */
import { describe, expect, it } from 'vitest';
import { cameraProblem, CameraUnavailable } from '../../src/features/sync/scan/camera';
import { scannedPairingCode } from '../../src/features/sync/scan/scannedCode';
import { decodePairing } from '../../src/sync/pairing';

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
/** A pairing code built by hand: the format of docs/sync.md, a key of 32 bytes of 7. */
const KEY = Buffer.alloc(32, 7).toString('base64url');
const CODE = b64url(
  JSON.stringify({ v: 1, u: 'wss://sync.school.nl', t: 'teacher-1', k: 'token-1', s: KEY }),
);

describe('scannedPairingCode', () => {
  it.each([
    ['the code alone', CODE],
    [
      'line breaks and spaces around and inside',
      `\n  ${CODE.slice(0, 40)} \r\n${CODE.slice(40)}\t`,
    ],
  ])('takes %s and gives the code without whitespace', (_label, text) => {
    expect(scannedPairingCode(text)).toBe(CODE);
    expect(decodePairing(scannedPairingCode(text)!)).toMatchObject({
      url: 'wss://sync.school.nl',
      teacherId: 'teacher-1',
      token: 'token-1',
    });
  });

  it.each([
    ['an empty QR code', ''],
    ['only whitespace', ' \n\t'],
    ['a web address', 'https://www.example.org/koppelen'],
    ['a Wi-Fi QR code', 'WIFI:T:WPA;S:school;P:geheim;;'],
    ['a cut-off code', CODE.slice(0, 60)],
    [
      'a code of another version',
      b64url(JSON.stringify({ v: 2, u: 'wss://a.nl', t: 't', k: 'k', s: KEY })),
    ],
    [
      'an http server address',
      b64url(JSON.stringify({ v: 1, u: 'https://a.nl', t: 't', k: 'k', s: KEY })),
    ],
    ['a short key', b64url(JSON.stringify({ v: 1, u: 'wss://a.nl', t: 't', k: 'k', s: 'AAAA' }))],
    ['JSON that is not a code', b64url('{"hello":"world"}')],
  ])('refuses %s', (_label, text) => {
    expect(scannedPairingCode(text)).toBeNull();
  });
});

describe('cameraProblem', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'noCamera'],
    ['OverconstrainedError', 'noCamera'],
    ['NotReadableError', 'busy'],
    ['AbortError', 'busy'],
    ['TypeError', 'failed'],
  ] as const)('%s → %s', (name, problem) => {
    expect(cameraProblem(new DOMException('x', name))).toBe(problem);
  });

  it('says the browser has no camera access when getUserMedia is missing', () => {
    expect(cameraProblem(new CameraUnavailable())).toBe('unavailable');
  });

  it.each([null, undefined, 'text', 42])('calls %j a failure', (value) => {
    expect(cameraProblem(value)).toBe('failed');
  });
});
