// The short code's relay (server/pairSlots.mjs) on the sync server, on loopback: slots are given
// out only to a valid token and expire (an injected clock), close after 5 failed tries, take one joiner at a time and
// relay only between their own two sockets; then a whole pairing through src/db/sync/pairSession.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  createToken,
  revokeToken,
  startSyncServer,
  type SyncServer,
} from '../../server/syncServer.mjs';
import {
  hostShortCode,
  joinShortCode,
  type HostEvent,
  type JoinEvent,
} from '../../src/db/sync/pairSession';
import { parseShortCode } from '../../src/sync/shortCode';
import { tempFolder } from './helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let clock = 1_000_000;
async function start(): Promise<SyncServer> {
  const folder = tempFolder();
  cleanups.push(folder.remove);
  const server = await startSyncServer({
    dbFile: folder.file,
    quiet: true,
    pairing: { now: () => clock, ttlMs: 60_000 },
  });
  cleanups.push(() => server.stop());
  return server;
}

/** A token the running server knows: a paired device's. */
async function tokenOf(server: SyncServer, label = 'Juf Anna'): Promise<string> {
  return (await createToken(server, label)).token;
}

type Msg = { t: string; slot?: string; reason?: string; d?: unknown; fails?: number };

/** A raw /pair socket that hands out the server's messages in order. */
async function socket(server: SyncServer) {
  const ws = new WebSocket(`${server.url}/pair`);
  const inbox: Msg[] = [];
  const waiting: ((m: Msg) => void)[] = [];
  ws.on('message', (data: Buffer) => {
    const m = JSON.parse(String(data)) as Msg;
    const w = waiting.shift();
    if (w) w(m);
    else inbox.push(m);
  });
  const closed = new Promise<void>((resolve) => ws.on('close', () => resolve()));
  cleanups.push(() => ws.close());
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return {
    send: (m: Record<string, unknown>) => ws.send(JSON.stringify(m)),
    next: () =>
      new Promise<Msg>((resolve) => {
        const m = inbox.shift();
        if (m) resolve(m);
        else waiting.push(resolve);
      }),
    pending: () => inbox.length,
    closed,
  };
}

async function openSlot(server: SyncServer) {
  const host = await socket(server);
  host.send({ t: 'open', token: await tokenOf(server) });
  const m = await host.next();
  expect(m.t).toBe('slot');
  expect(m.slot).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
  return { host, slot: m.slot! };
}

async function join(server: SyncServer, slot: string) {
  const joiner = await socket(server);
  joiner.send({ t: 'join', slot });
  return joiner;
}

describe('pair slots', { timeout: 60_000 }, () => {
  it('listens on 127.0.0.1 and gives out a slot that relays between its two sockets only', async () => {
    const server = await start();
    expect(server.host).toBe('127.0.0.1');
    const { host, slot } = await openSlot(server);
    const other = await openSlot(server);
    expect(other.slot).not.toBe(slot);
    const joiner = await join(server, slot);
    expect(await joiner.next()).toEqual({ t: 'joined' });
    expect(await host.next()).toEqual({ t: 'joined' });

    joiner.send({ t: 'relay', d: { k: 'commit', c: 'abc' } });
    expect(await host.next()).toEqual({ t: 'relay', d: { k: 'commit', c: 'abc' } });
    host.send({ t: 'relay', d: { k: 'hello', p: 'xyz' } });
    expect(await joiner.next()).toEqual({ t: 'relay', d: { k: 'hello', p: 'xyz' } });
    // The other slot's host heard nothing of it.
    other.host.send({ t: 'relay', d: 'into the void' });
    host.send({ t: 'done' });
    expect(await host.next()).toEqual({ t: 'closed', reason: 'done' });
    expect(await joiner.next()).toEqual({ t: 'closed', reason: 'done' });
    expect(other.host.pending()).toBe(0);
    expect(server.pairSlots.size).toBe(1);
  });

  it('refuses an unknown slot and a second joiner while one is there', async () => {
    const server = await start();
    const stranger = await join(server, 'ZZZZ');
    expect(await stranger.next()).toEqual({ t: 'error', reason: 'unknown' });
    const { slot } = await openSlot(server);
    const first = await join(server, slot);
    expect(await first.next()).toEqual({ t: 'joined' });
    const second = await join(server, slot);
    expect(await second.next()).toEqual({ t: 'error', reason: 'busy' });
    await second.closed;
  });

  it('expires a slot on the clock: nobody can join it, the host hears why', async () => {
    const server = await start();
    const { host, slot } = await openSlot(server);
    clock += 60_000;
    const late = await join(server, slot);
    expect(await late.next()).toEqual({ t: 'error', reason: 'unknown' });
    expect(await host.next()).toEqual({ t: 'closed', reason: 'expired' });
    expect(server.pairSlots.size).toBe(0);

    // The sweep closes an idle slot too.
    const idle = await openSlot(server);
    clock += 60_000;
    server.pairSlots.sweep();
    expect(await idle.host.next()).toEqual({ t: 'closed', reason: 'expired' });
  });

  it('closes the slot after 5 failed tries (a refusal or a joiner that leaves)', async () => {
    const server = await start();
    const { host, slot } = await openSlot(server);
    for (let fails = 1; fails <= 4; fails++) {
      const joiner = await join(server, slot);
      expect(await joiner.next()).toEqual({ t: 'joined' });
      expect(await host.next()).toEqual({ t: 'joined' });
      host.send({ t: 'fail' });
      expect(await joiner.next()).toEqual({ t: 'closed', reason: 'failed' });
      expect(await host.next()).toEqual({ t: 'left', fails, maxFails: 5 });
    }
    const fifth = await join(server, slot);
    expect(await fifth.next()).toEqual({ t: 'joined' });
    expect(await host.next()).toEqual({ t: 'joined' });
    host.send({ t: 'fail' });
    expect(await host.next()).toEqual({ t: 'closed', reason: 'tooManyTries' });
    const sixth = await join(server, slot);
    expect(await sixth.next()).toEqual({ t: 'error', reason: 'unknown' });
  });

  it('opens a slot only for a token the server knows and has not revoked', async () => {
    const server = await start();
    for (const token of [undefined, '', 'not-a-token', 42]) {
      const stranger = await socket(server);
      stranger.send({ t: 'open', token });
      expect(await stranger.next()).toEqual({ t: 'error', reason: 'refused' });
      await stranger.closed;
    }
    const token = await tokenOf(server, 'Meester Bas');
    await revokeToken(server, 'Meester Bas');
    const revoked = await socket(server);
    revoked.send({ t: 'open', token });
    expect(await revoked.next()).toEqual({ t: 'error', reason: 'refused' });
    expect(server.pairSlots.size).toBe(0);
    // A socket that is still waiting for the check sends nothing else through.
    const early = await socket(server);
    early.send({ t: 'open', token: await tokenOf(server) });
    early.send({ t: 'relay', d: 'too soon' });
    expect(await early.next()).toEqual({ t: 'error', reason: 'bad' });
  });

  it('refuses what is not a slot message', async () => {
    const server = await start();
    const ws = await socket(server);
    ws.send({ t: 'relay', d: 'no slot' });
    expect(await ws.next()).toEqual({ t: 'error', reason: 'bad' });
  });
});

describe('short code pairing over the relay', { timeout: 60_000 }, () => {
  const factory = (url: string) => new WebSocket(url) as unknown as globalThis.WebSocket;

  /** A host and a joiner; events are collected and awaited by kind. */
  function watch<E extends { kind: string }>() {
    const events: E[] = [];
    const waiters: { kind: string; resolve: (e: E) => void }[] = [];
    return {
      events,
      on: (e: E) => {
        events.push(e);
        for (const w of waiters.filter((w) => w.kind === e.kind)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(e);
        }
      },
      when: <K extends string>(kind: K) =>
        new Promise<Extract<E, { kind: K }>>((resolve) => {
          const seen = events.find((e) => e.kind === kind);
          if (seen) resolve(seen as Extract<E, { kind: K }>);
          else waiters.push({ kind, resolve: resolve as (e: E) => void });
        }),
    };
  }

  /** A paired device (a valid token) showing a short code for 'THE PAIRING'. */
  async function hosting(server: SyncServer) {
    const host = watch<HostEvent>();
    const token = await tokenOf(server);
    const control = hostShortCode(server.url, token, 'THE PAIRING', host.on, factory);
    cleanups.push(control.cancel);
    return { host, control };
  }

  it('pairs: both see the same digits, the pairing arrives after "Klopt"', async () => {
    const server = await start();
    const { host, control } = await hosting(server);
    const { code } = await host.when('code');
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const joiner = watch<JoinEvent>();
    cleanups.push(
      joinShortCode(server.url, parseShortCode(code.toLowerCase()), joiner.on, factory).cancel,
    );
    const [{ digits }, shown] = await Promise.all([host.when('confirm'), joiner.when('digits')]);
    expect(shown.digits).toBe(digits);
    expect(joiner.events.some((e) => e.kind === 'paired')).toBe(false);
    control.confirm(true);
    expect(await joiner.when('paired')).toEqual({ kind: 'paired', text: 'THE PAIRING' });
    await host.when('done');
  });

  it('a wrong secret fails with a clear reason and counts as a try; "Klopt niet" too', async () => {
    const server = await start();
    const { host, control } = await hosting(server);
    const { code } = await host.when('code');
    const { slot, secret } = parseShortCode(code);
    const wrong = secret === '0000' ? '1111' : '0000';
    const guesser = watch<JoinEvent>();
    joinShortCode(server.url, { slot, secret: wrong }, guesser.on, factory);
    expect(await guesser.when('ended')).toEqual({ kind: 'ended', reason: 'wrongSecret' });
    expect(await host.when('tryFailed')).toEqual({
      kind: 'tryFailed',
      why: 'wrongSecret',
      fails: 1,
      maxFails: 5,
    });
    expect(guesser.events.some((e) => e.kind === 'paired')).toBe(false);

    // The right code still works after a failed try; "Klopt niet" refuses it.
    const joiner = watch<JoinEvent>();
    joinShortCode(server.url, { slot, secret }, joiner.on, factory);
    await host.when('confirm');
    control.confirm(false);
    expect(await joiner.when('ended')).toEqual({ kind: 'ended', reason: 'rejected' });
    expect(joiner.events.some((e) => e.kind === 'paired')).toBe(false);
  });

  it('a device whose token the server does not know gets no code, and hears why', async () => {
    const server = await start();
    const host = watch<HostEvent>();
    hostShortCode(server.url, 'a-revoked-token', 'THE PAIRING', host.on, factory);
    expect(await host.when('ended')).toEqual({ kind: 'ended', reason: 'refused' });
    expect(host.events.some((e) => e.kind === 'code')).toBe(false);
  });
});
