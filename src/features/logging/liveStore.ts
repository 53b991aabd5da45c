/**
 * In-memory state of one live lesson: counts per pupil, absences, the undo stack, the last entry
 * (for the qualifier bar) and the announcement. Seeded from one read; after that, only the tapped
 * tile and a few small bars are notified, so a tap never re-renders the whole grid.
 *
 * A tap is shown at once and confirmed when its write has landed (`saving` on the pupil until
 * then); a failed write is rolled back. Chromium hands IndexedDB results to the page only after
 * the first frame that follows an input, so waiting for the write before showing the tap would
 * always cost at least one extra frame.
 */
import type { SparseKindCounts } from '../../db/repo/events';
import type { RemoteLessonChange } from '../../db/sync/lessonSignal';
import type { AbsenceRecord, Id, InteractionEvent } from '../../model/types';
import type { InteractionKind } from '../../model/kinds';

export interface PupilSnapshot {
  counts: SparseKindCounts;
  total: number;
  absent: boolean;
  /** Writes still in flight for this pupil. */
  saving: number;
}

export interface Tally {
  events: number;
  /** Present pupils with at least one event. */
  addressed: number;
  present: number;
}

/** One logged interaction as the screen knows it. */
export interface LogEntry {
  readonly pupilId: Id;
  readonly kind: InteractionKind;
  /** The stored record; null while the write is in flight. */
  event: InteractionEvent | null;
  /** Settles with the stored record, or rejects when the write failed. */
  readonly saved: Promise<InteractionEvent>;
}

type Listener = () => void;
const EMPTY: SparseKindCounts = Object.freeze({});
const byTime = (a: InteractionEvent, b: InteractionEvent) =>
  (a.at ?? '') < (b.at ?? '') ? -1 : (a.at ?? '') > (b.at ?? '') ? 1 : 0;

export function storedEntry(event: InteractionEvent): LogEntry {
  return { pupilId: event.pupilId, kind: event.kind, event, saved: Promise.resolve(event) };
}

export class LiveLessonStore {
  private readonly snapshots = new Map<Id, PupilSnapshot>();
  private readonly pupilListeners = new Map<Id, Set<Listener>>();
  private readonly listeners = new Set<Listener>();
  private readonly stack: LogEntry[] = [];
  /** The stored events counted here, by id: a remote change is applied once, never twice. */
  private readonly known = new Map<Id, { pupilId: Id; kind: InteractionKind }>();
  /** Entries undone before their write landed: their event is not counted when it does. */
  private readonly undone = new WeakSet<LogEntry>();
  private eventCount = 0;
  /** The entry the qualifier bar is about (null after an undo). */
  last: LogEntry | null = null;
  announcement = '';

  constructor(
    private pupilIds: readonly Id[],
    events: readonly InteractionEvent[],
    absences: readonly Pick<AbsenceRecord, 'pupilId'>[],
  ) {
    const absent = new Set(absences.map((a) => a.pupilId));
    for (const id of pupilIds) {
      this.snapshots.set(id, { counts: EMPTY, total: 0, absent: absent.has(id), saving: 0 });
    }
    for (const e of events) {
      this.change(e.pupilId, e.kind, 1, 0);
      this.known.set(e.id, { pupilId: e.pupilId, kind: e.kind });
    }
    this.eventCount = events.length;
    // Live-logged events can be undone after a reload too, latest last.
    const live = events.filter((e) => e.at !== null).sort(byTime);
    this.stack.push(...live.map(storedEntry));
  }

  snapshot(pupilId: Id): PupilSnapshot {
    return this.snapshots.get(pupilId) ?? { counts: EMPTY, total: 0, absent: false, saving: 0 };
  }

  tally(): Tally {
    let addressed = 0;
    let present = 0;
    for (const id of this.pupilIds) {
      const s = this.snapshot(id);
      if (s.absent) continue;
      present++;
      if (s.total > 0) addressed++;
    }
    return { events: this.eventCount, addressed, present };
  }

  /** The entry an undo would take back. */
  peekUndo(): LogEntry | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** A tap: counted at once, while its write is under way. */
  tapped(entry: LogEntry): void {
    this.change(entry.pupilId, entry.kind, 1, 1);
    this.eventCount++;
    this.stack.push(entry);
    this.last = entry;
    this.emit(entry.pupilId);
  }

  /** The write landed; `message` is announced with it. */
  saved(entry: LogEntry, event: InteractionEvent, message?: string): void {
    entry.event = event;
    if (!this.undone.has(entry))
      this.known.set(event.id, { pupilId: event.pupilId, kind: event.kind });
    this.change(entry.pupilId, entry.kind, 0, -1);
    if (message !== undefined) this.setAnnouncement(message);
    this.emit(entry.pupilId);
  }

  /** The write failed: the tap is taken back (unless an undo already did). */
  failed(entry: LogEntry): void {
    const i = this.stack.indexOf(entry);
    if (i >= 0) {
      this.stack.splice(i, 1);
      this.change(entry.pupilId, entry.kind, -1, -1);
      this.eventCount--;
    } else {
      this.change(entry.pupilId, entry.kind, 0, -1);
    }
    if (this.last === entry) this.last = null;
    this.emit(entry.pupilId);
  }

  /** Takes the top of the undo stack off before the delete, so a double tap undoes two. */
  popUndo(): LogEntry | undefined {
    const entry = this.stack.pop();
    if (!entry) return undefined;
    if (entry.event) this.known.delete(entry.event.id);
    this.undone.add(entry);
    this.change(entry.pupilId, entry.kind, -1, 0);
    this.eventCount--;
    if (this.last === entry) this.last = null;
    this.emit(entry.pupilId);
    return entry;
  }

  /** Puts an entry back when its delete failed. */
  restore(entry: LogEntry): void {
    this.undone.delete(entry);
    if (entry.event) this.known.set(entry.event.id, { pupilId: entry.pupilId, kind: entry.kind });
    this.change(entry.pupilId, entry.kind, 1, 0);
    this.eventCount++;
    this.stack.push(entry);
    this.emit(entry.pupilId);
  }

  /** The entry's record got new qualifiers. */
  qualified(entry: LogEntry, event: InteractionEvent): void {
    entry.event = event;
    this.emit();
  }

  /** Hides the qualifier bar without logging anything. */
  dismissLast(): void {
    if (!this.last) return;
    this.last = null;
    this.emit();
  }

  /**
   * Events and absences another device changed in this lesson (through sync): counted, changed
   * or taken back once each; this screen's undo stays for its own taps.
   */
  applyRemote(change: RemoteLessonChange): void {
    const touched = new Set<Id>();
    for (const e of change.added) {
      const was = this.known.get(e.id);
      if (was && was.pupilId === e.pupilId && was.kind === e.kind) {
        // Other qualifiers only: the bar shows the new ones if it is about this event.
        const entry = this.stack.find((x) => x.event?.id === e.id);
        if (entry) entry.event = e;
        continue;
      }
      if (was) this.uncount(e.id, was, touched);
      this.change(e.pupilId, e.kind, 1, 0);
      this.eventCount++;
      this.known.set(e.id, { pupilId: e.pupilId, kind: e.kind });
      touched.add(e.pupilId);
    }
    for (const e of change.removed) {
      const was = this.known.get(e.id);
      if (was) this.uncount(e.id, was, touched);
    }
    for (const a of change.absences) {
      const s = this.snapshot(a.pupilId);
      if (s.absent === a.absent) continue;
      this.snapshots.set(a.pupilId, { ...s, absent: a.absent });
      touched.add(a.pupilId);
    }
    if (!touched.size) return;
    for (const id of touched) this.pupilListeners.get(id)?.forEach((l) => l());
    this.listeners.forEach((l) => l());
  }

  /** A counted event erased (or replaced) elsewhere: its count and undo entry go. */
  private uncount(id: Id, was: { pupilId: Id; kind: InteractionKind }, touched: Set<Id>): void {
    this.known.delete(id);
    this.change(was.pupilId, was.kind, -1, 0);
    this.eventCount--;
    const i = this.stack.findIndex((x) => x.event?.id === id);
    if (i >= 0) {
      const [entry] = this.stack.splice(i, 1);
      if (this.last === entry) this.last = null;
    }
    touched.add(was.pupilId);
  }

  /** The class's current pupils (another tab may add or remove one); counts are kept. */
  setPupils(ids: readonly Id[]): void {
    if (ids.length === this.pupilIds.length && ids.every((id, i) => id === this.pupilIds[i]))
      return;
    this.pupilIds = ids;
    this.emit();
  }

  setAbsent(pupilId: Id, absent: boolean): void {
    const s = this.snapshot(pupilId);
    if (s.absent === absent) return;
    this.snapshots.set(pupilId, { ...s, absent });
    this.emit(pupilId);
  }

  announce(message: string): void {
    this.setAnnouncement(message);
    this.emit();
  }

  subscribePupil(pupilId: Id, listener: Listener): () => void {
    let set = this.pupilListeners.get(pupilId);
    if (!set) this.pupilListeners.set(pupilId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setAnnouncement(message: string): void {
    // The same text twice would not be read again: vary it invisibly.
    this.announcement = message === this.announcement ? message + '\u00a0' : message;
  }

  private change(pupilId: Id, kind: InteractionKind, delta: number, saving: number): void {
    const s = this.snapshot(pupilId);
    // A new object per change: subscribers compare by identity.
    this.snapshots.set(pupilId, {
      counts:
        delta === 0
          ? s.counts
          : { ...s.counts, [kind]: Math.max(0, (s.counts[kind] ?? 0) + delta) },
      total: Math.max(0, s.total + delta),
      absent: s.absent,
      saving: Math.max(0, s.saving + saving),
    });
  }

  private emit(pupilId?: Id): void {
    if (pupilId !== undefined) this.pupilListeners.get(pupilId)?.forEach((l) => l());
    this.listeners.forEach((l) => l());
  }
}
