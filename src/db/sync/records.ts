/** Record types of the two local sync tables (schema v6). */

/**
 * A local write not yet in the shared document. `key` is `<table>:<id>` (for events
 * `events:<lessonId>:<eventId>`); `fields` the changed fields, or null for the whole record
 * (new, erased, or unknown).
 */
export interface SyncOutboxRecord {
  key: string;
  fields: string[] | null;
}

/** One Yjs update of the shared document (compacted into one when the bridge starts). */
export interface SyncUpdateRecord {
  seq?: number;
  update: Uint8Array;
  /**
   * Kept but not applied: the document had a newer format than this app understood. Applied
   * (and the mark removed) once the app is updated (docs/sync.md).
   */
  held?: true;
}
