/**
 * Interaction events. `logEvent` is the tap path of the live screen: it checks the lesson and
 * pupil inside its write transaction (another tab may have removed them) and notes the tap in
 * localStorage until it has landed (events are stored per lesson: ../eventStore.ts).
 */
import { INTERACTION_KINDS, KIND_INFO, isInteractionKind } from '../../model/kinds';
import type { InteractionKind, QualifierName } from '../../model/kinds';
import { getDb } from '../db';
import { modifyLessonEvents, putEvents, readEventsOfLesson } from '../eventStore';
import { ValidationError } from '../../model/errors';
import { newId, nowIso } from '../ids';
import { requireLesson, requirePupilOf } from './guards';
import { clearPending, flushPendingNotes, notePending, readPendingEvents } from '../pendingEvents';
import type { Id, InteractionEvent, IsoDate } from '../../model/types';

/** The optional qualifiers; `null` in an update clears one. */
export type EventQualifiers = Partial<Pick<InteractionEvent, QualifierName>>;
export type QualifierUpdate = { [K in QualifierName]?: InteractionEvent[K] | null };

export interface LogEventInput {
  lessonId: Id;
  pupilId: Id;
  kind: InteractionKind;
  qualifiers?: EventQualifiers;
  /** The lesson's class and date as the screen knows them (the write uses the lesson's own). */
  classId?: Id;
  date?: IsoDate;
  /** Logged after the lesson: no exact time. */
  loggedAfter?: boolean;
}

const QUALIFIER_VALUES: { [K in QualifierName]: readonly InteractionEvent[K][] } = {
  initiative: ['volunteered', 'called'],
  questionLevel: ['recall', 'higher'],
  waitTime: [true, false],
  praiseType: ['specific', 'general'],
  audience: ['class', 'private'],
};

/** Throws unless every qualifier is allowed for the kind and has a known value. */
export function checkQualifiers(kind: InteractionKind, q: QualifierUpdate): void {
  const allowed = KIND_INFO[kind].qualifiers;
  for (const [name, value] of Object.entries(q)) {
    if (value === undefined || value === null) continue;
    const qName = name as QualifierName;
    if (!allowed.includes(qName)) throw new ValidationError('qualifierNotForKind');
    if (!(QUALIFIER_VALUES[qName] as readonly unknown[]).includes(value))
      throw new ValidationError('qualifierInvalid');
  }
}

/**
 * Stores a new event after checking, inside the write transaction, that its lesson and pupil
 * still exist (another tab may have erased the pupil or replaced everything from a backup since
 * the screen read them). The lesson's own class and date are used, never the caller's. Codes:
 * lessonNotFound, pupilNotFound; nothing is stored when refused.
 */
async function putCheckedEvent(event: InteractionEvent): Promise<InteractionEvent> {
  const db = getDb();
  return db.transaction('rw', db.lessons, db.pupils, db.lessonEvents, async () => {
    const lesson = await requireLesson(event.lessonId);
    await requirePupilOf(event.pupilId, lesson.classId, { current: true });
    const stored = { ...event, classId: lesson.classId, date: lesson.date };
    await putEvents(db, [stored]);
    return stored;
  });
}

/**
 * The tap's first, synchronous half: checks the input, builds the event and notes it
 * (./pendingEvents.ts: in memory, in storage once the write starts or the page hides), so the
 * tap survives the page being closed or reloaded from here on. Throws a
 * ValidationError for an unknown kind or qualifier. `storeNotedEvent` writes it.
 */
export function noteEvent(input: LogEventInput, now: Date = new Date()): InteractionEvent {
  if (!isInteractionKind(input.kind)) throw new ValidationError('unknownKind');
  const qualifiers = input.qualifiers ?? {};
  checkQualifiers(input.kind, qualifiers);
  const ts = nowIso(now);
  const event: InteractionEvent = {
    id: newId(),
    // Provisional: the write takes the lesson's own class and date.
    classId: input.classId ?? '',
    lessonId: input.lessonId,
    pupilId: input.pupilId,
    kind: input.kind,
    date: input.date ?? '',
    at: input.loggedAfter ? null : ts,
    loggedAfter: input.loggedAfter ?? false,
    createdAt: ts,
    updatedAt: ts,
  };
  for (const [name, value] of Object.entries(qualifiers)) {
    if (value !== undefined && value !== null) Object.assign(event, { [name]: value });
  }
  notePending(event);
  return event;
}

/**
 * The tap's second half: writes a noted event and crosses the note off once the write has
 * settled either way. The live grid calls it after the tap's frame has been painted.
 */
export async function storeNotedEvent(event: InteractionEvent): Promise<InteractionEvent> {
  // The note reaches storage before the transaction starts (the tap kept it in memory).
  flushPendingNotes();
  try {
    return await putCheckedEvent(event);
  } finally {
    clearPending([event.id]);
  }
}

/**
 * Crosses off the note of a tap that was undone before its write landed: a page closed now
 * does not store it at the next start. The write, if it still comes, is undone as usual.
 */
export function forgetNotedEvent(id: string): void {
  clearPending([id]);
}

/** The tap path in one call: noted, then stored. */
export async function logEvent(
  input: LogEventInput,
  now: Date = new Date(),
): Promise<InteractionEvent> {
  return storeNotedEvent(noteEvent(input, now));
}

/**
 * Writes the taps noted but not stored when the page was last closed (called at start-up).
 * Each is checked as a new tap is: one whose lesson or pupil is gone is dropped, not stored.
 * Returns how many were stored.
 */
export async function replayPendingEvents(): Promise<number> {
  const pending = readPendingEvents();
  let stored = 0;
  for (const event of pending) {
    try {
      await putCheckedEvent(event);
      stored++;
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
    }
    clearPending([event.id]);
  }
  return stored;
}

/** Sets or clears qualifiers on an event of a lesson; returns the updated event. */
export async function updateEventQualifiers(
  lessonId: Id,
  id: Id,
  q: QualifierUpdate,
  now: Date = new Date(),
): Promise<InteractionEvent> {
  const stamp = nowIso(now);
  const { replaced } = await modifyLessonEvents(
    getDb(),
    lessonId,
    (event) => {
      if (event.id !== id) return event;
      // A refused qualifier throws here, inside the transaction: nothing is written.
      checkQualifiers(event.kind, q);
      const next: InteractionEvent = { ...event, updatedAt: stamp };
      for (const [name, value] of Object.entries(q) as [QualifierName, unknown][]) {
        if (value === undefined) continue;
        if (value === null) delete next[name];
        else Object.assign(next, { [name]: value });
      }
      return next;
    },
    stamp,
  );
  const updated = replaced[0];
  if (!updated) throw new ValidationError('eventNotFound');
  return updated;
}

/** Undo: the event is removed (a mistaken tap is not history). */
export async function deleteEvent(lessonId: Id, id: Id, now: Date = new Date()): Promise<void> {
  await modifyLessonEvents(getDb(), lessonId, (e) => (e.id === id ? null : e), nowIso(now));
}

function byTime(a: InteractionEvent, b: InteractionEvent): number {
  const ka = a.at ?? a.createdAt;
  const kb = b.at ?? b.createdAt;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A lesson's events, oldest first. */
export async function listLessonEvents(lessonId: Id): Promise<InteractionEvent[]> {
  const events = await readEventsOfLesson(getDb(), lessonId);
  return events.sort(byTime);
}

/** Counts per kind; a kind without events is absent. */
export type SparseKindCounts = Partial<Record<InteractionKind, number>>;
export type PupilKindCounts = Record<Id, SparseKindCounts>;

/** Pure: counts per pupil per kind. */
export function tallyEvents(
  events: readonly Pick<InteractionEvent, 'pupilId' | 'kind'>[],
): PupilKindCounts {
  const out: PupilKindCounts = {};
  for (const e of events) {
    const counts = (out[e.pupilId] ??= {});
    counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  }
  return out;
}

export function totalOf(counts: SparseKindCounts | undefined): number {
  if (!counts) return 0;
  let total = 0;
  for (const kind of INTERACTION_KINDS) total += counts[kind] ?? 0;
  return total;
}

export async function countsForLesson(lessonId: Id): Promise<PupilKindCounts> {
  return tallyEvents(await readEventsOfLesson(getDb(), lessonId));
}
