/**
 * Prompts the teacher dismissed or snoozed (one record per class and prompt key, unique index
 * [classId+promptKey]), and the loader the prompt list reads its records with. Which prompts show
 * is decided by the pure filter in src/reflection/filter.ts.
 */
import { CLASS_DATA_KEYS, type ClassData, type PromptHistory } from '../../model/classData';
import { toIsoDate } from '../../domain/dates';
import { getDb } from '../db';
import { classRows } from '../classRows';
import { classReadTables, readClassData } from '../classRead';
import { ValidationError } from '../../model/errors';
import { newId, nowIso } from '../ids';
import type {
  ClassRecord,
  Id,
  IntentionRecord,
  IsoDate,
  PromptStateRecord,
} from '../../model/types';
import { loadInsightsData } from './insightsData';
import { isValidIsoDate } from './afterLesson';

export const PROMPT_KEY_MAX = 200;

function checkKey(key: string): string {
  const k = key.trim();
  if (!k || k.length > PROMPT_KEY_MAX) throw new ValidationError('promptKeyInvalid');
  return k;
}

/** Creates or replaces the class's state for `key`, inside one transaction. */
async function upsert(
  classId: Id,
  key: string,
  status: PromptStateRecord['status'],
  until: IsoDate | null,
  now: Date,
): Promise<PromptStateRecord> {
  const promptKey = checkKey(key);
  const db = getDb();
  const stamp = nowIso(now);
  return db.transaction('rw', db.classes, db.promptStates, async () => {
    const cls = await db.classes.get(classId);
    if (!cls || cls.deletedAt) throw new ValidationError('classNotFound');
    const current = await db.promptStates
      .where('[classId+promptKey]')
      .equals([classId, promptKey])
      .first();
    const record: PromptStateRecord = current
      ? { ...current, status, until, updatedAt: stamp }
      : {
          id: newId(),
          classId,
          promptKey,
          status,
          until,
          createdAt: stamp,
          updatedAt: stamp,
        };
    await db.promptStates.put(record);
    return record;
  });
}

/** "Dismiss": this prompt (this key) never shows again for the class. */
export function dismissPrompt(
  classId: Id,
  key: string,
  now: Date = new Date(),
): Promise<PromptStateRecord> {
  return upsert(classId, key, 'dismissed', null, now);
}

/** "Not now": hidden until `until` (it shows again on that day). Codes: snoozeDateInvalid. */
export function snoozePrompt(
  classId: Id,
  key: string,
  until: IsoDate,
  now: Date = new Date(),
): Promise<PromptStateRecord> {
  if (!isValidIsoDate(until) || until <= toIsoDate(now)) {
    return Promise.reject(new ValidationError('snoozeDateInvalid'));
  }
  return upsert(classId, key, 'snoozed', until, now);
}

/** Undo of dismiss or snooze: forgets the state, so the prompt shows again. */
export async function restorePrompt(classId: Id, key: string): Promise<void> {
  await getDb().promptStates.where('[classId+promptKey]').equals([classId, key.trim()]).delete();
}

/** The class's states that still hide a prompt on the day of `now` (dismissed, or snoozed until later). */
export async function activePromptStates(
  classId: Id,
  now: Date = new Date(),
): Promise<PromptStateRecord[]> {
  const today = toIsoDate(now);
  const rows = await classRows(getDb().promptStates, classId);
  return rows
    .filter((s) => s.status === 'dismissed' || (s.until !== null && today < s.until))
    .sort((a, b) => (a.promptKey < b.promptKey ? -1 : a.promptKey > b.promptKey ? 1 : 0));
}

export interface PromptData {
  cls: ClassRecord;
  /** The analysis input for the period, read by the insights loader (`loadInsightsData`). */
  data: ClassData;
  /** Records of any date that some rules look at beyond the period. */
  history: PromptHistory;
  /** The class's intentions that are not deleted. */
  intentions: IntentionRecord[];
}

/**
 * Everything the prompt list needs for a class in one read transaction (null when the class is
 * gone): the insights loader's `ClassData` for `from`..`to`, plus every lesson and Banking Time
 * session of the class (not deleted) and its intentions.
 */
export async function loadPromptData(
  classId: Id,
  from: IsoDate,
  to: IsoDate,
): Promise<PromptData | null> {
  const db = getDb();
  return db.transaction('r', classReadTables([...CLASS_DATA_KEYS, 'intentions']), async () => {
    // Sub-transactions of this one: the same snapshot.
    const data = await loadInsightsData(classId, { from, to });
    if (!data) return null;
    const all = await readClassData(classId, ['lessons', 'banking', 'intentions']);
    if (!all) return null;
    return {
      cls: data.cls,
      data,
      history: {
        lessons: all.lessons.filter((l) => l.deletedAt === null),
        banking: all.banking.filter((b) => b.deletedAt === null),
      },
      intentions: all.intentions.filter((i) => !i.deletedAt),
    };
  });
}
