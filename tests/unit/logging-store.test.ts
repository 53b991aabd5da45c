import { describe, expect, it, vi } from 'vitest';
import type { InteractionEvent } from '../../src/model/types';
import type { InteractionKind } from '../../src/model/kinds';
import { LiveLessonStore, storedEntry, type LogEntry } from '../../src/features/logging/liveStore';

let seq = 0;
function ev(pupilId: string, kind: InteractionKind, at?: string): InteractionEvent {
  seq++;
  const ts = `2025-03-03T09:00:${String(seq).padStart(2, '0')}.000Z`;
  return {
    id: `e${seq}`,
    classId: 'c',
    lessonId: 'l',
    pupilId,
    kind,
    date: '2025-03-03',
    at: at ?? ts,
    loggedAfter: false,
    createdAt: ts,
    updatedAt: ts,
  };
}

/** An entry whose write is still under way (the promise never settles in these tests). */
function pending(pupilId: string, kind: InteractionKind): LogEntry {
  return { pupilId, kind, event: null, saved: new Promise<InteractionEvent>(() => undefined) };
}

describe('LiveLessonStore', () => {
  it('seeds counts, totals and the tally from one read', () => {
    const store = new LiveLessonStore(
      ['a', 'b', 'c', 'd'],
      [ev('a', 'turn'), ev('a', 'praise'), ev('b', 'turn'), ev('a', 'turn')],
      [{ pupilId: 'd' }],
    );
    expect(store.snapshot('a')).toEqual({
      counts: { turn: 2, praise: 1 },
      total: 3,
      absent: false,
      saving: 0,
    });
    expect(store.snapshot('c')).toEqual({ counts: {}, total: 0, absent: false, saving: 0 });
    expect(store.snapshot('d').absent).toBe(true);
    // 4 events; of the 3 present pupils, a and b were addressed.
    expect(store.tally()).toEqual({ events: 4, addressed: 2, present: 3 });
  });

  it('counts a tap at once, marks it saving, and confirms it when stored', () => {
    const store = new LiveLessonStore(['a', 'b'], [], []);
    const a = vi.fn();
    const b = vi.fn();
    const bars = vi.fn();
    store.subscribePupil('a', a);
    store.subscribePupil('b', b);
    store.subscribe(bars);
    const before = store.snapshot('a');
    const entry = pending('a', 'turn');
    store.tapped(entry);
    // Only the tapped pupil and the bars hear of it.
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).not.toHaveBeenCalled();
    expect(bars).toHaveBeenCalledTimes(1);
    // A new snapshot object per change (subscribers compare by identity).
    expect(store.snapshot('a')).not.toBe(before);
    expect(store.snapshot('a')).toMatchObject({ total: 1, saving: 1 });
    expect(store.last).toBe(entry);

    const stored = ev('a', 'turn');
    store.saved(entry, stored, 'Beurt voor A, nu 1');
    expect(entry.event).toBe(stored);
    expect(store.snapshot('a')).toMatchObject({ total: 1, saving: 0, counts: { turn: 1 } });
    expect(store.announcement).toBe('Beurt voor A, nu 1');
  });

  it('rolls a failed write back', () => {
    const store = new LiveLessonStore(['a'], [], []);
    const entry = pending('a', 'praise');
    store.tapped(entry);
    store.failed(entry);
    expect(store.snapshot('a')).toMatchObject({ total: 0, saving: 0, counts: { praise: 0 } });
    expect(store.last).toBeNull();
    expect(store.peekUndo()).toBeUndefined();
    expect(store.tally().events).toBe(0);
  });

  it('does not take a failed write back twice when it was undone already', () => {
    const store = new LiveLessonStore(['a'], [], []);
    const entry = pending('a', 'turn');
    store.tapped(entry);
    expect(store.popUndo()).toBe(entry);
    store.failed(entry);
    expect(store.snapshot('a')).toMatchObject({ total: 0, saving: 0 });
    expect(store.tally().events).toBe(0);
  });

  it('undoes one by one, newest first, and clears the qualifier target', () => {
    const store = new LiveLessonStore(['a', 'b'], [], []);
    const e1 = storedEntry(ev('a', 'turn'));
    const e2 = storedEntry(ev('b', 'praise'));
    store.tapped(e1);
    store.tapped(e2);
    expect(store.last).toBe(e2);
    expect(store.peekUndo()).toBe(e2);
    expect(store.popUndo()).toBe(e2);
    expect(store.last).toBeNull();
    expect(store.snapshot('b').total).toBe(0);
    expect(store.popUndo()).toBe(e1);
    expect(store.popUndo()).toBeUndefined();
    expect(store.tally().events).toBe(0);
  });

  it('puts an entry back when its delete failed', () => {
    const store = new LiveLessonStore(['a'], [], []);
    const entry = storedEntry(ev('a', 'help'));
    store.tapped(entry);
    const popped = store.popUndo();
    store.restore(popped!);
    expect(store.snapshot('a').counts.help).toBe(1);
    expect(store.peekUndo()).toBe(entry);
  });

  it('seeds the undo stack with the live events in time order, not those logged afterwards', () => {
    const late = ev('a', 'turn', '2025-03-03T09:30:00.000Z');
    const early = ev('b', 'turn', '2025-03-03T09:05:00.000Z');
    const after = { ...ev('a', 'help'), at: null, loggedAfter: true };
    const store = new LiveLessonStore(['a', 'b'], [late, after, early], []);
    expect(store.popUndo()?.event).toBe(late);
    expect(store.popUndo()?.event).toBe(early);
    expect(store.popUndo()).toBeUndefined();
    expect(store.snapshot('a').counts.help).toBe(1);
  });

  it('keeps a qualified record on its entry', () => {
    const store = new LiveLessonStore(['a'], [], []);
    const e1 = ev('a', 'turn');
    const entry = storedEntry(e1);
    store.tapped(entry);
    const bars = vi.fn();
    store.subscribe(bars);
    const q = { ...e1, initiative: 'called' as const };
    store.qualified(entry, q);
    expect(store.last?.event).toBe(q);
    expect(bars).toHaveBeenCalledTimes(1);
    store.dismissLast();
    expect(store.last).toBeNull();
  });

  it('tracks absence and leaves it out of the tally', () => {
    const store = new LiveLessonStore(['a', 'b'], [ev('a', 'turn')], []);
    const a = vi.fn();
    store.subscribePupil('a', a);
    store.setAbsent('a', true);
    store.setAbsent('a', true);
    expect(a).toHaveBeenCalledTimes(1);
    expect(store.tally()).toEqual({ events: 1, addressed: 0, present: 1 });
  });

  it('varies a repeated announcement so a screen reader reads it again', () => {
    const store = new LiveLessonStore(['a'], [], []);
    store.announce('Beurt voor A');
    const first = store.announcement;
    store.announce('Beurt voor A');
    expect(store.announcement).not.toBe(first);
    expect(store.announcement.trim()).toBe('Beurt voor A');
  });

  it('stops notifying after unsubscribe', () => {
    const store = new LiveLessonStore(['a'], [], []);
    const a = vi.fn();
    const off = store.subscribePupil('a', a);
    off();
    store.tapped(pending('a', 'turn'));
    expect(a).not.toHaveBeenCalled();
  });
});

describe('LiveLessonStore: changes from another device (sync)', () => {
  const remote = (
    added: InteractionEvent[],
    removed: InteractionEvent[] = [],
    absences: { pupilId: string; absent: boolean }[] = [],
  ) => ({ lessonId: 'l', added, removed, absences });

  it('counts a remote tap once, even when it arrives twice or was in the first read', () => {
    const seeded = ev('a', 'turn');
    const store = new LiveLessonStore(['a', 'b'], [seeded], []);
    const b = vi.fn();
    store.subscribePupil('b', b);
    const tap = ev('b', 'praise');
    store.applyRemote(remote([tap, seeded]));
    store.applyRemote(remote([tap]));
    expect(store.snapshot('a').total).toBe(1);
    expect(store.snapshot('b')).toEqual({
      counts: { praise: 1 },
      total: 1,
      absent: false,
      saving: 0,
    });
    expect(b).toHaveBeenCalledTimes(1);
    expect(store.tally()).toEqual({ events: 2, addressed: 2, present: 2 });
    // A remote tap is not this screen's to undo: the undo stays with its own taps.
    expect(store.peekUndo()?.event?.id).toBe(seeded.id);
  });

  it('takes back an event undone on another device, with its undo entry', () => {
    const own = ev('a', 'turn');
    const store = new LiveLessonStore(['a'], [own], []);
    store.applyRemote(remote([], [own]));
    store.applyRemote(remote([], [own]));
    expect(store.snapshot('a').total).toBe(0);
    expect(store.tally().events).toBe(0);
    expect(store.peekUndo()).toBeUndefined();
  });

  it('moves the count when another device changed the kind, and follows new qualifiers', () => {
    const own = ev('a', 'turn');
    const store = new LiveLessonStore(['a'], [own], []);
    store.applyRemote(remote([{ ...own, kind: 'praise' }]));
    expect(store.snapshot('a').counts).toEqual({ turn: 0, praise: 1 });
    expect(store.tally().events).toBe(1);
    const qualified = { ...own, kind: 'praise' as const, praiseType: 'specific' as const };
    store.applyRemote(remote([qualified]));
    expect(store.snapshot('a').total).toBe(1);
  });

  it('does not count a remote removal of a tap this screen undid itself', () => {
    const own = ev('a', 'turn');
    const store = new LiveLessonStore(['a', 'b'], [own], []);
    store.popUndo();
    store.applyRemote(remote([], [own]));
    expect(store.snapshot('a').total).toBe(0);
    expect(store.tally().events).toBe(0);
  });

  it('does not count a tap of its own when its write lands after an undo', () => {
    const store = new LiveLessonStore(['a'], [], []);
    const entry = pending('a', 'turn');
    store.tapped(entry);
    store.popUndo();
    const stored = ev('a', 'turn');
    store.saved(entry, stored);
    store.applyRemote(remote([], [stored]));
    expect(store.snapshot('a')).toEqual({
      counts: { turn: 0 },
      total: 0,
      absent: false,
      saving: 0,
    });
  });

  it('marks pupils absent or present as another device did', () => {
    const store = new LiveLessonStore(['a', 'b'], [], [{ pupilId: 'b' }]);
    store.applyRemote(
      remote(
        [],
        [],
        [
          { pupilId: 'a', absent: true },
          { pupilId: 'b', absent: false },
        ],
      ),
    );
    expect(store.snapshot('a').absent).toBe(true);
    expect(store.snapshot('b').absent).toBe(false);
  });
});
