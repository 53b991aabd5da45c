// Sync server under a school's load (issue 13): 50 teachers × 6 class documents, each document
// with its own provider and socket (300 in this process), each sending a tap (a small Y.Map set)
// every ~2 s for 30 s on loopback. The server runs in a child process, so its memory (RSS, heap)
// and CPU time (process.cpuUsage) are its own. Afterwards every tap must be in the SQLite file.
// No budget is set by the issue; the figures are reported, with the machine's load average.
// Usage: node scripts/bench/sync-server.mjs  (BENCH_SYNC_TEACHERS=50, BENCH_SYNC_CLASSES=6,
//        BENCH_SYNC_SECONDS=30, BENCH_SYNC_INTERVAL_MS=2000). Any free loopback port.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT, printTable, verdict, writeFigures } from './lib.mjs';

const TEACHERS = Number(process.env.BENCH_SYNC_TEACHERS ?? 50);
const CLASSES = Number(process.env.BENCH_SYNC_CLASSES ?? 6);
const SECONDS = Number(process.env.BENCH_SYNC_SECONDS ?? 30);
const INTERVAL = Number(process.env.BENCH_SYNC_INTERVAL_MS ?? 2000);
const CONNECT_LIMIT_MS = 20_000;
const DRAIN_LIMIT_MS = 15_000;

const serverModule = () => import(pathToFileURL(resolve(ROOT, 'server/syncServer.mjs')).href);
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

/** The child: runs the server and answers `sample` with its memory and CPU time. */
async function serverChild(dbFile) {
  const { startSyncServer } = await serverModule();
  const server = await startSyncServer({ dbFile, quiet: true });
  const sample = () => ({
    ...process.memoryUsage(),
    cpu: process.cpuUsage(),
    ...server.stats(),
  });
  let peakRss = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 250);
  process.on('message', async (message) => {
    if (message === 'sample') process.send({ sample: { ...sample(), peakRss, peakHeap } });
    if (message === 'reset-peaks') {
      peakRss = 0;
      peakHeap = 0;
    }
    if (message === 'stop') {
      clearInterval(sampler);
      await server.stop();
      process.send({ stopped: true }, () => process.exit(0));
    }
  });
  process.send({ url: server.url });
}

/** Sends `message` to the child and resolves with the first answer that has `key`. */
function ask(child, message, key) {
  return new Promise((resolvePromise, reject) => {
    const onMessage = (answer) => {
      if (answer && key in answer) {
        child.off('message', onMessage);
        resolvePromise(answer[key]);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`the server process ended (${code})`)));
    if (message) child.send(message);
  });
}

function withLimit(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export async function runSyncServer() {
  const { HocuspocusProvider, HocuspocusProviderWebsocket } = await import('@hocuspocus/provider');
  const { default: WebSocket } = await import('ws');
  const Y = await import('yjs');
  const { createToken } = await serverModule();
  const dir = mkdtempSync(join(tmpdir(), 'spiegel-bench-sync-'));
  const dbFile = join(dir, 'sync.sqlite');
  const loadStart = load();
  const teachers = [];
  for (let t = 0; t < TEACHERS; t++) teachers.push(await createToken(dbFile, `teacher ${t}`));

  const child = fork(fileURLToPath(import.meta.url), ['--server-child', dbFile], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const clients = [];
  const timers = [];
  try {
    const url = await withLimit(ask(child, null, 'url'), CONNECT_LIMIT_MS, 'starting the server');
    const idle = await ask(child, 'sample', 'sample');

    // Connect every provider and wait for its first sync.
    const clientCpu0 = process.cpuUsage();
    const connectStart = performance.now();
    for (const { teacherId, token } of teachers) {
      for (let c = 0; c < CLASSES; c++) {
        const doc = new Y.Doc();
        const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
        let synced;
        const ready = new Promise((r) => (synced = r));
        const provider = new HocuspocusProvider({
          websocketProvider: socket,
          name: `${teacherId}/class-${c}`,
          token,
          document: doc,
          onSynced: ({ state }) => state && synced(),
        });
        provider.attach();
        clients.push({ doc, socket, provider, ready, sent: 0, name: `${teacherId}/class-${c}` });
      }
    }
    await withLimit(
      Promise.all(clients.map((c) => c.ready)),
      CONNECT_LIMIT_MS,
      `connecting ${clients.length} providers`,
    );
    const connectMs = performance.now() - connectStart;
    const connected = await ask(child, 'sample', 'sample');
    child.send('reset-peaks');

    // Taps: every provider every INTERVAL ms, spread evenly, for SECONDS.
    const tapStart = performance.now();
    const until = tapStart + SECONDS * 1000;
    clients.forEach((client, i) => {
      const tap = () => {
        if (performance.now() >= until) return;
        const id = `e${client.sent++}`;
        client.doc.getMap('taps').set(id, { kind: 'beurt', pupil: 'p7', at: Date.now() });
        timers.push(setTimeout(tap, INTERVAL));
      };
      timers.push(setTimeout(tap, (i / clients.length) * INTERVAL));
    });
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    // Every change acknowledged by the server.
    await withLimit(
      Promise.all(
        clients.map(
          (c) =>
            new Promise((r) => {
              if (!c.provider.hasUnsyncedChanges) return r();
              c.provider.on('unsyncedChanges', ({ number }) => number === 0 && r());
            }),
        ),
      ),
      DRAIN_LIMIT_MS,
      'acknowledging every tap',
    );
    const tapMs = performance.now() - tapStart;
    const busy = await ask(child, 'sample', 'sample');
    const clientCpu = process.cpuUsage(clientCpu0);
    for (const c of clients) {
      c.socket.connect = () => Promise.resolve();
      c.provider.destroy();
      c.socket.destroy();
    }
    await ask(child, 'stop', 'stopped');

    // Every tap must be in the file.
    const { default: initSqlJs } = await import('sql.js');
    const SQL = await initSqlJs();
    const db = new SQL.Database(readFileSync(dbFile));
    const stored = new Map(
      (db.exec('SELECT name, state FROM documents')[0]?.values ?? []).map(([n, s]) => [n, s]),
    );
    db.close();
    let storedTaps = 0;
    const sentTaps = clients.reduce((sum, c) => sum + c.sent, 0);
    for (const c of clients) {
      const doc = new Y.Doc();
      const state = stored.get(c.name);
      if (state) Y.applyUpdate(doc, state);
      storedTaps += doc.getMap('taps').size;
    }

    const cpuMs = (a, b) => (b.user + b.system - a.user - a.system) / 1000;
    const serverCpuMs = cpuMs(connected.cpu, busy.cpu);
    const figures = {
      teachers: TEACHERS,
      documents: clients.length,
      seconds: SECONDS,
      intervalMs: INTERVAL,
      connectMs,
      tapMs,
      sentTaps,
      storedTaps,
      server: {
        idle: { rss: idle.rss, heapUsed: idle.heapUsed },
        connected: { rss: connected.rss, heapUsed: connected.heapUsed },
        underLoad: {
          rss: busy.rss,
          heapUsed: busy.heapUsed,
          peakRss: busy.peakRss,
          peakHeap: busy.peakHeap,
        },
        cpuMsDuringTaps: serverCpuMs,
        cpuShareOfOneCore: serverCpuMs / tapMs,
        connections: connected.connections,
        cpuMsConnecting: cpuMs(idle.cpu, connected.cpu),
        fileWritesDuringTaps: busy.fileWrites - connected.fileWrites,
      },
      clientsCpuMs: (clientCpu.user + clientCpu.system) / 1000,
      dbFileBytes: statSync(dbFile).size,
      loadStart,
      loadEnd: load(),
      withinBudget: storedTaps === sentTaps,
    };
    console.log(
      `${TEACHERS} teachers × ${CLASSES} classes = ${clients.length} providers, a tap every ${INTERVAL / 1000} s for ${SECONDS} s on loopback\n`,
    );
    printTable(
      ['server process', 'RSS', 'heap used', 'CPU time'],
      [
        ['idle (started, no clients)', mb(idle.rss), mb(idle.heapUsed), ''],
        [
          `${connected.connections} providers connected (${(connectMs / 1000).toFixed(1)} s)`,
          mb(connected.rss),
          mb(connected.heapUsed),
          `${figures.server.cpuMsConnecting.toFixed(0)} ms`,
        ],
        [
          `after ${sentTaps} taps in ${(tapMs / 1000).toFixed(1)} s`,
          mb(busy.rss),
          mb(busy.heapUsed),
          `${serverCpuMs.toFixed(0)} ms (${(100 * figures.server.cpuShareOfOneCore).toFixed(1)} % of a core)`,
        ],
        ['peak while tapping', mb(busy.peakRss), mb(busy.peakHeap), ''],
      ],
    );
    console.log(
      `\ntaps stored in the SQLite file: ${storedTaps} of ${sentTaps} (${verdict(figures.withinBudget)}); file ${mb(figures.dbFileBytes)}, written ${figures.server.fileWritesDuringTaps} times while tapping; the 300 clients used ${figures.clientsCpuMs.toFixed(0)} ms CPU in this process`,
    );
    console.log(`load average at start ${loadStart}, at end ${figures.loadEnd}`);
    writeFigures('sync-server', figures);
    return figures;
  } finally {
    for (const timer of timers) clearTimeout(timer);
    for (const c of clients) {
      // A destroyed socket could still reconnect from a timer (see tests/server/helpers.ts).
      c.socket.connect = () => Promise.resolve();
      c.provider.destroy();
      c.socket.destroy();
    }
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--server-child') {
  await serverChild(/** @type {string} */ (process.argv[3]));
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runSyncServer();
  process.exit(0);
}
