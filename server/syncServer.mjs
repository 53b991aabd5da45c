// @ts-check
// The sync server a school runs for issue 13: Hocuspocus 3.4 relays and stores each teacher's Yjs
// documents; SQLite (sql.js) keeps them and the token hashes in one file. The server sees only
// what the app sends it: the app encrypts names and texts before they enter a document.
//
// We create the HTTP server ourselves and hand WebSocket upgrades to Hocuspocus, because
// Hocuspocus 3.4's own listen() passes its `address` option where Node expects `host` and so
// listens on every interface.
import { createServer } from 'node:http';
import { Hocuspocus } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { claimServerFile, SyncStore, SyncStoreError } from './store.mjs';
import { authorise, validToken } from './tokens.mjs';
import { createPairSlots } from './pairSlots.mjs';

export { createToken, listTokens, revokeToken, hashToken } from './tokens.mjs';
export { SyncStoreError } from './store.mjs';

/** How often a running server looks whether the token command changed the file. */
const TOKEN_CHECK_MS = 2000;
/** WebSocket close code for a connection whose token was revoked (4000–4999: application). */
const REVOKED_CLOSE = 4403;
/** How soon a failed write of the database file is tried again. */
const RETRY_MS = 5000;

/**
 * @typedef {object} SyncServer
 * @property {string} url ws://host:port
 * @property {number} port
 * @property {string} host
 * @property {SyncStore} store The server's database (token functions accept the server itself).
 * @property {(hashes: string[]) => void} onRevoked Closes the connections of revoked tokens.
 * @property {() => { rss: number, documents: number, connections: number, fileWrites: number }} stats
 * @property {ReturnType<typeof createPairSlots>} pairSlots The short code's slots (path /pair).
 * @property {() => Promise<void>} stop Stores every document, closes every connection and the
 *   database file; resolves when nothing of the server is left running.
 */

/**
 * Starts a sync server listening on `host` only. A document is stored `debounce` ms after its
 * last change, during a stream of changes at the latest `maxDebounce` ms after the first: each
 * store encodes the whole document and writes the whole file (docs/sync.md, "How often it stores").
 * @param {{ host?: string, port?: number, dbFile: string, quiet?: boolean,
 *   debounce?: number, maxDebounce?: number,
 *   pairing?: import('./pairSlots.mjs').PairOptions }} options
 * @returns {Promise<SyncServer>}
 */
export async function startSyncServer({
  host = '127.0.0.1',
  port = 0,
  dbFile,
  quiet = false,
  debounce = 5000,
  maxDebounce = 30_000,
  pairing = {},
}) {
  if (!dbFile) throw new SyncStoreError('say where the database file is (dbFile)');
  const release = await claimServerFile(dbFile);
  /** @type {SyncStore} */
  let store;
  try {
    store = await SyncStore.open(dbFile);
  } catch (error) {
    await release();
    throw error;
  }
  const log = quiet ? () => {} : (/** @type {string} */ line) => console.log(line);
  const warn = (/** @type {string} */ line) => console.error(line);
  /** Set by stop() once it has stored every document itself. */
  let stopped = false;

  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce,
    maxDebounce,
    extensions: [
      new Database({
        fetch: async ({ documentName }) => store.getDocument(documentName),
        store: async ({ documentName, state }) => {
          if (stopped) return;
          store.putDocument(documentName, state);
          await flushOrRetry();
        },
      }),
    ],
    async onAuthenticate({ token, documentName }) {
      // A token just created or revoked by the token command must count at once.
      await checkTokenFile();
      const row = authorise(store, token, documentName);
      return { tokenHash: row.hash, teacherId: row.teacherId };
    },
  });

  /** @type {NodeJS.Timeout | null} */
  let retry = null;
  /**
   * Writes the file. When that fails (disk full, permissions changed) the documents stay in the
   * in-memory database and the write is tried again every few seconds: throwing here would make
   * an unhandled rejection inside Hocuspocus's debouncer and end the process.
   */
  async function flushOrRetry() {
    try {
      await store.flush();
    } catch (error) {
      warn(`sync: could not write ${dbFile}: ${error instanceof Error ? error.message : error}`);
      retry ??= setTimeout(() => {
        retry = null;
        if (!stopped) void flushOrRetry();
      }, RETRY_MS);
    }
  }

  /** Takes over tokens the token command created or revoked in the file meanwhile. */
  async function checkTokenFile() {
    try {
      closeRevoked(await store.mergeTokensIfChanged());
    } catch (error) {
      // The tokens in memory stay valid; the file is checked again later.
      warn(`sync: could not read ${dbFile}: ${error instanceof Error ? error.message : error}`);
    }
  }

  /** @param {string[]} hashes */
  function closeRevoked(hashes) {
    if (!hashes.length) return;
    const revoked = new Set(hashes);
    for (const document of hocuspocus.documents.values()) {
      for (const [socket, { connection }] of document.connections) {
        const context = /** @type {{ tokenHash?: string }} */ (connection.context);
        if (context.tokenHash && revoked.has(context.tokenHash)) {
          socket.close(REVOKED_CLOSE, 'token revoked');
        }
      }
    }
  }

  const wss = new WebSocketServer({ noServer: true });
  const pairSlots = createPairSlots(async (token) => {
    await checkTokenFile();
    return validToken(store, token) !== null;
  }, pairing);
  const http = createServer((request, response) => {
    // A plain request (a health check, a browser) gets a short answer and nothing else.
    response.writeHead(request.url === '/health' ? 200 : 426, { 'Content-Type': 'text/plain' });
    response.end(request.url === '/health' ? 'ok\n' : 'Spiegel sync server: use a WebSocket.\n');
  });
  http.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    // `/pair` (also behind a proxy's path prefix) is the short code's relay; the rest is sync.
    const pair = (request.url ?? '').split('?')[0]?.endsWith('/pair');
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', (error) => warn(`sync: connection error: ${error.message}`));
      if (pair) pairSlots.handle(ws);
      else hocuspocus.handleConnection(ws, request);
    });
  });

  await new Promise((resolve, reject) => {
    /** @param {NodeJS.ErrnoException} error */
    const fail = (error) => {
      const why =
        error.code === 'EADDRINUSE'
          ? `port ${port} on ${host} is in use`
          : error.code === 'EADDRNOTAVAIL'
            ? `${host} is not an address of this machine`
            : error.code === 'EACCES'
              ? `no permission to listen on ${host}:${port}`
              : error.message;
      reject(new SyncStoreError(why));
    };
    http.once('error', fail);
    http.listen({ host, port }, () => {
      http.off('error', fail);
      resolve(undefined);
    });
  }).catch(async (/** @type {unknown} */ error) => {
    await store.close();
    await release();
    throw error;
  });

  http.on('error', (error) => warn(`sync: ${error.message}`));
  const address = http.address();
  if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `ws://${shownHost}:${address.port}`;
  log(`Spiegel sync server listening on ${url} (database ${dbFile})`);
  // The hooks Hocuspocus's own Server would run, for extensions that rely on them (e.g. Redis).
  await hocuspocus.hooks('onListen', {
    instance: hocuspocus,
    configuration: hocuspocus.configuration,
    port: address.port,
  });

  const tokenCheck = setInterval(() => void checkTokenFile(), TOKEN_CHECK_MS);
  tokenCheck.unref();

  /** @type {Promise<void> | null} */
  let stopping = null;
  async function stop() {
    stopping ??= (async () => {
      clearInterval(tokenCheck);
      pairSlots.stop();
      if (retry) clearTimeout(retry);
      const closed = new Promise((resolve) => http.close(() => resolve(undefined)));
      // Run the stores Hocuspocus has scheduled (this clears their timers), then keep every
      // loaded document's current state ourselves, so nothing waits on a debounce.
      const names = [...hocuspocus.documents.keys()];
      await Promise.allSettled(
        names.map((name) => hocuspocus.debouncer.executeNow(`onStoreDocument-${name}`)),
      );
      for (const [name, document] of hocuspocus.documents) {
        if (!document.isLoading) store.putDocument(name, Y.encodeStateAsUpdate(document));
      }
      stopped = true;
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      http.closeAllConnections();
      await store.close();
      await release();
      await closed;
      for (const document of hocuspocus.documents.values()) document.destroy();
      hocuspocus.documents.clear();
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
      log('Spiegel sync server stopped; everything is stored.');
    })();
    return stopping;
  }

  /** @type {SyncServer} */
  const server = {
    url,
    port: address.port,
    host: address.address,
    store,
    onRevoked: closeRevoked,
    pairSlots,
    stats: () => ({
      rss: process.memoryUsage().rss,
      documents: hocuspocus.getDocumentsCount(),
      connections: hocuspocus.getConnectionsCount(),
      fileWrites: store.writes,
    }),
    stop,
  };
  return server;
}
