/**
 * The database's name and newest schema version, without Dexie: the start-up reads the database
 * with IndexedDB itself (startRecords.ts) before Dexie is loaded. schema.ts declares the stores.
 */
export const DB_NAME = 'spiegel';

/** The newest schema version (Dexie's numbering). */
export const SCHEMA_VERSION = 7;

/** The version IndexedDB itself reports: Dexie opens a database at ten times its own number. */
export const INDEXEDDB_VERSION = Math.round(SCHEMA_VERSION * 10);
