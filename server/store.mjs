// @ts-check
// The sync server's SQLite file, through sql.js (SQLite compiled to WASM: no native build).
// sql.js keeps the whole database in memory; every write exports it and replaces the file
// atomically (temporary file, fsync, rename, fsync of the folder), so the file on disk is always
// one complete database: a crash or a copy taken mid-write sees the old or the new file, never
// half of one. Writes are coalesced: while one is in progress, later changes wait for the next.
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import initSqlJs from 'sql.js';

/** @typedef {import('sql.js').Database} SqlDatabase */
/** @typedef {import('sql.js').SqlJsStatic} SqlJsStatic */

/**
 * @typedef {object} TokenRow
 * @property {string} hash SHA-256 of the token, hex.
 * @property {string} teacherId
 * @property {string} label
 * @property {string} createdAt ISO date.
 * @property {string | null} revokedAt ISO date, or null while the token is valid.
 */

/** @type {Promise<SqlJsStatic> | null} */
let sqlJs = null;
const loadSqlJs = () => (sqlJs ??= initSqlJs());

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  name TEXT PRIMARY KEY,
  state BLOB NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY,
  teacher_id TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS tokens_teacher ON tokens (teacher_id);
`;

/** An error with a one-line message meant for the person running the server. */
export class SyncStoreError extends Error {}

/**
 * Opens a database from the file's bytes, or a new one; checks that it is SQLite.
 * @param {SqlJsStatic} SQL
 * @param {string} file
 * @param {Uint8Array | null} bytes
 */
function openDatabase(SQL, file, bytes) {
  const db = bytes ? new SQL.Database(bytes) : new SQL.Database();
  try {
    db.exec(SCHEMA);
  } catch (error) {
    db.close();
    const why = error instanceof Error ? error.message : String(error);
    throw new SyncStoreError(`${file} is not a usable Spiegel sync database (${why})`);
  }
  return db;
}

/**
 * Reads the file's bytes, or null when it does not exist.
 * @param {string} file
 * @returns {Promise<Uint8Array | null>}
 */
async function readBytes(file) {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === 'ENOENT') return null;
    if (code === 'EACCES' || code === 'EPERM') {
      throw new SyncStoreError(`cannot read ${file}: permission denied`);
    }
    if (code === 'EISDIR') throw new SyncStoreError(`${file} is a folder, not a database file`);
    throw new SyncStoreError(`cannot read ${file}: ${code ?? String(error)}`);
  }
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` while holding `<file>.lock` (created exclusively), so the server and the token
 * command never replace the file at the same moment. A lock older than 30 s is left over from a
 * crash and is taken over.
 * @template T
 * @param {string} file
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
export async function withFileLock(file, work) {
  const lock = `${file}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      await handle.close();
      break;
    } catch (error) {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      if (code !== 'EEXIST') {
        throw new SyncStoreError(`cannot write next to ${file}: ${code ?? String(error)}`);
      }
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > 30_000) await rm(lock, { force: true });
      else if (attempt > 500) throw new SyncStoreError(`${lock} is held by another process`);
      else await sleep(20);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}

/**
 * Writes bytes to `file` atomically: temporary file in the same folder, fsync, rename, fsync of
 * the folder (so the rename itself survives a power cut).
 * @param {string} file
 * @param {Uint8Array} bytes
 */
async function writeAtomically(file, bytes) {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const handle = await open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
  try {
    const dir = openSync(dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Some file systems refuse fsync on a folder; the rename is still atomic.
  }
}

/** @param {SqlDatabase} db @returns {TokenRow[]} */
function selectTokens(db) {
  const result = db.exec(
    'SELECT hash, teacher_id, label, created_at, revoked_at FROM tokens ORDER BY created_at, hash',
  );
  const rows = result[0]?.values ?? [];
  return rows.map(([hash, teacherId, label, createdAt, revokedAt]) => ({
    hash: String(hash),
    teacherId: String(teacherId),
    label: String(label),
    createdAt: String(createdAt),
    revokedAt: revokedAt === null ? null : String(revokedAt),
  }));
}

/** @param {import('node:fs').Stats | null} s */
const identity = (s) => (s ? `${s.ino}:${s.size}:${s.mtimeMs}` : 'none');

/** The database of one sync server (or of one token command), backed by one file. */
export class SyncStore {
  /** @type {SqlDatabase} */
  #db;
  #file;
  #version = 0;
  #written = 0;
  /** @type {Promise<void> | null} */
  #writing = null;
  /** The file as this store last wrote or read it; another identity means someone else wrote. */
  #seen = 'none';
  #closed = false;

  /** True when the caller holds the file lock for this store's whole life (token command). */
  #lockHeld;

  /** @param {SqlDatabase} db @param {string} file @param {string} seen @param {boolean} lockHeld */
  constructor(db, file, seen, lockHeld) {
    this.#db = db;
    this.#file = file;
    this.#seen = seen;
    this.#lockHeld = lockHeld;
  }

  /**
   * Opens (or creates) the file. A new file is written at once, so a folder that cannot be
   * written fails now rather than at the first store.
   * @param {string} file
   * @param {{ lockHeld?: boolean }} [options] lockHeld: the caller already holds withFileLock.
   */
  static async open(file, options = {}) {
    const SQL = await loadSqlJs();
    const bytes = await readBytes(file);
    const seen = identity(await stat(file).catch(() => null));
    const db = openDatabase(SQL, file, bytes);
    const store = new SyncStore(db, file, seen, options.lockHeld ?? false);
    if (!bytes) {
      store.#version++;
      await store.flush();
    }
    return store;
  }

  get file() {
    return this.#file;
  }

  /** @param {string} name @returns {Uint8Array | null} */
  getDocument(name) {
    const result = this.#db.exec('SELECT state FROM documents WHERE name = ?', [name]);
    const value = result[0]?.values[0]?.[0];
    return value instanceof Uint8Array ? value : null;
  }

  /** @returns {string[]} */
  documentNames() {
    const result = this.#db.exec('SELECT name FROM documents ORDER BY name');
    return (result[0]?.values ?? []).map(([name]) => String(name));
  }

  /**
   * Keeps a document's whole Yjs state (in memory until the next flush).
   * @param {string} name
   * @param {Uint8Array} state
   */
  putDocument(name, state) {
    this.#assertOpen();
    this.#db.run(
      'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
      [name, state, new Date().toISOString()],
    );
    this.#version++;
  }

  /** @returns {TokenRow[]} */
  tokens() {
    return selectTokens(this.#db);
  }

  /** @param {string} hash @returns {TokenRow | null} */
  tokenByHash(hash) {
    return this.tokens().find((row) => row.hash === hash) ?? null;
  }

  /** @param {TokenRow} row */
  insertToken(row) {
    this.#assertOpen();
    this.#db.run(
      'INSERT INTO tokens (hash, teacher_id, label, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)',
      [row.hash, row.teacherId, row.label, row.createdAt, row.revokedAt],
    );
    this.#version++;
  }

  /**
   * Marks tokens revoked; returns the hashes that were valid until now.
   * @param {string[]} hashes
   * @param {string} when ISO date
   */
  revokeTokens(hashes, when) {
    this.#assertOpen();
    /** @type {string[]} */
    const revoked = [];
    for (const hash of hashes) {
      const row = this.tokenByHash(hash);
      if (!row || row.revokedAt) continue;
      this.#db.run('UPDATE tokens SET revoked_at = ? WHERE hash = ?', [when, hash]);
      revoked.push(hash);
    }
    if (revoked.length) this.#version++;
    return revoked;
  }

  /**
   * When another process (the token command) replaced the file, takes over its tokens: new ones
   * are added and revocations applied (tokens are only ever added or revoked, so this merge is
   * exact). Returns the hashes that became revoked.
   * @returns {Promise<string[]>}
   */
  async mergeTokensIfChanged() {
    if (this.#closed) return [];
    const now = identity(await stat(this.#file).catch(() => null));
    if (now === this.#seen || now === 'none') return [];
    const bytes = await readBytes(this.#file);
    if (!bytes) return [];
    const SQL = await loadSqlJs();
    const other = openDatabase(SQL, this.#file, bytes);
    let theirs;
    try {
      theirs = selectTokens(other);
    } finally {
      other.close();
    }
    this.#seen = now;
    if (this.#closed) return [];
    /** @type {string[]} */
    const revoked = [];
    for (const row of theirs) {
      const mine = this.tokenByHash(row.hash);
      if (!mine) this.insertToken(row);
      else if (row.revokedAt && !mine.revokedAt) {
        revoked.push(...this.revokeTokens([row.hash], row.revokedAt));
      }
    }
    return revoked;
  }

  /**
   * Resolves once every change made before the call is in the file on disk.
   * @returns {Promise<void>}
   */
  async flush() {
    const wanted = this.#version;
    while (this.#written < wanted) {
      if (this.#writing) {
        await this.#writing;
        continue;
      }
      this.#writing = this.#writeOnce().finally(() => {
        this.#writing = null;
      });
      await this.#writing;
    }
  }

  async #writeOnce() {
    const write = async () => {
      await this.mergeTokensIfChanged();
      const version = this.#version;
      const bytes = this.#db.export();
      await writeAtomically(this.#file, bytes);
      this.#seen = identity(await stat(this.#file));
      this.#written = Math.max(this.#written, version);
    };
    await (this.#lockHeld ? write() : withFileLock(this.#file, write));
  }

  /** Writes what is pending, then frees the database. */
  async close() {
    if (this.#closed) return;
    await this.flush();
    this.#closed = true;
    this.#db.close();
  }

  #assertOpen() {
    if (this.#closed) throw new Error('The sync database is closed.');
  }
}
