/**
 * The short pairing code over the wire: the sync server's `/pair` relay (server/pairSlots.mjs)
 * carries the exchange of src/sync/pairExchange.ts between the paired device (host) and the new
 * one (joiner). The server learns the slot id and sees sealed messages; the secret half of the
 * code stays on the two devices. Network only, no database: it sits beside the sync session.
 */
import {
  HostExchange,
  JoinerExchange,
  PairExchangeError,
  readMessage,
  type PairFailure,
  type PairMessage,
} from '../../sync/pairExchange';
import { formatShortCode, newShortSecret, type ShortCode } from '../../sync/shortCode';

/** Why a short-code pairing ended without a pairing. */
export type PairEndReason =
  | PairFailure
  | 'unknown'
  | 'busy'
  | 'expired'
  | 'tooManyTries'
  | 'hostLeft'
  | 'connection'
  | 'full'
  | 'refused'
  | 'cancelled';

export type HostEvent =
  | { kind: 'code'; code: string; expiresInMs: number; maxFails: number }
  | { kind: 'joined' }
  | { kind: 'confirm'; digits: string }
  | { kind: 'tryFailed'; why: PairFailure | 'left'; fails: number; maxFails: number }
  | { kind: 'done' }
  | { kind: 'ended'; reason: PairEndReason };

export type JoinEvent =
  | { kind: 'waiting' }
  | { kind: 'digits'; digits: string }
  | { kind: 'paired'; text: string }
  | { kind: 'ended'; reason: PairEndReason };

/** Node 20 has no global WebSocket: tests pass the `ws` package. */
export type SocketFactory = (url: string) => WebSocket;

const browserSocket: SocketFactory = (url) => new WebSocket(url);

/** The relay's address on the sync server (`wss://host[/prefix]` → `…/pair`). */
export function pairUrl(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/pair`;
}

interface ServerMessage {
  t: string;
  slot?: string;
  ttlMs?: number;
  maxFails?: number;
  fails?: number;
  reason?: string;
  d?: unknown;
}

const END_REASONS: readonly string[] = [
  'unknown',
  'busy',
  'expired',
  'tooManyTries',
  'hostLeft',
  'full',
  'refused',
];

/** One socket; messages handled one at a time, in order (the exchange steps are async). */
function relay(
  url: string,
  factory: SocketFactory,
  onMessage: (m: ServerMessage) => Promise<void>,
  onClose: () => void,
) {
  const ws = factory(pairUrl(url));
  let queue = Promise.resolve();
  ws.onmessage = (e: MessageEvent) => {
    queue = queue.then(async () => {
      let m: ServerMessage;
      try {
        m = JSON.parse(String(e.data)) as ServerMessage;
      } catch {
        return;
      }
      await onMessage(m);
    });
    // A step that throws (WebCrypto missing, say) ends the pairing rather than the queue.
    queue = queue.catch(() => ws.close());
  };
  ws.onclose = () => void queue.then(onClose);
  ws.onerror = () => {};
  return {
    ws,
    send: (m: Record<string, unknown>) => {
      if (ws.readyState === 1) ws.send(JSON.stringify(m));
    },
    close: () => ws.close(),
  };
}

export interface HostControl {
  /** The teacher compared the digits: true ("Klopt") sends the pairing, false ends this try. */
  confirm: (same: boolean) => void;
  cancel: () => void;
}

/**
 * Opens a slot on the paired device's server (with its token: only a paired device may) and
 * serves the pairing (`payload`: the text of encodePairing) to a device that types the code, once
 * the teacher confirmed the digits.
 */
export function hostShortCode(
  serverUrl: string,
  token: string,
  payload: string,
  onEvent: (e: HostEvent) => void,
  factory: SocketFactory = browserSocket,
): HostControl {
  const secret = newShortSecret();
  let slot = '';
  let exchange: HostExchange | null = null;
  /** Why this device ended the current try; the server then answers 'left' with the count. */
  let failedWhy: PairFailure | null = null;
  let ended = false;
  const end = (e: HostEvent) => {
    if (ended) return;
    ended = true;
    onEvent(e);
    socket.close();
  };
  const failTry = (why: PairFailure) => {
    exchange = null;
    failedWhy = why;
    socket.send({ t: 'relay', d: { k: 'fail', why } satisfies PairMessage });
    socket.send({ t: 'fail' });
  };
  const socket = relay(
    serverUrl,
    factory,
    async (m) => {
      if (ended) return;
      if (m.t === 'slot' && m.slot) {
        slot = m.slot;
        onEvent({
          kind: 'code',
          code: formatShortCode({ slot, secret }),
          expiresInMs: m.ttlMs ?? 0,
          maxFails: m.maxFails ?? 5,
        });
      } else if (m.t === 'joined') {
        exchange = await HostExchange.start(slot, secret);
        onEvent({ kind: 'joined' });
      } else if (m.t === 'relay' && exchange) {
        try {
          const message = readMessage(m.d);
          if (message.k === 'commit') {
            socket.send({ t: 'relay', d: exchange.receiveCommit(message) });
          } else {
            onEvent({ kind: 'confirm', digits: await exchange.receiveReveal(message) });
          }
        } catch (error) {
          failTry(error instanceof PairExchangeError ? error.why : 'tampered');
        }
      } else if (m.t === 'left') {
        exchange = null;
        const why = failedWhy ?? 'left';
        failedWhy = null;
        onEvent({ kind: 'tryFailed', why, fails: m.fails ?? 0, maxFails: m.maxFails ?? 5 });
      } else if (m.t === 'closed' || m.t === 'error') {
        const reason = m.reason ?? '';
        end({
          kind: 'ended',
          reason: END_REASONS.includes(reason) ? (reason as PairEndReason) : 'connection',
        });
      }
    },
    () => end({ kind: 'ended', reason: 'connection' }),
  );
  socket.ws.onopen = () => socket.send({ t: 'open', token });
  return {
    confirm: (same) => {
      const current = exchange;
      if (!current || ended) return;
      if (!same) return failTry('rejected');
      void current.payload(payload).then((message) => {
        socket.send({ t: 'relay', d: message });
        socket.send({ t: 'done' });
        end({ kind: 'done' });
      });
    },
    cancel: () => end({ kind: 'ended', reason: 'cancelled' }),
  };
}

/** Joins the slot of a typed code; the pairing text arrives after "Klopt" on the other device. */
export function joinShortCode(
  serverUrl: string,
  code: ShortCode,
  onEvent: (e: JoinEvent) => void,
  factory: SocketFactory = browserSocket,
): { cancel: () => void } {
  let exchange: JoinerExchange | null = null;
  let ended = false;
  const end = (e: JoinEvent) => {
    if (ended) return;
    ended = true;
    onEvent(e);
    socket.close();
  };
  const fail = (reason: PairEndReason) => end({ kind: 'ended', reason });
  const socket = relay(
    serverUrl,
    factory,
    async (m) => {
      if (ended) return;
      if (m.t === 'joined') {
        exchange = await JoinerExchange.start(code.slot, code.secret);
        socket.send({ t: 'relay', d: await exchange.commit() });
        onEvent({ kind: 'waiting' });
      } else if (m.t === 'relay' && exchange) {
        try {
          const message = readMessage(m.d);
          if (message.k === 'payload') {
            end({ kind: 'paired', text: await exchange.receivePayload(message) });
          } else {
            const { reveal, digits } = await exchange.receiveHello(message);
            socket.send({ t: 'relay', d: reveal });
            onEvent({ kind: 'digits', digits });
          }
        } catch (error) {
          fail(error instanceof PairExchangeError ? error.why : 'tampered');
        }
      } else if (m.t === 'closed' || m.t === 'error') {
        const reason = m.reason ?? '';
        // 'failed': the host refused this try without saying why (its message came first).
        fail(END_REASONS.includes(reason) ? (reason as PairEndReason) : 'connection');
      }
    },
    () => fail('connection'),
  );
  socket.ws.onopen = () => socket.send({ t: 'join', slot: code.slot });
  return { cancel: () => fail('cancelled') };
}
