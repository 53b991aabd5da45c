/**
 * A write-ahead note of taps whose IndexedDB write has not landed yet. A write is a read-modify-
 * write of the lesson's events record, so it needs the page to keep running for a few
 * milliseconds; when the page is closed or reloaded right after a burst of taps, the queued
 * transactions are aborted (five taps then a reload within 20 ms kept one). localStorage writes
 * are synchronous: each tap is noted before its transaction starts and crossed off when it has
 * settled, and the next start writes whatever is still noted (`replayPendingEvents`).
 *
 * The tap itself only keeps the note in memory: it reaches localStorage when its write starts
 * (after the tap's frame, `flushPendingNotes`) or when the page is hidden or put away, whichever
 * comes first. The storage write (a JSON string and a synchronous setItem) was the largest part of
 * the tap's own work before its frame on a slow phone.
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
  unwritten = [];
}

/** Noted by taps, not yet written to storage (in the order noted). */
let unwritten: InteractionEvent[] = [];
let hideWatched = false;

/** The page hidden (a phone's app switcher) or put away (closed, reloaded): write the notes now. */
function watchHide(): void {
  if (hideWatched || typeof window === 'undefined' || typeof document === 'undefined') return;
  hideWatched = true;
  window.addEventListener('pagehide', flushPendingNotes);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushPendingNotes();
  });
}

/** Every tap noted and not yet crossed off: in storage, then those still in memory. */
export function readPendingEvents(): InteractionEvent[] {
  const stored = readStored();
  if (unwritten.length === 0) return stored;
  return [...stored.filter((e) => !unwritten.some((u) => u.id === e.id)), ...unwritten];
}

function readStored(): InteractionEvent[] {
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

/** Notes a tap (in memory until its write starts or the page hides). */
export function notePending(event: InteractionEvent): void {
  unwritten = [...unwritten.filter((e) => e.id !== event.id), event];
  watchHide();
}

/** Writes the notes kept in memory to storage (before a write starts; when the page hides). */
export function flushPendingNotes(): void {
  if (unwritten.length === 0) return;
  const notes = unwritten;
  unwritten = [];
  write([...readStored().filter((e) => !notes.some((n) => n.id === e.id)), ...notes]);
}

export function clearPending(ids: readonly string[]): void {
  if (ids.length === 0) return;
  unwritten = unwritten.filter((e) => !ids.includes(e.id));
  const before = readStored();
  const after = before.filter((e) => !ids.includes(e.id));
  if (after.length !== before.length) write(after);
}
