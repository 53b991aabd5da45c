// `npm run sync-server`: the token commands and their one-line errors (in this process, through
// runCli), and the server as its own process with the token commands run beside it.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli.mjs';
import { createToken, startSyncServer } from '../../server/syncServer.mjs';
import { connect, tempFolder } from './helpers';

const CLI = fileURLToPath(new URL('../../server/cli.mjs', import.meta.url));
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tmp() {
  const folder = tempFolder();
  cleanups.push(folder.remove);
  return folder;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in this process, collecting what it prints. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const result = await runCli(args, env, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  if (result.code === null) cleanups.push(() => result.server.stop());
  return { code: result.code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Runs the command as its own process, to its end. */
function spawned(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function created(result: Run) {
  const teacherId = /teacher id:\s+(\S+)/.exec(result.stdout)?.[1];
  const token = /token:\s+(\S+)/.exec(result.stdout)?.[1];
  if (!teacherId || !token) throw new Error(`no token in: ${result.stdout}${result.stderr}`);
  return { teacherId, token };
}

describe('sync-server command', { timeout: 60_000 }, () => {
  it('creates, lists and revokes tokens in the database file', async () => {
    const { file } = tmp();
    const db = ['--db', file];
    const anna = created(await cli(['token', 'create', 'Juf Anna', ...db]));
    expect(anna.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const bram = created(await cli(['token', 'create', 'Meester Bram'], { SPIEGEL_SYNC_DB: file }));
    // A second token for the same teacher (after a revocation) keeps their documents reachable.
    const again = created(
      await cli(['token', 'create', 'Juf Anna, new phone', '--teacher', anna.teacherId, ...db]),
    );
    expect(again.teacherId).toBe(anna.teacherId);

    const list = await cli(['token', 'list', ...db]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Juf Anna');
    expect(list.stdout).toContain(bram.teacherId);
    expect(list.stdout).not.toContain(anna.token);
    expect(list.stdout.match(/ valid /g)).toHaveLength(3);

    const revoke = await cli(['token', 'revoke', 'Meester Bram', ...db]);
    expect(revoke.code).toBe(0);
    expect(revoke.stdout).toContain(bram.teacherId);
    const after = await cli(['token', 'list', ...db]);
    expect(after.stdout.match(/ valid /g)).toHaveLength(2);
    expect(after.stdout).toMatch(new RegExp(`${bram.teacherId}.*revoked`));

    const byId = await cli(['token', 'revoke', anna.teacherId, ...db]);
    expect(byId.stdout.match(/^revoked /gm)).toHaveLength(2);
    // Nothing valid is left to revoke.
    expect((await cli(['token', 'revoke', anna.teacherId, ...db])).code).toBe(1);
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['token', 'burn', 'x'], /unknown token command 'burn'/],
    [['token', 'create'], /needs one label/],
    [['token', 'create', '  '], /needs a label/],
    [['token', 'create', 'Juf Anna', '--teacher', 'x/y'], /is not a teacher id/],
    [['--port', 'eighty'], /'eighty' is not a port number/],
    [['--colour', 'red'], /unknown option '--colour'/],
  ])('refuses %j with one line and a non-zero exit code', async (args, message) => {
    const { file } = tmp();
    const result = await cli([...args, '--db', file]);
    expect(result.code).toBeGreaterThan(0);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says so when the database file is not a database, or there is none', async () => {
    const { dir, file } = tmp();
    const notes = 'these are my notes, not a database';
    writeFileSync(file, notes);
    for (const args of [
      ['token', 'list'],
      ['token', 'create', 'Juf Anna'],
      ['--port', '0'],
    ]) {
      const result = await cli([...args, '--db', file]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^spiegel-sync: .* is not a usable Spiegel sync database/);
      expect(result.stderr.split('\n')).toHaveLength(1);
    }
    const missing = await cli(['token', 'list', '--db', `${dir}/missing.sqlite`]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no database at/);
    const folder = await cli(['token', 'create', 'Juf Anna', '--db', dir]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/is a folder/);
  });

  it('says so when the port is in use', async () => {
    const { file, dir } = tmp();
    const server = await startSyncServer({ dbFile: file, quiet: true });
    cleanups.push(() => server.stop());
    const result = await cli([], {
      SPIEGEL_SYNC_PORT: String(server.port),
      SPIEGEL_SYNC_DB: `${dir}/other.sqlite`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`spiegel-sync: port ${server.port} on 127.0.0.1 is in use`);
  });

  it('runs as its own process; tokens made and revoked meanwhile count; SIGTERM stops it', async () => {
    const { file } = tmp();
    const anna = await createToken(file, 'Juf Anna');
    const child = spawn(process.execPath, [CLI], {
      env: { ...process.env, SPIEGEL_SYNC_PORT: '0', SPIEGEL_SYNC_DB: file },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
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

    const phone = connect(url, `${anna.teacherId}/class-1`, anna.token);
    cleanups.push(phone.close);
    await phone.synced;
    // A token created by the command while the server runs opens documents at once.
    const bram = created(await spawned(['token', 'create', 'Meester Bram', '--db', file]));
    const laptop = connect(url, `${bram.teacherId}/class-1`, bram.token);
    cleanups.push(laptop.close);
    await laptop.synced;
    // Revoked by the command: the open connection is closed and refused when it comes back.
    expect((await spawned(['token', 'revoke', anna.teacherId, '--db', file])).code).toBe(0);
    await expect(phone.refused).resolves.toEqual(expect.any(String));
    const list = await spawned(['token', 'list', '--db', file]);
    expect(list.stdout).toMatch(new RegExp(`${anna.teacherId}.*revoked`));
    expect(list.stdout).toMatch(new RegExp(`${bram.teacherId}.*valid`));

    phone.close();
    laptop.close();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
