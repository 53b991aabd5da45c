/**
 * A spec's own sync server on loopback (port 0), with a fresh folder for its database and any
 * files the spec writes; started before the spec's tests and stopped after them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSyncServer } from '../../../server/syncServer.mjs';
import { test } from './fixtures';

export type SyncServer = Awaited<ReturnType<typeof startSyncServer>>;

/** Call at a spec's top level; read `server` and `dir` inside its tests. */
export function syncServerForSpec(name: string): {
  readonly server: SyncServer;
  readonly dir: string;
} {
  let server: SyncServer | undefined;
  let dir: string | undefined;
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `spiegel-e2e-${name}-`));
    server = await startSyncServer({
      host: '127.0.0.1',
      port: 0,
      dbFile: join(dir, 'sync.sqlite'),
      quiet: true,
    });
  });
  test.afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get server() {
      if (!server) throw new Error('The sync server starts in beforeAll');
      return server;
    },
    get dir() {
      if (!dir) throw new Error('The folder is made in beforeAll');
      return dir;
    },
  };
}
