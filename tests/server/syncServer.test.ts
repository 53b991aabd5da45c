// The sync server of issue 13 on loopback: providers converge through it, it refuses what a
// token does not open, it keeps everything across a restart in a SQLite file, and it listens
// only where it is told. Every wait is on an event (or a file that must come to hold a value),
// with generous limits; nothing is timed.
import { readFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { networkInterfaces } from 'node:os';
import initSqlJs from 'sql.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  createToken,
  listTokens,
  revokeToken,
  startSyncServer,
  type SyncServer,
} from '../../server/syncServer.mjs';
import { connect, tempFolder, WAIT, whenDoc, whenSent, type Client } from './helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(file: string): Promise<SyncServer> {
  const server = await startSyncServer({ dbFile: file, quiet: true });
  cleanups.push(() => server.stop());
  return server;
}

function open(server: SyncServer, name: string, token: string): Client {
  const client = connect(server.url, name, token);
  cleanups.push(client.close);
  return client;
}

function tmp() {
  const folder = tempFolder();
  cleanups.push(folder.remove);
  return folder;
}

const taps = (doc: Y.Doc) => doc.getMap<string>('taps');

/** The document states in a sync database file, read with sql.js as any SQLite tool would. */
async function storedDocuments(file: string): Promise<Map<string, Uint8Array>> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(readFileSync(file));
  try {
    const rows = db.exec('SELECT name, state FROM documents')[0]?.values ?? [];
    return new Map(rows.map(([name, state]) => [String(name), state as Uint8Array]));
  } finally {
    db.close();
  }
}

function docFrom(state: Uint8Array | undefined): Y.Doc {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

describe('sync server', () => {
  it('relays edits between two devices of one teacher, both ways', async () => {
    const { file } = tmp();
    const server = await start(file);
    const { teacherId, token } = await createToken(server, 'Juf Anna');
    const name = `${teacherId}/class-1`;
    const phone = open(server, name, token);
    const laptop = open(server, name, token);
    await Promise.all([phone.synced, laptop.synced]);

    taps(phone.doc).set('e1', 'tap from the phone');
    taps(laptop.doc).set('e2', 'tap from the laptop');
    await whenDoc(laptop.doc, () => taps(laptop.doc).get('e1'));
    await whenDoc(phone.doc, () => taps(phone.doc).get('e2'));
    expect(taps(phone.doc).toJSON()).toEqual(taps(laptop.doc).toJSON());
  });

  it('refuses a wrong token, another teacher’s document and a name without a document', async () => {
    const { file } = tmp();
    const server = await start(file);
    const anna = await createToken(server, 'Juf Anna');
    const bram = await createToken(server, 'Meester Bram');

    const wrong = open(server, `${anna.teacherId}/class-1`, 'not-a-token');
    const other = open(server, `${anna.teacherId}/class-1`, bram.token);
    const bare = open(server, `${anna.teacherId}/`, anna.token);
    const noPrefix = open(server, 'class-1', anna.token);
    for (const client of [wrong, other, bare, noPrefix]) {
      await expect(client.refused).resolves.toEqual(expect.any(String));
    }
    // Bram still reaches his own documents.
    await open(server, `${bram.teacherId}/class-1`, bram.token).synced;
  });

  it('refuses a revoked token and closes the connections it had', async () => {
    const { file } = tmp();
    const server = await start(file);
    const { teacherId, token } = await createToken(server, 'Juf Anna');
    const phone = open(server, `${teacherId}/class-1`, token);
    await phone.synced;

    const revoked = await revokeToken(server, teacherId);
    expect(revoked).toHaveLength(1);
    // The open connection is closed; its provider reconnects and is refused.
    await expect(phone.refused).resolves.toEqual(expect.any(String));
    await expect(open(server, `${teacherId}/class-2`, token).refused).resolves.toEqual(
      expect.any(String),
    );
    const [row] = await listTokens(server);
    expect(row?.revokedAt).not.toBeNull();
  });

  it('keeps every document across a restart with the same file', async () => {
    const { file } = tmp();
    let server = await start(file);
    const { teacherId, token } = await createToken(server, 'Juf Anna');
    const name = `${teacherId}/class-1`;
    const phone = open(server, name, token);
    const laptop = open(server, name, token);
    await Promise.all([phone.synced, laptop.synced]);
    for (let i = 0; i < 50; i++) taps(phone.doc).set(`e${i}`, `tap ${i}`);
    // The laptop has the last tap, so the server has all of them.
    await whenDoc(laptop.doc, () => taps(laptop.doc).get('e49'));
    phone.close();
    laptop.close();
    await server.stop();

    server = await start(file);
    const later = open(server, name, token);
    await later.synced;
    expect(taps(later.doc).size).toBe(50);
    expect(taps(later.doc).get('e0')).toBe('tap 0');
  });

  it('stores each change in a SQLite file without waiting for a stop', async () => {
    const { file } = tmp();
    const server = await start(file);
    const { teacherId, token } = await createToken(server, 'Juf Anna');
    const name = `${teacherId}/class-1`;
    const phone = open(server, name, token);
    await phone.synced;
    taps(phone.doc).set('e1', 'a tap that must reach the disk');

    // Hocuspocus stores after its short debounce; the file must come to hold the tap.
    await vi.waitFor(async () => {
      const doc = docFrom((await storedDocuments(file)).get(name));
      expect(taps(doc).get('e1')).toBe('a tap that must reach the disk');
    }, WAIT);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    // The token is kept only as its hash.
    expect(bytes.includes(Buffer.from(token))).toBe(false);
  });

  it('listens on 127.0.0.1 only', async () => {
    const { file } = tmp();
    const server = await start(file);
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toBe(`ws://127.0.0.1:${server.port}`);
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (outside) {
      const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
        const socket = tcpConnect({ host: outside.address, port: server.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(null);
        });
        socket.once('error', resolve);
      });
      expect(error?.code).toBe('ECONNREFUSED');
    }
  });

  it('stops without leaving sockets, servers or timers behind', async () => {
    const { file } = tmp();
    const counted = new Set(['TCPServerWrap', 'TCPSocketWrap', 'Timeout']);
    const count = () => process.getActiveResourcesInfo().filter((r) => counted.has(r)).length;
    const before = count();
    const server = await startSyncServer({ dbFile: file, quiet: true });
    const { teacherId, token } = await createToken(server, 'Juf Anna');
    const phone = connect(server.url, `${teacherId}/class-1`, token);
    await phone.synced;
    taps(phone.doc).set('e1', 'tap');
    await whenSent(phone.provider);
    await server.stop();
    phone.close();
    await vi.waitFor(() => expect(count()).toBeLessThanOrEqual(before), WAIT);
    // And the last tap was stored by stop().
    const doc = docFrom((await storedDocuments(file)).get(`${teacherId}/class-1`));
    expect(taps(doc).get('e1')).toBe('tap');
  });
});
