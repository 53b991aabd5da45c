/**
 * Issue 9: the tap path refuses an event whose lesson or pupil no longer exists (another tab
 * erased the pupil, deleted the lesson or replaced everything from a backup), checked inside the
 * write transaction; and a tap survives the page being closed before its write landed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countStoredEvents } from './eventHelpers';
import {
  forgetNotedEvent,
  logEvent,
  noteEvent,
  replayPendingEvents,
  storeNotedEvent,
} from '../../src/db/repo/events';
import { deleteLesson, startLesson } from '../../src/db/repo/lessons';
import {
  flushPendingNotes,
  readPendingEvents,
  setNoteStorageForTests,
  type NoteStorage,
} from '../../src/db/pendingEvents';
import { ValidationError } from '../../src/model/errors';
import type { InteractionEvent, LessonRecord } from '../../src/model/types';
import { freshDbWithClass, T0 } from './loggingFixtures';

function memoryStorage(): NoteStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

let ctx: Awaited<ReturnType<typeof freshDbWithClass>>;
let lesson: LessonRecord;
let note: ReturnType<typeof memoryStorage>;
beforeEach(async () => {
  note = memoryStorage();
  setNoteStorageForTests(note);
  ctx = await freshDbWithClass();
  lesson = await startLesson({ classId: ctx.cls.id, date: '2025-03-03', startTime: '09:00' }, T0);
});
afterEach(() => setNoteStorageForTests(undefined));

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'stored';
  } catch (e) {
    return e instanceof ValidationError ? e.code : String(e);
  }
};

describe('the tap path refuses orphans, inside the write', () => {
  const tap = (pupilId: string, lessonId = lesson.id) =>
    logEvent({ lessonId, pupilId, kind: 'turn', classId: ctx.cls.id, date: lesson.date });

  it.each([
    ['the pupil was erased', 'pupilNotFound', async () => ctx.db.pupils.delete(ctx.pupils[0]!.id)],
    [
      'the pupil was removed from the class',
      'pupilNotFound',
      async () => ctx.db.pupils.update(ctx.pupils[0]!.id, { removedAt: T0.toISOString() }),
    ],
    [
      'the pupil belongs to another class',
      'pupilNotFound',
      async () => ctx.db.pupils.update(ctx.pupils[0]!.id, { classId: 'other' }),
    ],
    ['the lesson was deleted', 'lessonNotFound', async () => deleteLesson(lesson.id)],
    ['the lesson is gone (replaced)', 'lessonNotFound', async () => ctx.db.lessons.clear()],
  ])('%s → %s, nothing stored, nothing left noted', async (_label, code, change) => {
    await change();
    expect(await codeOf(tap(ctx.pupils[0]!.id))).toBe(code);
    expect(await countStoredEvents(ctx.db)).toBe(0);
    expect(readPendingEvents()).toEqual([]);
  });

  it('refuses a tap whose check fails while an earlier tap of the burst is stored', async () => {
    const [sem, noor] = ctx.pupils;
    const first = tap(sem!.id);
    const gone = ctx.db.pupils.delete(noor!.id);
    const second = tap(noor!.id);
    await gone;
    expect(await codeOf(first)).toBe('stored');
    expect(await codeOf(second)).toBe('pupilNotFound');
    expect(await countStoredEvents(ctx.db)).toBe(1);
  });
});

describe('a tap is noted until its write has landed', () => {
  it('notes the tap synchronously and crosses it off once stored', async () => {
    const saved = logEvent({ lessonId: lesson.id, pupilId: ctx.pupils[0]!.id, kind: 'turn' });
    // Before any await: the note is there (a reload now would not lose the tap).
    expect(readPendingEvents().map((e) => e.pupilId)).toEqual([ctx.pupils[0]!.id]);
    await saved;
    expect(readPendingEvents()).toEqual([]);
    expect(note.data.size).toBe(0);
  });

  it('keeps the note while the live grid holds the write back until after its frame', async () => {
    const pupilId = ctx.pupils[0]!.id;
    const event = noteEvent({ lessonId: lesson.id, pupilId, kind: 'turn' });
    // The page may close here: nothing is stored yet, the note holds the tap.
    await Promise.resolve();
    expect(await countStoredEvents(ctx.db)).toBe(0);
    expect(readPendingEvents().map((e) => e.id)).toEqual([event.id]);
    const stored = await storeNotedEvent(event);
    expect(stored).toMatchObject({ id: event.id, classId: ctx.cls.id, date: lesson.date });
    expect(await countStoredEvents(ctx.db)).toBe(1);
    expect(readPendingEvents()).toEqual([]);
  });

  it('forgets the note of a tap undone before its write: a restart does not bring it back', async () => {
    const pupilId = ctx.pupils[0]!.id;
    const undone = noteEvent({ lessonId: lesson.id, pupilId, kind: 'turn' });
    const kept = noteEvent({ lessonId: lesson.id, pupilId, kind: 'praise' });
    forgetNotedEvent(undone.id);
    expect(readPendingEvents().map((e) => e.id)).toEqual([kept.id]);
    // The page closes here: the next start stores only the tap that was not undone.
    expect(await replayPendingEvents()).toBe(1);
    expect(await countStoredEvents(ctx.db)).toBe(1);
  });

  it('notes nothing for a refused kind, and crosses off a write refused later', async () => {
    const pupilId = ctx.pupils[0]!.id;
    expect(() => noteEvent({ lessonId: lesson.id, pupilId, kind: 'nonsense' as 'turn' })).toThrow(
      ValidationError,
    );
    expect(note.data.size).toBe(0);
    const orphan = noteEvent({ lessonId: 'deleted-lesson', pupilId, kind: 'turn' });
    expect(readPendingEvents()).toHaveLength(1);
    expect(await codeOf(storeNotedEvent(orphan))).toBe('lessonNotFound');
    expect(readPendingEvents()).toEqual([]);
  });

  it('writes noted taps at the next start, once each, and drops orphans', async () => {
    const [sem, noor] = ctx.pupils;
    const ts = T0.toISOString();
    const noted = (id: string, pupilId: string, lessonId = lesson.id): InteractionEvent => ({
      id,
      classId: ctx.cls.id,
      lessonId,
      pupilId,
      kind: 'turn',
      date: lesson.date,
      at: ts,
      loggedAfter: false,
      createdAt: ts,
      updatedAt: ts,
    });
    // Five taps noted, the page closed before any landed; one of them already landed.
    const burst = [1, 2, 3, 4].map((i) => noted(`e${i}`, sem!.id));
    const orphanLesson = noted('e5', noor!.id, 'deleted-lesson');
    const orphanPupil = noted('e6', 'erased-pupil');
    note.data.set('spiegel.pendingEvents', JSON.stringify([...burst, orphanLesson, orphanPupil]));
    await logEvent({ lessonId: lesson.id, pupilId: sem!.id, kind: 'turn' });
    // logEvent crossed off only its own note.
    expect(readPendingEvents()).toHaveLength(6);

    expect(await replayPendingEvents()).toBe(4);
    expect(await countStoredEvents(ctx.db)).toBe(5);
    expect(readPendingEvents()).toEqual([]);
    // Replaying again (another tab started too) stores nothing twice.
    note.data.set('spiegel.pendingEvents', JSON.stringify(burst));
    expect(await replayPendingEvents()).toBe(4);
    expect(await countStoredEvents(ctx.db)).toBe(5);
  });

  it("keeps a tap's note in memory until its write starts, then in storage until it has landed", async () => {
    const pupilId = ctx.pupils[0]!.id;
    const first = noteEvent({ lessonId: lesson.id, pupilId, kind: 'turn' });
    const second = noteEvent({ lessonId: lesson.id, pupilId, kind: 'praise' });
    // The tap did not touch storage; the notes are still there to read.
    expect(note.data.size).toBe(0);
    expect(readPendingEvents().map((e) => e.id)).toEqual([first.id, second.id]);
    // The first write starts: the burst's notes reach storage before its transaction.
    const storing = storeNotedEvent(first);
    const stored = JSON.parse(note.data.get('spiegel.pendingEvents')!) as InteractionEvent[];
    expect(stored.map((e) => e.id)).toEqual([first.id, second.id]);
    await storing;
    expect(readPendingEvents().map((e) => e.id)).toEqual([second.id]);
    await storeNotedEvent(second);
    expect(note.data.size).toBe(0);
  });

  it('writes the notes when the page hides, and a note undone before that never reaches storage', async () => {
    const pupilId = ctx.pupils[0]!.id;
    const undone = noteEvent({ lessonId: lesson.id, pupilId, kind: 'turn' });
    const kept = noteEvent({ lessonId: lesson.id, pupilId, kind: 'praise' });
    forgetNotedEvent(undone.id);
    // What the page's pagehide and visibilitychange (hidden) listeners call.
    flushPendingNotes();
    const stored = JSON.parse(note.data.get('spiegel.pendingEvents')!) as InteractionEvent[];
    expect(stored.map((e) => e.id)).toEqual([kept.id]);
    flushPendingNotes();
    expect(readPendingEvents().map((e) => e.id)).toEqual([kept.id]);
    // The page is gone: the next start stores the one tap kept.
    setNoteStorageForTests(note);
    expect(await replayPendingEvents()).toBe(1);
    expect(await countStoredEvents(ctx.db)).toBe(1);
  });

  it('ignores a damaged note', async () => {
    note.data.set('spiegel.pendingEvents', '{not json');
    expect(readPendingEvents()).toEqual([]);
    expect(await replayPendingEvents()).toBe(0);
  });
});
