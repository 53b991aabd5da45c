#!/usr/bin/env node
// @ts-check
// `npm run sync-server`: runs the sync server, or manages its tokens.
//   npm run sync-server                                  start (env or flags below)
//   npm run sync-server -- --host 0.0.0.0 --port 4444 --db /var/lib/spiegel/sync.sqlite
//   npm run sync-server -- token create "<label>" [--teacher <teacherId>]
//   npm run sync-server -- token list
//   npm run sync-server -- token revoke <teacherId|label>
//   npm run sync-server -- help
// Environment: SPIEGEL_SYNC_HOST (127.0.0.1), SPIEGEL_SYNC_PORT (4444), SPIEGEL_SYNC_DB
// (./spiegel-sync.sqlite). Flags win over the environment. Errors are one line and exit non-zero.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createToken,
  listTokens,
  revokeToken,
  startSyncServer,
  SyncStoreError,
} from './syncServer.mjs';

const USAGE = `usage: npm run sync-server [-- --host H --port P --db FILE]
       npm run sync-server -- token create "<label>" [--teacher <teacherId>]
       npm run sync-server -- token list
       npm run sync-server -- token revoke <teacherId|label>
environment: SPIEGEL_SYNC_HOST (127.0.0.1), SPIEGEL_SYNC_PORT (4444),
             SPIEGEL_SYNC_DB (./spiegel-sync.sqlite); flags win.`;

/** A mistake in what was typed: shown with the usage, exit code 2. */
class UsageError extends Error {}

/**
 * Splits `--name value` flags from the other words.
 * @param {string[]} args
 * @param {string[]} allowed
 */
function parseFlags(args, allowed) {
  /** @type {Record<string, string>} */
  const flags = {};
  /** @type {string[]} */
  const words = [];
  for (let i = 0; i < args.length; i++) {
    const arg = /** @type {string} */ (args[i]);
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s);
    if (!name || !allowed.includes(name)) throw new UsageError(`unknown option '${arg}'`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(`option '--${name}' needs a value`);
    flags[name] = value;
  }
  return { flags, words };
}

/** @param {string} text */
function parsePort(text) {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw new UsageError(`'${text}' is not a port number (0–65535)`);
  }
  return Number(text);
}

/**
 * @typedef {object} CliOutput
 * @property {(line: string) => void} out
 * @property {(line: string) => void} err
 */

/**
 * Runs one command. Errors become one line on `err` and an exit code (2 for what was typed
 * wrong, 1 for everything else); the server command returns the running server instead.
 * @param {string[]} argv the arguments after the script
 * @param {NodeJS.ProcessEnv} env
 * @param {CliOutput} [io]
 * @returns {Promise<{ code: number } | { code: null, server: import('./syncServer.mjs').SyncServer }>}
 */
export async function runCli(argv, env, io = { out: console.log, err: console.error }) {
  try {
    return await command(argv, env, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError) {
      io.err(`spiegel-sync: ${message} (npm run sync-server -- help)`);
      return { code: 2 };
    }
    io.err(`spiegel-sync: ${message}`);
    return { code: 1 };
  }
}

/**
 * @param {string[]} argv
 * @param {NodeJS.ProcessEnv} env
 * @param {CliOutput} io
 * @returns {Promise<{ code: number } | { code: null, server: import('./syncServer.mjs').SyncServer }>}
 */
async function command(argv, env, { out }) {
  const { flags, words } = parseFlags(argv, ['host', 'port', 'db', 'teacher']);
  const dbFile = resolve(flags.db ?? env.SPIEGEL_SYNC_DB ?? './spiegel-sync.sqlite');
  const [name, sub, ...rest] = words;

  if (name === 'help') {
    out(USAGE);
    return { code: 0 };
  }
  if (name === undefined || name === 'serve') {
    if (sub !== undefined) throw new UsageError(`unexpected '${sub}'`);
    const host = flags.host ?? env.SPIEGEL_SYNC_HOST ?? '127.0.0.1';
    const port = parsePort(flags.port ?? env.SPIEGEL_SYNC_PORT ?? '4444');
    const server = await startSyncServer({ host, port, dbFile, quiet: true });
    out(`Spiegel sync server listening on ${server.url} (database ${dbFile})`);
    return { code: null, server };
  }
  if (name !== 'token') throw new UsageError(`unknown command '${name}'`);
  if (sub === 'create') {
    if (rest.length !== 1) throw new UsageError('token create needs one label, in quotes');
    const { teacherId, token } = await createToken(dbFile, /** @type {string} */ (rest[0]), {
      ...(flags.teacher ? { teacherId: flags.teacher } : {}),
    });
    out(`teacher id: ${teacherId}`);
    out(`token:      ${token}`);
    out('The token is shown only this once; the server keeps only its hash.');
    return { code: 0 };
  }
  if (sub !== 'list' && sub !== 'revoke') {
    throw new UsageError(
      sub ? `unknown token command '${sub}'` : 'token needs create, list or revoke',
    );
  }
  if (!existsSync(dbFile)) {
    throw new SyncStoreError(`no database at ${dbFile} (create a token first, or set --db)`);
  }
  if (sub === 'list') {
    if (rest.length) throw new UsageError(`unexpected '${rest[0]}'`);
    const tokens = await listTokens(dbFile);
    if (!tokens.length) out('No tokens yet.');
    for (const t of tokens) {
      const state = t.revokedAt ? `revoked ${t.revokedAt}` : 'valid';
      out(`${t.teacherId}  ${t.hashPrefix}  ${t.createdAt}  ${state}  ${t.label}`);
    }
    return { code: 0 };
  }
  if (rest.length !== 1) throw new UsageError('token revoke needs one teacher id or label');
  const revoked = await revokeToken(dbFile, /** @type {string} */ (rest[0]));
  for (const t of revoked) out(`revoked ${t.teacherId} ${t.hashPrefix} (${t.label})`);
  return { code: 0 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runCli(process.argv.slice(2), process.env);
  if (result.code !== null) {
    process.exitCode = result.code;
  } else {
    const { server } = result;
    const shutdown = () => {
      server.stop().then(
        () => process.exit(0),
        (/** @type {Error} */ error) => {
          console.error(`spiegel-sync: could not stop cleanly: ${error.message}`);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  }
}
