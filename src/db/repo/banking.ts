/**
 * Banking Time sessions: short 1-on-1 moments with a pupil (Driscoll & Pianta 2010). Deleting is
 * soft (`deletedAt`) so the screen can offer Undo and history stays intact.
 */
import { getDb } from '../db';
import { classRows } from '../classRows';
import { ValidationError } from '../../model/errors';
import { newId, nowIso } from '../ids';
import type { BankingSession, ClassRecord, Id, PupilRecord } from '../../model/types';
import { toIsoDate } from '../../domain/dates';
import { compareNames } from '../../domain/seating';
import { isValidIsoDate } from './afterLesson';

export const BANKING_MIN_MINUTES = 1;
export const BANKING_MAX_MINUTES = 120;

export interface BankingInput {
  classId: Id;
  pupilId: Id;
  date: string;
  minutes: number;
  note: string;
}

/** Codes: pupilRequired, minutesRange, dateInvalid, dateFuture. */
function validate(
  input: Pick<BankingInput, 'pupilId' | 'date' | 'minutes' | 'note'>,
  now: Date,
): { date: string } {
  if (!input.pupilId || !input.pupilId.trim()) throw new ValidationError('pupilRequired');
  if (
    !Number.isInteger(input.minutes) ||
    input.minutes < BANKING_MIN_MINUTES ||
    input.minutes > BANKING_MAX_MINUTES
  )
    throw new ValidationError('minutesRange', {
      min: BANKING_MIN_MINUTES,
      max: BANKING_MAX_MINUTES,
    });
  // The backup format caps notes at 5,000 characters: a longer one could never be restored.
  if (input.note.trim().length > BANKING_NOTE_MAX)
    throw new ValidationError('noteTooLong', { max: BANKING_NOTE_MAX });
  const date = input.date.trim();
  if (!isValidIsoDate(date)) throw new ValidationError('dateInvalid');
  if (date > toIsoDate(now)) throw new ValidationError('dateFuture');
  return { date };
}

export const BANKING_NOTE_MAX = 5000;

async function checkPupil(pupilId: Id, classId: Id): Promise<void> {
  const pupil = await getDb().pupils.get(pupilId);
  if (!pupil || pupil.classId !== classId) throw new ValidationError('pupilRequired');
}

export async function logBanking(
  input: BankingInput,
  now: Date = new Date(),
): Promise<BankingSession> {
  const { date } = validate(input, now);
  const db = getDb();
  const stamp = nowIso(now);
  const session: BankingSession = {
    id: newId(),
    classId: input.classId,
    pupilId: input.pupilId,
    date,
    minutes: input.minutes,
    note: input.note.trim(),
    deletedAt: null,
    createdAt: stamp,
    updatedAt: stamp,
  };
  await db.transaction('rw', db.pupils, db.banking, async () => {
    await checkPupil(input.pupilId, input.classId);
    await db.banking.add(session);
  });
  return session;
}

export type BankingPatch = Partial<Pick<BankingInput, 'pupilId' | 'date' | 'minutes' | 'note'>>;

export async function updateBanking(
  id: Id,
  patch: BankingPatch,
  now: Date = new Date(),
): Promise<BankingSession> {
  const db = getDb();
  return db.transaction('rw', db.pupils, db.banking, async () => {
    const current = await db.banking.get(id);
    if (!current || current.deletedAt) throw new ValidationError('sessionNotFound');
    const next: BankingSession = {
      ...current,
      pupilId: patch.pupilId ?? current.pupilId,
      date: patch.date ?? current.date,
      minutes: patch.minutes ?? current.minutes,
      note: (patch.note ?? current.note).trim(),
      updatedAt: nowIso(now),
    };
    next.date = validate(next, now).date;
    if (next.pupilId !== current.pupilId) await checkPupil(next.pupilId, current.classId);
    await db.banking.put(next);
    return next;
  });
}

/** Soft delete: the session disappears from lists but can be restored (Undo). */
export async function deleteBanking(id: Id, now: Date = new Date()): Promise<void> {
  const stamp = nowIso(now);
  await getDb().banking.update(id, { deletedAt: stamp, updatedAt: stamp });
}

export async function restoreBanking(id: Id, now: Date = new Date()): Promise<void> {
  await getDb().banking.update(id, { deletedAt: null, updatedAt: nowIso(now) });
}

/** Newest first (by date, then by when it was logged). */
function newestFirst(a: BankingSession, b: BankingSession): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}

export async function listBanking(classId: Id): Promise<BankingSession[]> {
  const rows = await classRows(getDb().banking, classId);
  return rows.filter((s) => !s.deletedAt).sort(newestFirst);
}

export async function listBankingForPupil(pupilId: Id): Promise<BankingSession[]> {
  const rows = await getDb().banking.where('pupilId').equals(pupilId).toArray();
  return rows.filter((s) => !s.deletedAt).sort(newestFirst);
}

export interface BankingTotal {
  sessions: number;
  minutes: number;
}

/** Sessions and minutes per pupil within the calendar month of `now` (pure). */
export function monthTotals(
  sessions: readonly BankingSession[],
  now: Date = new Date(),
): Map<Id, BankingTotal> {
  const month = toIsoDate(now).slice(0, 7);
  const totals = new Map<Id, BankingTotal>();
  for (const s of sessions) {
    if (s.deletedAt || s.date.slice(0, 7) !== month) continue;
    const total = totals.get(s.pupilId) ?? { sessions: 0, minutes: 0 };
    total.sessions += 1;
    total.minutes += s.minutes;
    totals.set(s.pupilId, total);
  }
  return totals;
}

export interface BankingData {
  cls: ClassRecord;
  /** Every pupil ever in the class (removed ones keep their history), by name. */
  pupils: PupilRecord[];
  sessions: BankingSession[];
}

/** Everything the banking screen shows, in one read (null when the class is gone). */
export async function loadBankingData(classId: Id): Promise<BankingData | null> {
  const db = getDb();
  const cls = await db.classes.get(classId);
  if (!cls || cls.deletedAt) return null;
  const [pupils, sessions] = await Promise.all([
    classRows(db.pupils, classId),
    listBanking(classId),
  ]);
  return { cls, pupils: pupils.sort((a, b) => compareNames(a.name, b.name)), sessions };
}
