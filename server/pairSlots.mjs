// @ts-check
// The short pairing code's meeting point (docs/sync.md, "The short code"): WebSocket path /pair on
// the sync server. A paired device opens a slot with its sync token (so a stranger cannot fill the
// server with slots) and gets a random 4-character slot id; a new device joins it with that id.
// The server only relays messages between the slot's two sockets: the code's secret half never
// reaches it, and what it relays is a key exchange and a sealed payload it cannot open. Slots live
// in memory only, expire after a few minutes, take one joiner at a time and close after 5 failed
// tries.
import { randomBytes } from 'node:crypto';

export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SLOT_TTL_MS = 5 * 60_000;
export const MAX_FAILS = 5;
/** More open slots than a school's teachers would ever need at once; beyond it, 'full'. */
const MAX_SLOTS = 2000;
/** A relayed message is a public key, a hash or a sealed pairing: a few hundred bytes. */
const MAX_MESSAGE = 8 * 1024;
const SWEEP_MS = 10_000;

/**
 * @typedef {import('ws').WebSocket} Socket
 * @typedef {{ id: string, host: Socket, joiner: Socket | null, fails: number, expiresAt: number }} Slot
 * @typedef {{ now?: () => number, ttlMs?: number, maxFails?: number }} PairOptions
 * @typedef {(token: string) => boolean | Promise<boolean>} MayHost Whether a token may open a slot.
 */

/** @param {Socket} ws @param {Record<string, unknown>} message */
function send(ws, message) {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

function newSlotId() {
  return Array.from(randomBytes(4), (b) => CROCKFORD[b & 31]).join('');
}

/**
 * @param {MayHost} mayHost Only a paired device (a valid token) may open a slot.
 * @param {PairOptions} [options]
 */
export function createPairSlots(
  mayHost,
  { now = Date.now, ttlMs = SLOT_TTL_MS, maxFails = MAX_FAILS } = {},
) {
  /** @type {Map<string, Slot>} */
  const slots = new Map();

  /** Ends a slot: both sockets hear why (when they should) and are closed. @param {Slot} slot */
  function close(slot, /** @type {string} */ reason) {
    if (slots.get(slot.id) !== slot) return;
    slots.delete(slot.id);
    send(slot.host, { t: 'closed', reason });
    slot.host.close(1000, reason);
    if (slot.joiner) {
      send(slot.joiner, { t: 'closed', reason });
      slot.joiner.close(1000, reason);
    }
  }

  /** @param {Slot} slot */
  function expired(slot) {
    if (now() < slot.expiresAt) return false;
    close(slot, 'expired');
    return true;
  }

  /** The joiner's try failed (wrong secret, "Klopt niet", or it left before the end). @param {Slot} slot */
  function failTry(slot) {
    const joiner = slot.joiner;
    slot.joiner = null;
    slot.fails += 1;
    if (joiner) {
      send(joiner, { t: 'closed', reason: 'failed' });
      joiner.close(1000, 'failed');
    }
    if (slot.fails >= maxFails) close(slot, 'tooManyTries');
    else send(slot.host, { t: 'left', fails: slot.fails, maxFails });
  }

  function sweep() {
    for (const slot of [...slots.values()]) expired(slot);
  }
  const timer = setInterval(sweep, SWEEP_MS);
  timer.unref();

  /** Takes a socket that asked for /pair. @param {Socket} ws */
  function handle(ws) {
    /** @type {Slot | null} */
    let mine = null;
    /** @type {'opening' | 'host' | 'joiner' | null} */
    let role = null;
    const refuse = (/** @type {string} */ reason) => {
      send(ws, { t: 'error', reason });
      ws.close(1000, reason);
    };

    ws.on('message', (raw, isBinary) => {
      if (isBinary || /** @type {Buffer} */ (raw).length > MAX_MESSAGE) return refuse('bad');
      /** @type {{ t?: unknown, slot?: unknown, token?: unknown, d?: unknown }} */
      let m;
      try {
        m = JSON.parse(String(raw));
      } catch {
        return refuse('bad');
      }
      if (mine && expired(mine)) return;
      if (m.t === 'open' && !role) {
        role = 'opening';
        const token = typeof m.token === 'string' ? m.token : '';
        void Promise.resolve()
          .then(() => mayHost(token))
          .catch(() => false)
          .then((may) => {
            if (!may) return refuse('refused');
            if (ws.readyState !== ws.OPEN) return;
            if (slots.size >= MAX_SLOTS) return refuse('full');
            let id = newSlotId();
            while (slots.has(id)) id = newSlotId();
            mine = { id, host: ws, joiner: null, fails: 0, expiresAt: now() + ttlMs };
            role = 'host';
            slots.set(id, mine);
            send(ws, { t: 'slot', slot: id, ttlMs, maxFails });
          });
        return;
      }
      if (m.t === 'join' && !role) {
        const slot = typeof m.slot === 'string' ? slots.get(m.slot) : undefined;
        if (!slot || expired(slot)) return refuse('unknown');
        if (slot.joiner) return refuse('busy');
        slot.joiner = ws;
        mine = slot;
        role = 'joiner';
        send(slot.host, { t: 'joined' });
        return send(ws, { t: 'joined' });
      }
      if (!mine || slots.get(mine.id) !== mine) return refuse('bad');
      if (m.t === 'relay') {
        // Only between this slot's two sockets, and only the one joiner it has now.
        const to = role === 'host' ? mine.joiner : mine.joiner === ws ? mine.host : null;
        if (to) send(to, { t: 'relay', d: m.d });
        return;
      }
      if (role === 'host' && m.t === 'fail' && mine.joiner) return failTry(mine);
      if (role === 'host' && m.t === 'done' && mine.joiner) return close(mine, 'done');
      refuse('bad');
    });

    ws.on('close', () => {
      if (!mine || slots.get(mine.id) !== mine) return;
      if (role === 'host') close(mine, 'hostLeft');
      else if (mine.joiner === ws) failTry(mine);
    });
  }

  return {
    handle,
    sweep,
    /** How many slots are open (for tests and stats). */
    get size() {
      return slots.size;
    },
    stop() {
      clearInterval(timer);
      for (const slot of [...slots.values()]) close(slot, 'stopped');
    },
  };
}
