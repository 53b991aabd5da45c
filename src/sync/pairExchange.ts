/**
 * The key exchange behind the short pairing code (docs/sync.md, "The short code"). Pure: it turns
 * messages into messages; src/db/sync/pairSession.ts carries them over the server's /pair relay.
 *
 * 1. joiner → host  `commit`  SHA-256 of the joiner's ephemeral P-256 public key
 * 2. host → joiner  `hello`   the host's public key
 * 3. joiner → host  `reveal`  the joiner's public key and a key confirmation sealed with the key
 * 4. host → joiner  `payload` the pairing (server, teacher id, token, sync key), sealed, only
 *                             after the teacher saw the same 4 digits on both screens
 *
 * The key is HKDF-SHA-256 over the ECDH secret, salted with the 4-character secret of the code and
 * bound to the slot and both public keys. The relaying server knows neither the secret nor either
 * private key; the commitment stops it from choosing its key after seeing the host's, so a
 * substituted key shows as different digits. A wrong secret fails the key confirmation.
 */
import { fromBase64Url, toBase64Url } from './encoding';

const INFO = 'spiegel-pair v1';
const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const NONCE_BYTES = 12;

export type PairFailure = 'wrongSecret' | 'commitment' | 'tampered' | 'rejected';

export type PairMessage =
  | { k: 'commit'; c: string }
  | { k: 'hello'; p: string }
  | { k: 'reveal'; p: string; x: string }
  | { k: 'payload'; x: string }
  | { k: 'fail'; why: PairFailure };

/** The exchange cannot go on: the reason says why (a wrong secret, a changed message, …). */
export class PairExchangeError extends Error {
  constructor(readonly why: PairFailure) {
    super(`Pairing failed: ${why}`);
    this.name = 'PairExchangeError';
  }
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A copy backed by a plain ArrayBuffer, as WebCrypto's types ask. */
const buf = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function decode(text: unknown): Uint8Array<ArrayBuffer> {
  if (typeof text !== 'string') throw new PairExchangeError('tampered');
  try {
    return buf(fromBase64Url(text));
  } catch {
    throw new PairExchangeError('tampered');
  }
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', buf(bytes)));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

interface Ephemeral {
  keys: CryptoKeyPair;
  publicKey: Uint8Array;
}

async function ephemeral(): Promise<Ephemeral> {
  const keys = await crypto.subtle.generateKey(CURVE, false, ['deriveBits']);
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey));
  return { keys, publicKey };
}

async function commitment(publicKey: Uint8Array): Promise<Uint8Array> {
  return sha256(concat(utf8(`${INFO} commit`), publicKey));
}

export interface SessionKey {
  key: CryptoKey;
  /** 4 digits both screens show; equal only when both derived the same key from the same keys. */
  digits: string;
}

/** ECDH, then HKDF salted with the secret and bound to the slot and both public keys. */
async function deriveSession(
  own: CryptoKeyPair,
  peer: Uint8Array,
  secret: string,
  slot: string,
  hostPublic: Uint8Array,
  joinerPublic: Uint8Array,
): Promise<SessionKey> {
  let peerKey: CryptoKey;
  try {
    peerKey = await crypto.subtle.importKey('raw', buf(peer), CURVE, false, []);
  } catch {
    throw new PairExchangeError('tampered');
  }
  const shared = await crypto.subtle.deriveBits(
    { name: 'ECDH', public: peerKey },
    own.privateKey,
    256,
  );
  const ikm = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveBits']);
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits(
      {
        name: 'HKDF',
        hash: 'SHA-256',
        salt: utf8(secret),
        info: concat(utf8(`${INFO} ${slot}`), hostPublic, joinerPublic),
      },
      ikm,
      (32 + 4) * 8,
    ),
  );
  const key = await crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
  const n = new DataView(bits.buffer, 32, 4).getUint32(0);
  return { key, digits: String(n % 10_000).padStart(4, '0') };
}

async function seal(key: CryptoKey, text: string, label: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8(`${INFO} ${label}`) },
    key,
    utf8(text),
  );
  return toBase64Url(concat(iv, new Uint8Array(sealed)));
}

/** The text, or null when the key (so the secret) differs or the bytes were changed. */
async function open(key: CryptoKey, sealed: unknown, label: string): Promise<string | null> {
  const bytes = decode(sealed);
  if (bytes.length < NONCE_BYTES + 16) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: bytes.slice(0, NONCE_BYTES),
        additionalData: utf8(`${INFO} ${label}`),
      },
      key,
      bytes.slice(NONCE_BYTES),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

const CONFIRM = 'spiegel-pair-confirm';

/** A message from the relay, checked for its kind; anything else is a tampered exchange. */
export function readMessage(data: unknown): PairMessage {
  const m = data as { k?: unknown } | null;
  const kinds = ['commit', 'hello', 'reveal', 'payload', 'fail'];
  if (!m || typeof m !== 'object' || typeof m.k !== 'string' || !kinds.includes(m.k))
    throw new PairExchangeError('tampered');
  return m as PairMessage;
}

function want<K extends PairMessage['k']>(m: PairMessage, k: K): Extract<PairMessage, { k: K }> {
  if (m.k === 'fail') {
    const why = ['wrongSecret', 'commitment', 'tampered', 'rejected'].includes(m.why)
      ? m.why
      : 'tampered';
    throw new PairExchangeError(why);
  }
  if (m.k !== k) throw new PairExchangeError('tampered');
  return m as Extract<PairMessage, { k: K }>;
}

/** The first device (already paired): it holds the code's secret and sends the pairing. */
export class HostExchange {
  private commit: Uint8Array | null = null;
  private session: SessionKey | null = null;

  private constructor(
    private readonly slot: string,
    private readonly secret: string,
    private readonly own: Ephemeral,
  ) {}

  /** A fresh exchange (a new ephemeral key) for each device that joins the slot. */
  static async start(slot: string, secret: string): Promise<HostExchange> {
    return new HostExchange(slot, secret, await ephemeral());
  }

  /** Step 1 → 2: keeps the joiner's commitment, answers with the host's public key. */
  receiveCommit(message: PairMessage): PairMessage {
    const { c } = want(message, 'commit');
    this.commit = decode(c);
    return { k: 'hello', p: toBase64Url(this.own.publicKey) };
  }

  /** Step 3: the joiner's key must match its commitment and its confirmation must open. */
  async receiveReveal(message: PairMessage): Promise<string> {
    const { p, x } = want(message, 'reveal');
    if (!this.commit) throw new PairExchangeError('tampered');
    const joinerPublic = decode(p);
    if (!sameBytes(await commitment(joinerPublic), this.commit))
      throw new PairExchangeError('commitment');
    const session = await deriveSession(
      this.own.keys,
      joinerPublic,
      this.secret,
      this.slot,
      this.own.publicKey,
      joinerPublic,
    );
    if ((await open(session.key, x, 'confirm')) !== CONFIRM)
      throw new PairExchangeError('wrongSecret');
    this.session = session;
    return session.digits;
  }

  /** Step 4, after "Klopt": the pairing code's text, sealed. */
  async payload(text: string): Promise<PairMessage> {
    if (!this.session) throw new PairExchangeError('tampered');
    return { k: 'payload', x: await seal(this.session.key, text, 'payload') };
  }
}

/** The device that typed the code: it commits first, then learns the digits and the pairing. */
export class JoinerExchange {
  private session: SessionKey | null = null;

  private constructor(
    private readonly slot: string,
    private readonly secret: string,
    private readonly own: Ephemeral,
  ) {}

  static async start(slot: string, secret: string): Promise<JoinerExchange> {
    return new JoinerExchange(slot, secret, await ephemeral());
  }

  /** Step 1: the commitment to this device's public key. */
  async commit(): Promise<PairMessage> {
    return { k: 'commit', c: toBase64Url(await commitment(this.own.publicKey)) };
  }

  /** Step 2 → 3: derives the key; the digits to show and the reveal to send. */
  async receiveHello(message: PairMessage): Promise<{ reveal: PairMessage; digits: string }> {
    const hostPublic = decode(want(message, 'hello').p);
    const session = await deriveSession(
      this.own.keys,
      hostPublic,
      this.secret,
      this.slot,
      hostPublic,
      this.own.publicKey,
    );
    this.session = session;
    const reveal: PairMessage = {
      k: 'reveal',
      p: toBase64Url(this.own.publicKey),
      x: await seal(session.key, CONFIRM, 'confirm'),
    };
    return { reveal, digits: session.digits };
  }

  /** Step 4: the pairing text; a message that does not open is refused. */
  async receivePayload(message: PairMessage): Promise<string> {
    const { x } = want(message, 'payload');
    if (!this.session) throw new PairExchangeError('tampered');
    const text = await open(this.session.key, x, 'payload');
    if (text === null) throw new PairExchangeError('tampered');
    return text;
  }
}
