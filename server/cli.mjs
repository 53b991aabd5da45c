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
 * @param {string[]} argv the arguments after the script
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<number | null>} an exit code, or null while the server runs
 */
export async function main(argv, env) {
  const { flags, words } = parseFlags(argv, ['host', 'port', 'db', 'teacher']);
  const dbFile = resolve(flags.db ?? env.SPIEGEL_SYNC_DB ?? './spiegel-sync.sqlite');
  const [command, sub, ...rest] = words;

  if (command === 'help' || flags.help !== undefined) {
    console.log(USAGE);
    return 0;
  }
  if (command === undefined || command === 'serve') {
    if (sub !== undefined) throw new UsageError(`unexpected '${sub}'`);
    const host = flags.host ?? env.SPIEGEL_SYNC_HOST ?? '127.0.0.1';
    const port = parsePort(flags.port ?? env.SPIEGEL_SYNC_PORT ?? '4444');
    const server = await startSyncServer({ host, port, dbFile });
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
    return null;
  }

  if (command !== 'token') throw new UsageError(`unknown command '${command}'`);
  if (sub !== 'create' && !existsSync(dbFile)) {
    throw new SyncStoreError(`no database at ${dbFile} (create a token first, or set --db)`);
  }
  if (sub === 'create') {
    if (rest.length !== 1) throw new UsageError('token create needs one label, in quotes');
    const { teacherId, token } = await createToken(dbFile, /** @type {string} */ (rest[0]), {
      ...(flags.teacher ? { teacherId: flags.teacher } : {}),
    });
    console.log(`teacher id: ${teacherId}`);
    console.log(`token:      ${token}`);
    console.log('The token is shown only this once; the server keeps only its hash.');
    return 0;
  }
  if (sub === 'list') {
    if (rest.length) throw new UsageError(`unexpected '${rest[0]}'`);
    const tokens = await listTokens(dbFile);
    if (!tokens.length) console.log('No tokens yet.');
    for (const t of tokens) {
      const state = t.revokedAt ? `revoked ${t.revokedAt}` : 'valid';
      console.log(`${t.teacherId}  ${t.hashPrefix}  ${t.createdAt}  ${state}  ${t.label}`);
    }
    return 0;
  }
  if (sub === 'revoke') {
    if (rest.length !== 1) throw new UsageError('token revoke needs one teacher id or label');
    const revoked = await revokeToken(dbFile, /** @type {string} */ (rest[0]));
    for (const t of revoked) console.log(`revoked ${t.teacherId} ${t.hashPrefix} (${t.label})`);
    return 0;
  }
  throw new UsageError(
    sub ? `unknown token command '${sub}'` : 'token needs create, list or revoke',
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2), process.env).then(
    (code) => {
      if (code !== null) process.exitCode = code;
    },
    (/** @type {unknown} */ error) => {
      if (error instanceof UsageError) {
        console.error(`spiegel-sync: ${error.message} (npm run sync-server -- help)`);
        process.exitCode = 2;
      } else if (error instanceof SyncStoreError) {
        console.error(`spiegel-sync: ${error.message}`);
        process.exitCode = 1;
      } else {
        console.error(`spiegel-sync: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      }
    },
  );
}
