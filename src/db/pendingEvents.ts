/**
 * A write-ahead note of taps whose IndexedDB write has not landed yet. A write is a read-modify-
 * write of the lesson's events record, so it needs the page to keep running for a few
 * milliseconds; when the page is closed or reloaded right after a burst of taps, the queued
 * transactions are aborted (five taps then a reload within 20 ms kept one). localStorage writes
 * are synchronous: each tap is noted before its transaction starts and crossed off when it has
 * settled, and the next start writes whatever is still noted (`replayPendingEvents`).
 */
import type { InteractionEvent } from '../model/types';

const KEY = 'spiegel.pendingEvents';

/** The part of the Web Storage API the note needs (a Map-backed stand-in in tests). */
export interface NoteStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

let storage: NoteStorage | null | undefined;

function noteStorage(): NoteStorage | null {
  if (storage !== undefined) return storage;
  try {
    storage = typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can be blocked (privacy settings): the note is then simply not kept.
    storage = null;
  }
  return storage;
}

/** Tests give their own storage (or null for none). */
export function setNoteStorageForTests(s: NoteStorage | null | undefined): void {
  storage = s;
}

export function readPendingEvents(): InteractionEvent[] {
  const s = noteStorage();
  if (!s) return [];
  try {
    const parsed: unknown = JSON.parse(s.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as InteractionEvent[]) : [];
  } catch {
    return [];
  }
}

function write(events: readonly InteractionEvent[]): void {
  const s = noteStorage();
  if (!s) return;
  try {
    if (events.length === 0) s.removeItem(KEY);
    else s.setItem(KEY, JSON.stringify(events));
  } catch {
    // A full or blocked localStorage only loses the safety net, never the tap itself.
  }
}

export function notePending(event: InteractionEvent): void {
  write([...readPendingEvents().filter((e) => e.id !== event.id), event]);
}

export function clearPending(ids: readonly string[]): void {
  if (ids.length === 0) return;
  const before = readPendingEvents();
  const after = before.filter((e) => !ids.includes(e.id));
  if (after.length !== before.length) write(after);
}
