// @ts-check
// Tokens: random 32 bytes (base64url) shown once; the database keeps only their SHA-256 hash,
// with the teacher id the token opens, a label for the administrator and its dates. A teacher's
// documents are named `<teacherId>/<anything>`; a token opens exactly those.
import { createHash, randomBytes } from 'node:crypto';
import { SyncStore, SyncStoreError, withFileLock } from './store.mjs';

/**
 * @typedef {object} TokenInfo What an administrator may see of a token (never the token itself).
 * @property {string} teacherId
 * @property {string} label
 * @property {string} createdAt ISO date.
 * @property {string | null} revokedAt ISO date, or null while the token is valid.
 * @property {string} hashPrefix The first 8 hex digits of the token's hash, to tell tokens apart.
 */

/**
 * What the token functions work on: a database file (used when the server is not running, or
 * from another process while it is), or a running server's handle.
 * @typedef {string | { store: SyncStore, onRevoked?: (hashes: string[]) => void }} TokenTarget
 */

/** Teacher ids: 16 base64url characters, so a document name's prefix is easy to check. */
export const TEACHER_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;

/** @param {string} token */
export const hashToken = (token) => createHash('sha256').update(token, 'utf8').digest('hex');

export const newTeacherId = () => randomBytes(12).toString('base64url');

/** @param {import('./store.mjs').TokenRow} row @returns {TokenInfo} */
const info = (row) => ({
  teacherId: row.teacherId,
  label: row.label,
  createdAt: row.createdAt,
  revokedAt: row.revokedAt,
  hashPrefix: row.hash.slice(0, 8),
});

/**
 * Runs `work` on the target's store: a running server's store directly, or a file opened,
 * changed and written under the file lock (so a running server merges the change).
 * @template T
 * @param {TokenTarget} target
 * @param {(store: SyncStore) => T} work
 * @param {boolean} write
 * @returns {Promise<T>}
 */
async function onStore(target, work, write) {
  if (typeof target !== 'string') {
    const result = work(target.store);
    if (write) await target.store.flush();
    return result;
  }
  // A command reads, changes and writes the file under the lock, so it never writes back
  // documents older than those a running server wrote in the meantime; the server then takes
  // over the changed tokens (SyncStore.mergeTokensIfChanged).
  const run = async () => {
    const store = await SyncStore.open(target, { lockHeld: write });
    try {
      return work(store);
    } finally {
      await store.close();
    }
  };
  return write ? withFileLock(target, run) : run();
}

/**
 * Creates a token for a new teacher, or another token for an existing teacher (to replace a
 * revoked one without losing the teacher's documents). The token is returned once and never
 * stored.
 * @param {TokenTarget} target
 * @param {string} label
 * @param {{ teacherId?: string, now?: Date }} [options]
 * @returns {Promise<{ teacherId: string, token: string }>}
 */
export async function createToken(target, label, options = {}) {
  const cleanLabel = String(label ?? '').trim();
  if (!cleanLabel) throw new SyncStoreError('a token needs a label, e.g. the teacher’s name');
  if (cleanLabel.length > 200) throw new SyncStoreError('the label is longer than 200 characters');
  const teacherId = options.teacherId ?? newTeacherId();
  if (!TEACHER_ID_PATTERN.test(teacherId)) {
    throw new SyncStoreError(`'${teacherId}' is not a teacher id (16 letters, digits, - or _)`);
  }
  const token = randomBytes(32).toString('base64url');
  await onStore(
    target,
    (store) =>
      store.insertToken({
        hash: hashToken(token),
        teacherId,
        label: cleanLabel,
        createdAt: (options.now ?? new Date()).toISOString(),
        revokedAt: null,
      }),
    true,
  );
  return { teacherId, token };
}

/**
 * Lists every token (valid and revoked) without the tokens themselves.
 * @param {TokenTarget} target
 * @returns {Promise<TokenInfo[]>}
 */
export async function listTokens(target) {
  return onStore(target, (store) => store.tokens().map(info), false);
}

/**
 * Revokes the valid tokens of a teacher, given the teacher id or the label. A label shared by
 * several teachers is refused (say which teacher id). Returns the revoked tokens; a running
 * server closes their connections.
 * @param {TokenTarget} target
 * @param {string} teacherIdOrLabel
 * @param {{ now?: Date }} [options]
 * @returns {Promise<TokenInfo[]>}
 */
export async function revokeToken(target, teacherIdOrLabel, options = {}) {
  const key = String(teacherIdOrLabel ?? '').trim();
  if (!key) throw new SyncStoreError('say which teacher id or label to revoke');
  const revoked = await onStore(
    target,
    (store) => {
      const valid = store.tokens().filter((row) => !row.revokedAt);
      let matches = valid.filter((row) => row.teacherId === key);
      if (!matches.length) {
        matches = valid.filter((row) => row.label === key);
        const teachers = new Set(matches.map((row) => row.teacherId));
        if (teachers.size > 1) {
          throw new SyncStoreError(
            `the label '${key}' belongs to ${teachers.size} teachers; revoke by teacher id`,
          );
        }
      }
      if (!matches.length) throw new SyncStoreError(`no valid token for '${key}'`);
      const when = (options.now ?? new Date()).toISOString();
      store.revokeTokens(
        matches.map((row) => row.hash),
        when,
      );
      return matches.map((row) => ({ ...row, revokedAt: when }));
    },
    true,
  );
  if (typeof target !== 'string') target.onRevoked?.(revoked.map((row) => row.hash));
  return revoked.map(info);
}

/**
 * The token's row when the server knows it and it is not revoked; otherwise null.
 * @param {SyncStore} store
 * @param {string} token
 */
export function validToken(store, token) {
  const row = token ? store.tokenByHash(hashToken(token)) : null;
  return row && !row.revokedAt ? row : null;
}

/**
 * Checks a token against a document name; returns the token's row when it may open the
 * document, otherwise throws (Hocuspocus then answers the provider with permission-denied).
 * @param {SyncStore} store
 * @param {string} token
 * @param {string} documentName
 */
export function authorise(store, token, documentName) {
  const row = validToken(store, token);
  if (!row) throw new Error('unknown or revoked token');
  const slash = documentName.indexOf('/');
  const prefix = slash > 0 ? documentName.slice(0, slash) : '';
  if (prefix !== row.teacherId || documentName.length === slash + 1) {
    throw new Error('this token does not open that document');
  }
  return row;
}
