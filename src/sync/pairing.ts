/**
 * The pairing code: one base64url string carrying the server address, the teacher id, the
 * token and the sync key. It goes from device to device (QR or typed), never to the server.
 */
import { fromBase64Url, KEY_BYTES, toBase64Url } from './encoding';

export interface Pairing {
  url: string;
  teacherId: string;
  token: string;
  key: Uint8Array;
}

/** A code that is not a pairing code (mistyped, cut short, from something else). */
export class PairingCodeError extends Error {
  readonly code = 'invalidCode';
  constructor() {
    super('Not a pairing code');
    this.name = 'PairingCodeError';
  }
}

export function encodePairing(p: Pairing): string {
  const json = JSON.stringify({
    v: 1,
    u: p.url,
    t: p.teacherId,
    k: p.token,
    s: toBase64Url(p.key),
  });
  return toBase64Url(new TextEncoder().encode(json));
}

/** The pairing in a code; whitespace the teacher typed or pasted is ignored. */
export function decodePairing(code: string): Pairing {
  try {
    const bytes = fromBase64Url(code.replace(/\s+/g, ''));
    const o = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Record<
      string,
      unknown
    >;
    const { v, u, t, k, s } = o;
    if (v !== 1 || typeof u !== 'string' || typeof t !== 'string' || typeof k !== 'string')
      throw new PairingCodeError();
    if (typeof s !== 'string' || !/^wss?:\/\//.test(u) || !t || !k) throw new PairingCodeError();
    const key = fromBase64Url(s);
    if (key.length !== KEY_BYTES) throw new PairingCodeError();
    return { url: u, teacherId: t, token: k, key };
  } catch {
    throw new PairingCodeError();
  }
}

/** The document a teacher's devices share (one per teacher, docs/sync.md). */
export function documentName(teacherId: string): string {
  return `${teacherId}/data`;
}
