/**
 * Intentions (voornemens): what the teacher means to do differently, for whom and for how long.
 * Progress is never stored: src/domain/intentions.ts derives it from the logged data. Closing
 * keeps the reflection on the intention and also writes it to the journal.
 */
import { getDb } from '../db';
import { classRows } from '../classRows';
import { classReadTables, readClassData } from '../classRead';
import { readClassEventsBetween } from '../eventStore';
import { ValidationError } from '../../model/errors';
import { newId, nowIso } from '../ids';
import type {
  ClassRecord,
  Id,
  IntentionMeasure,
  IntentionRecord,
  IntentionTarget,
  IsoDate,
  JournalEntry,
  LensRecord,
} from '../../model/types';
import { daysBetween, toIsoDate } from '../../domain/dates';
import {
  eventsNeededFrom,
  INTENTION_QUALITIES,
  qualitiesFor,
  type IntentionData,
} from '../../domain/intentions';
import { isInteractionKind } from '../../model/kinds';
import { isValidIsoDate } from './afterLesson';
import { comparePupils } from './pupils';
import { JOURNAL_TEXT_MAX } from './journal';

export const PER_LESSON_MIN = 1;
export const PER_LESSON_MAX = 10;
/** About a school year: longer intentions stop being concrete. */
export const PERIOD_MAX_DAYS = 366;
export const NOTE_MAX = 500;

export interface IntentionInput {
  classId: Id;
  target: IntentionTarget;
  measure: IntentionMeasure;
  from: IsoDate;
  to: IsoDate;
  note?: string;
  /** Pupils deliberately given more help within the period (issue 14); empty or absent = none. */
  moreHelpFor?: readonly Id[];
}

/** Pupils one intention can deliberately help more: a large class, with room to spare. */
export const MORE_HELP_MAX = 60;

const EXPECTATION_GROUPS = ['high', 'middle', 'low'] as const;

/**
 * Codes: kindInvalid, qualityNotForKind, perLessonRange, dateInvalid, toBeforeFrom,
 * periodTooLong, noteTooLong, targetInvalid.
 */
export function validateIntentionFields(input: Omit<IntentionInput, 'classId'>): {
  target: IntentionTarget;
  measure: IntentionMeasure;
  from: IsoDate;
  to: IsoDate;
  note: string;
  moreHelpFor?: Id[];
} {
  const { kind, quality, perLesson } = input.measure;
  if (!isInteractionKind(kind)) throw new ValidationError('kindInvalid');
  if (quality !== undefined) {
    if (!INTENTION_QUALITIES.includes(quality) || !qualitiesFor(kind).includes(quality))
      throw new ValidationError('qualityNotForKind');
  }
  if (!Number.isInteger(perLesson) || perLesson < PER_LESSON_MIN || perLesson > PER_LESSON_MAX)
    throw new ValidationError('perLessonRange', { min: PER_LESSON_MIN, max: PER_LESSON_MAX });
  const from = input.from.trim();
  const to = input.to.trim();
  if (!isValidIsoDate(from) || !isValidIsoDate(to)) throw new ValidationError('dateInvalid');
  if (to < from) throw new ValidationError('toBeforeFrom');
  if (daysBetween(from, to) > PERIOD_MAX_DAYS)
    throw new ValidationError('periodTooLong', { max: PERIOD_MAX_DAYS });
  const note = (input.note ?? '').trim();
  if (note.length > NOTE_MAX) throw new ValidationError('noteTooLong', { max: NOTE_MAX });
  const t = input.target;
  let target: IntentionTarget;
  switch (t.type) {
    case 'class':
      target = { type: 'class' };
      break;
    case 'pupil':
      if (!t.pupilId) throw new ValidationError('pupilRequired');
      target = { type: 'pupil', pupilId: t.pupilId };
      break;
    case 'lens':
      if (!t.lensId || !t.valueId) throw new ValidationError('lensRequired');
      target = { type: 'lens', lensId: t.lensId, valueId: t.valueId };
      break;
    case 'expectation':
      if (!EXPECTATION_GROUPS.includes(t.group)) throw new ValidationError('targetInvalid');
      target = { type: 'expectation', group: t.group };
      break;
    default:
      throw new ValidationError('targetInvalid');
  }
  const measure: IntentionMeasure = quality ? { kind, quality, perLesson } : { kind, perLesson };
  const help = [...new Set(input.moreHelpFor ?? [])];
  if (help.some((id) => typeof id !== 'string' || !id)) throw new ValidationError('moreHelpPupil');
  if (help.length > MORE_HELP_MAX)
    throw new ValidationError('moreHelpTooMany', { max: MORE_HELP_MAX });
  return { target, measure, from, to, note, ...(help.length > 0 ? { moreHelpFor: help } : {}) };
}

/** Every pupil given deliberate help is a current pupil of the class. Code: moreHelpPupil. */
async function checkMoreHelp(classId: Id, pupilIds: readonly Id[] | undefined): Promise<void> {
  if (!pupilIds?.length) return;
  const pupils = await getDb().pupils.bulkGet([...pupilIds]);
  if (pupils.some((p) => !p || p.classId !== classId || p.removedAt))
    throw new ValidationError('moreHelpPupil');
}

/** The pupil or lens value must belong to the class. Codes: classNotFound, pupilRequired, lensRequired. */
async function checkTarget(classId: Id, target: IntentionTarget): Promise<void> {
  const db = getDb();
  const cls = await db.classes.get(classId);
  if (!cls || cls.deletedAt) throw new ValidationError('classNotFound');
  if (target.type === 'pupil') {
    const pupil = await db.pupils.get(target.pupilId);
    if (!pupil || pupil.classId !== classId || pupil.removedAt)
      throw new ValidationError('pupilRequired');
  }
  if (target.type === 'lens') {
    const lens = await db.lenses.get(target.lensId);
    if (
      !lens ||
      lens.classId !== classId ||
      lens.deletedAt ||
      !lens.values.some((v) => v.id === target.valueId)
    )
      throw new ValidationError('lensRequired');
  }
}

export async function createIntention(
  input: IntentionInput,
  now: Date = new Date(),
): Promise<IntentionRecord> {
  const fields = validateIntentionFields(input);
  const db = getDb();
  const stamp = nowIso(now);
  const record: IntentionRecord = {
    id: newId(),
    classId: input.classId,
    ...fields,
    closingReflection: '',
    closedAt: null,
    deletedAt: null,
    createdAt: stamp,
    updatedAt: stamp,
  };
  await db.transaction('rw', [db.classes, db.pupils, db.lenses, db.intentions], async () => {
    await checkTarget(input.classId, fields.target);
    await checkMoreHelp(input.classId, fields.moreHelpFor);
    await db.intentions.add(record);
  });
  return record;
}

export type IntentionPatch = Partial<Omit<IntentionInput, 'classId'>>;

/** Changes an intention (e.g. a later end date); a closed one stays as it was closed. */
export async function updateIntention(
  id: Id,
  patch: IntentionPatch,
  now: Date = new Date(),
): Promise<IntentionRecord> {
  const db = getDb();
  return db.transaction('rw', [db.classes, db.pupils, db.lenses, db.intentions], async () => {
    const current = await db.intentions.get(id);
    if (!current || current.deletedAt) throw new ValidationError('intentionNotFound');
    if (current.closedAt) throw new ValidationError('intentionClosed');
    const fields = validateIntentionFields({
      target: patch.target ?? current.target,
      measure: patch.measure ?? current.measure,
      from: patch.from ?? current.from,
      to: patch.to ?? current.to,
      note: patch.note ?? current.note,
      moreHelpFor: patch.moreHelpFor ?? current.moreHelpFor,
    });
    if (patch.target) await checkTarget(current.classId, fields.target);
    if (patch.moreHelpFor) await checkMoreHelp(current.classId, fields.moreHelpFor);
    const { moreHelpFor: _old, ...rest } = current;
    const next: IntentionRecord = { ...rest, ...fields, updatedAt: nowIso(now) };
    await db.intentions.put(next);
    return next;
  });
}

/**
 * Closes an intention with the teacher's reflection. A reflection is saved on the intention and
 * as a journal entry (source `intentionClose`); closing without one writes no entry.
 */
export async function closeIntention(
  id: Id,
  reflection: string,
  now: Date = new Date(),
): Promise<{ intention: IntentionRecord; entry: JournalEntry | null }> {
  const text = reflection.trim();
  if (text.length > JOURNAL_TEXT_MAX)
    throw new ValidationError('textTooLong', { max: JOURNAL_TEXT_MAX });
  const db = getDb();
  const stamp = nowIso(now);
  return db.transaction('rw', db.intentions, db.journal, async () => {
    const current = await db.intentions.get(id);
    if (!current || current.deletedAt) throw new ValidationError('intentionNotFound');
    if (current.closedAt) throw new ValidationError('intentionClosed');
    const intention: IntentionRecord = {
      ...current,
      closingReflection: text,
      closedAt: stamp,
      updatedAt: stamp,
    };
    await db.intentions.put(intention);
    let entry: JournalEntry | null = null;
    if (text) {
      const pupilId = current.target.type === 'pupil' ? current.target.pupilId : null;
      entry = {
        id: newId(),
        classId: current.classId,
        date: toIsoDate(now),
        text,
        lessonId: null,
        pupilId,
        insightKey: `intention:${current.id}`,
        source: 'intentionClose',
        deletedAt: null,
        createdAt: stamp,
        updatedAt: stamp,
      };
      await db.journal.add(entry);
    }
    return { intention, entry };
  });
}

/** Soft delete: the intention disappears from lists but can be restored (Undo). */
export async function deleteIntention(id: Id, now: Date = new Date()): Promise<void> {
  const stamp = nowIso(now);
  await getDb().intentions.update(id, { deletedAt: stamp, updatedAt: stamp });
}

export async function restoreIntention(id: Id, now: Date = new Date()): Promise<void> {
  await getDb().intentions.update(id, { deletedAt: null, updatedAt: nowIso(now) });
}

/** Newest period first, then the one set last. */
function byPeriod(a: IntentionRecord, b: IntentionRecord): number {
  if (a.from !== b.from) return a.from < b.from ? 1 : -1;
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}

export async function listIntentions(classId: Id): Promise<IntentionRecord[]> {
  const rows = await classRows(getDb().intentions, classId);
  return rows.filter((i) => !i.deletedAt).sort(byPeriod);
}

export interface IntentionsPageData {
  cls: ClassRecord;
  lenses: LensRecord[];
  intentions: IntentionRecord[];
  /** The records progress is computed from (pupils in seating order, removed ones included). */
  data: IntentionData;
}

/**
 * Everything the intentions screens show, in one read (null when the class is gone). Events are
 * read only from the first date the intentions' progress can depend on (`eventsNeededFrom`): the
 * class screen shows the active ones, and a year of events read on the page for a few weeks'
 * intention was one long task on a phone.
 */
/** Above every ISO date: "from a date on" as an index range. */
const LAST_DATE = '\uffff';

export async function loadIntentionsPageData(
  classId: Id,
  today: IsoDate = toIsoDate(new Date()),
): Promise<IntentionsPageData | null> {
  const db = getDb();
  const keys = ['pupils', 'lenses', 'lessons', 'absences', 'expectations', 'intentions'] as const;
  return db.transaction('r', classReadTables([...keys, 'events']), async () => {
    const read = await readClassData(classId, keys);
    if (!read) return null;
    const { cls } = read;
    const intentions = read.intentions.filter((i) => !i.deletedAt).sort(byPeriod);
    const records = {
      classId,
      expectationScale: cls.expectationScale,
      pupils: read.pupils.sort(comparePupils),
      lessons: read.lessons.filter((l) => !l.deletedAt),
      absences: read.absences,
      expectations: read.expectations,
      today,
    };
    const from = eventsNeededFrom(intentions, records);
    const events = from === null ? [] : await readClassEventsBetween(db, classId, from, LAST_DATE);
    return {
      cls,
      lenses: read.lenses.filter((l) => !l.deletedAt).sort((a, b) => a.order - b.order),
      intentions,
      data: { ...records, events },
    };
  });
}
