import { describe, expect, it } from 'vitest';
import { newSyncKey, openText, sealText, SyncKeyError } from '../../../src/sync/crypto';
import { decodePairing, encodePairing, PairingCodeError } from '../../../src/sync/pairing';

describe('sealing texts', () => {
  const key = newSyncKey();
  it.each(['', 'Wilhelmina', 'ëmoji 🙂 and ‘quotes’'])('round-trips %j', (text) => {
    expect(openText(key, sealText(key, text, 'pupils/1/name'), 'pupils/1/name')).toBe(text);
  });
  it('uses a fresh nonce per value', () => {
    expect(sealText(key, 'a', 'x')).not.toEqual(sealText(key, 'a', 'x'));
  });
  it.each([
    ['another key', () => openText(newSyncKey(), sealText(key, 'a', 'p'), 'p')],
    ['another place', () => openText(key, sealText(key, 'a', 'p'), 'q')],
    ['not bytes', () => openText(key, 'a plain string', 'p')],
  ])('refuses %s with SyncKeyError', (_label, run) => {
    expect(run).toThrow(SyncKeyError);
  });
});

describe('pairing code', () => {
  const pairing = {
    url: 'wss://sync.school.nl',
    teacherId: 't-1',
    token: 'tok',
    key: newSyncKey(),
  };
  it('round-trips, ignoring spaces and line breaks the teacher typed', () => {
    const code = encodePairing(pairing);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    const spaced = code.replace(/(.{10})/g, '$1 \n');
    expect(decodePairing(spaced)).toEqual(pairing);
  });
  it.each(['', 'hello', encodePairing(pairing).slice(0, 30), btoa('{"v":2}')])(
    'refuses %j with PairingCodeError',
    (code) => {
      expect(() => decodePairing(code)).toThrow(PairingCodeError);
    },
  );
  it('refuses a code whose address is not a websocket', () => {
    expect(() => decodePairing(encodePairing({ ...pairing, url: 'http://x' }))).toThrow(
      PairingCodeError,
    );
  });
});
