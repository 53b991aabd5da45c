/**
 * The short pairing code (docs/sync.md, "The short code"): 8 Crockford base32 characters shown as
 * `XXXX-XXXX`. The first 4 name a slot on the sync server; the last 4 are a 20-bit secret made on
 * the first device that never goes to the server. The key itself never rides on this code: it
 * travels encrypted under a key the two devices agree on (src/sync/pairExchange.ts).
 */

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed is hard to get wrong. */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const PART_LENGTH = 4;

export interface ShortCode {
  slot: string;
  secret: string;
}

/** Not a short code: wrong length or a character that is not in the alphabet. */
export class ShortCodeError extends Error {
  readonly code = 'invalidShortCode';
  constructor() {
    super('Not a short pairing code');
    this.name = 'ShortCodeError';
  }
}

/** 4 random characters (20 bits): the secret half, made with the platform's CSPRNG. */
export function newShortSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(PART_LENGTH));
  return Array.from(bytes, (b) => CROCKFORD[b & 31]).join('');
}

/** `ABCD-WXYZ`. */
export function formatShortCode({ slot, secret }: ShortCode): string {
  return `${slot}-${secret}`;
}

/** One part (slot id or secret) in canonical form, or null. */
export function normalisePart(text: string): string | null {
  const part = text
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (part.length !== PART_LENGTH) return null;
  for (const c of part) if (!CROCKFORD.includes(c)) return null;
  return part;
}

/** A typed code: case, spaces, dashes and the look-alikes I, L (→ 1) and O (→ 0) are forgiven. */
export function parseShortCode(typed: string): ShortCode {
  const all = typed.toUpperCase().replace(/[\s-]+/g, '');
  if (all.length !== 2 * PART_LENGTH) throw new ShortCodeError();
  const slot = normalisePart(all.slice(0, PART_LENGTH));
  const secret = normalisePart(all.slice(PART_LENGTH));
  if (!slot || !secret) throw new ShortCodeError();
  return { slot, secret };
}
