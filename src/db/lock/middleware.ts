/**
 * The app lock's DBCore middleware: seals the secret fields of every record written (add, put)
 * and opens them on every read (get, getMany, query, openCursor), below Dexie's own middlewares,
 * so hooks, live queries and the rest of the app only ever see plain records. Synchronous
 * AES-GCM (seal.ts) keeps it inside the transaction: no await on anything but IndexedDB.
 */
import type {
  DBCore,
  DBCoreCursor,
  DBCoreMutateRequest,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { LockError } from './errors';
import { secretFieldsOf } from './fields';
import type { Keyring } from './keyring';
import { openRecord, sealRecord } from './seal';

export const LOCK_MIDDLEWARE_NAME = 'appLock';

/**
 * A transaction that turns the lock on or off writes with the key it is about to make current
 * (null: plain), whatever this realm's keyring says; reads still use the keyring's key.
 */
const rewriteKeys = new WeakMap<object, Uint8Array | null>();

export function setRewriteKey(trans: object, key: Uint8Array | null): void {
  rewriteKeys.set(trans, key);
}

function writeKey(keyring: Keyring, trans: DBCoreTransaction): Uint8Array | null {
  if (rewriteKeys.has(trans)) return rewriteKeys.get(trans) ?? null;
  if (keyring.mode === 'locked') throw new LockError('locked');
  return keyring.key;
}

function lockedTable(table: DBCoreTable, keyring: Keyring): DBCoreTable {
  const name = table.name;
  const keyPath = table.schema.primaryKey.keyPath;
  // Every table of the schema has an inbound string key path ('id', or 'key' for settings).
  const pk = (row: unknown): unknown =>
    typeof keyPath === 'string' ? (row as Record<string, unknown>)[keyPath] : undefined;
  const open = (row: unknown): unknown =>
    row === undefined || row === null ? row : openRecord(keyring.key, name, pk(row), row);

  function wrapCursor(cursor: DBCoreCursor): DBCoreCursor {
    let raw: unknown;
    let opened: unknown;
    // Like Dexie's own virtual cursor: key and primaryKey are read from the real cursor (an
    // IDBCursor's getters refuse another `this`); everything else is inherited.
    return Object.create(cursor, {
      key: { get: (): unknown => cursor.key },
      primaryKey: { get: (): unknown => cursor.primaryKey },
      value: {
        get() {
          const v: unknown = cursor.value;
          if (v !== raw) {
            raw = v;
            opened = open(v);
          }
          return opened;
        },
      },
    }) as DBCoreCursor;
  }

  return {
    ...table,
    mutate(req: DBCoreMutateRequest) {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
      let key: Uint8Array | null | undefined;
      const values = req.values.map((v: Record<string, unknown>) => {
        const fields = secretFieldsOf(name, v);
        if (fields.length === 0) return v;
        key ??= writeKey(keyring, req.trans);
        return key ? sealRecord(key, name, pk(v), v, fields) : v;
      });
      return table.mutate({ ...req, values });
    },
    get(req) {
      return table.get(req).then(open);
    },
    getMany(req) {
      return table.getMany(req).then((rows) => rows.map(open));
    },
    query(req) {
      return table
        .query(req)
        .then((res) => (req.values ? { ...res, result: res.result.map(open) } : res));
    },
    openCursor(req) {
      return table
        .openCursor(req)
        .then((cursor) => (cursor && req.values !== false ? wrapCursor(cursor) : cursor));
    },
  };
}

/** The middleware for one keyring (the app's, or a test's). */
export function lockMiddleware(keyring: Keyring): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: LOCK_MIDDLEWARE_NAME,
    // Below Dexie's own middlewares (the lowest is -1): they all see plain records.
    level: -2,
    create(down: DBCore): Partial<DBCore> {
      return {
        ...down,
        table(tableName: string) {
          const table = down.table(tableName);
          return tableName === 'settings' || secretFieldsOf(tableName, {}).length > 0
            ? lockedTable(table, keyring)
            : table;
        },
      };
    },
  };
}
