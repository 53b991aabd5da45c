// The server killed mid-sync (SIGKILL, no chance to store) loses nothing: what it had not yet
// written comes back from the device when it reconnects to the restarted server.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createToken, startSyncServer } from '../../server/syncServer.mjs';
import { connect, tempFolder, whenDoc, whenSent } from './helpers';

const CLI = fileURLToPath(new URL('../../server/cli.mjs', import.meta.url));
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('sync server killed mid-sync', { timeout: 60_000 }, () => {
  it('gets every tap back after a restart on the same file', async () => {
    const folder = tempFolder();
    cleanups.push(folder.remove);
    const { teacherId, token } = await createToken(folder.file, 'Juf Anna');
    const child = spawn(process.execPath, [CLI], {
      env: { ...process.env, SPIEGEL_SYNC_PORT: '0', SPIEGEL_SYNC_DB: folder.file },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const killed = new Promise((resolve) => child.on('close', resolve));
    cleanups.push(() => child.exitCode === null && child.kill('SIGKILL'));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
        if (found) resolve(found);
      });
      child.on('close', () => reject(new Error(`the server ended: ${out}`)));
    });
    const name = `${teacherId}/class-1`;
    const phone = connect(url, name, token);
    cleanups.push(phone.close);
    await phone.synced;
    const taps = phone.doc.getMap<string>('taps');
    for (let i = 0; i < 20; i++) taps.set(`e${i}`, `tap ${i}`);
    await whenSent(phone.provider);
    child.kill('SIGKILL');
    await killed;

    // Same file, same port: the phone reconnects by itself and sends what the server lacks.
    const server = await startSyncServer({
      dbFile: folder.file,
      port: Number(new URL(url).port),
      quiet: true,
    });
    cleanups.push(() => server.stop());
    const laptop = connect(server.url, name, token);
    cleanups.push(laptop.close);
    await laptop.synced;
    const laptopTaps = laptop.doc.getMap<string>('taps');
    await whenDoc(laptop.doc, () => laptopTaps.get('e19'));
    expect(laptopTaps.size).toBe(20);
  });
});
