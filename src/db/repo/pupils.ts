/**
 * Pupils of a class. Removing a pupil is soft (`removedAt`): what was logged about them stays
 * part of the class's history. Only deletePupilWithHistory removes data, and only on request.
 */
import { PASTE_MAX, PUPIL_NAME_MAX, cleanName, nameLength } from '../../domain/names';
import { nextFreeSeats } from '../../domain/seating';
import { getDb } from '../db';
import { classRows } from '../classRows';
import { removePupilEvents } from '../eventStore';
import { ValidationError } from '../../model/errors';
import { newId, nowIso } from '../ids';
import type { SpiegelDB } from '../schema';
import type { ClassRecord, Id, PupilRecord, Seat } from '../../model/types';

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** Seating order (front row first, left to right), pupils without a seat last, then by name. */
export function comparePupils(a: PupilRecord, b: PupilRecord): number {
  if (a.seat && b.seat) {
    const bySeat = a.seat.row - b.seat.row || a.seat.col - b.seat.col;
    if (bySeat) return bySeat;
  } else if (a.seat || b.seat) {
    return a.seat ? -1 : 1;
  }
  return collator.compare(a.name, b.name) || a.createdAt.localeCompare(b.createdAt);
}

export function validatePupilName(raw: string): string {
  const name = cleanName(raw);
  if (!name) throw new ValidationError('nameRequired');
  if (nameLength(name) > PUPIL_NAME_MAX)
    throw new ValidationError('nameTooLong', { max: PUPIL_NAME_MAX, name });
  return name;
}

async function activeClass(db: SpiegelDB, classId: Id): Promise<ClassRecord> {
  const cls = await db.classes.get(classId);
  if (!cls || cls.deletedAt) throw new ValidationError('classNotFound');
  return cls;
}

async function occupiedSeats(db: SpiegelDB, classId: Id): Promise<Seat[]> {
  const pupils = await classRows(db.pupils, classId);
  return pupils.flatMap((p) => (p.seat && !p.removedAt ? [p.seat] : []));
}

/**
 * Gives `count` pupils the next free seats and grows the class grid when it is full.
 * Must run inside a read-write transaction on classes and pupils.
 */
async function claimSeats(
  db: SpiegelDB,
  cls: ClassRecord,
  count: number,
  now: Date,
): Promise<Seat[]> {
  const { seats, grid } = nextFreeSeats(await occupiedSeats(db, cls.id), cls.seating, count);
  if (grid.rows !== cls.seating.rows || grid.cols !== cls.seating.cols) {
    await db.classes.update(cls.id, { seating: grid, updatedAt: nowIso(now) });
  }
  return seats;
}

function newPupil(classId: Id, name: string, seat: Seat | null, now: Date): PupilRecord {
  const at = nowIso(now);
  return {
    id: newId(),
    classId,
    name,
    seat,
    lensValues: {},
    removedAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

export async function addPupil(
  classId: Id,
  name: string,
  now: Date = new Date(),
): Promise<PupilRecord> {
  const [pupil] = await addPupils(classId, [name], now);
  if (!pupil) throw new ValidationError('nameRequired');
  return pupil;
}

/** Adds several pupils at once (the paste flow): all of them or, on any problem, none. */
export async function addPupils(
  classId: Id,
  names: readonly string[],
  now: Date = new Date(),
): Promise<PupilRecord[]> {
  if (names.length > PASTE_MAX) throw new ValidationError('tooMany', { max: PASTE_MAX });
  const clean = names.map(validatePupilName);
  if (clean.length === 0) return [];
  const db = getDb();
  return db.transaction('rw', db.classes, db.pupils, async () => {
    const cls = await activeClass(db, classId);
    const seats = await claimSeats(db, cls, clean.length, now);
    const pupils = clean.map((name, i) => newPupil(classId, name, seats[i] ?? null, now));
    await db.pupils.bulkAdd(pupils);
    return pupils;
  });
}

export function getPupil(id: Id): Promise<PupilRecord | undefined> {
  return getDb().pupils.get(id);
}

/** The class's pupils in seating order; removed pupils only when asked for. */
export async function listPupils(
  classId: Id,
  options: { includeRemoved?: boolean } = {},
): Promise<PupilRecord[]> {
  const pupils = await classRows(getDb().pupils, classId);
  return pupils.filter((p) => options.includeRemoved || !p.removedAt).sort(comparePupils);
}

async function existingPupil(db: SpiegelDB, id: Id): Promise<PupilRecord> {
  const pupil = await db.pupils.get(id);
  if (!pupil) throw new ValidationError('pupilNotFound');
  return pupil;
}

export async function renamePupil(
  id: Id,
  name: string,
  now: Date = new Date(),
): Promise<PupilRecord> {
  const clean = validatePupilName(name);
  const db = getDb();
  return db.transaction('rw', db.pupils, async () => {
    const pupil = await existingPupil(db, id);
    const updated = { ...pupil, name: clean, updatedAt: nowIso(now) };
    await db.pupils.put(updated);
    return updated;
  });
}

/** Takes the pupil out of the class and frees their seat; everything logged about them stays. */
export async function removePupil(id: Id, now: Date = new Date()): Promise<PupilRecord> {
  const db = getDb();
  return db.transaction('rw', db.pupils, async () => {
    const pupil = await existingPupil(db, id);
    const at = nowIso(now);
    const updated = { ...pupil, removedAt: pupil.removedAt ?? at, seat: null, updatedAt: at };
    await db.pupils.put(updated);
    return updated;
  });
}

/** Brings a removed pupil back, on the next free seat. */
export async function restorePupil(id: Id, now: Date = new Date()): Promise<PupilRecord> {
  const db = getDb();
  return db.transaction('rw', db.classes, db.pupils, async () => {
    const pupil = await existingPupil(db, id);
    if (!pupil.removedAt) return pupil;
    const cls = await activeClass(db, pupil.classId);
    const [seat] = await claimSeats(db, cls, 1, now);
    const updated = { ...pupil, removedAt: null, seat: seat ?? null, updatedAt: nowIso(now) };
    await db.pupils.put(updated);
    return updated;
  });
}

/** Erases a pupil and everything recorded about them. Only on the teacher's explicit request. */
export async function deletePupilWithHistory(id: Id, now: Date = new Date()): Promise<void> {
  // An empty id would match every key below (`includes('')`).
  if (!id) return;
  const db = getDb();
  const tables = [
    db.absences,
    db.banking,
    db.expectations,
    db.achievements,
    db.relationships,
  ] as const;
  const reflection = [db.journal, db.intentions, db.promptStates, db.attributions] as const;
  await db.transaction('rw', [db.pupils, db.lessonEvents, ...tables, ...reflection], async () => {
    const pupil = await db.pupils.get(id);
    if (pupil) await removePupilEvents(db, pupil.classId, id, nowIso(now));
    for (const table of tables) {
      await table.where('pupilId').equals(id).delete();
    }
    // Journal entries about the pupil: linked directly, or answering an insight about them
    // (insight keys such as `notAddressed:<pupilId>` carry the id).
    await db.journal.filter((j) => j.pupilId === id || !!j.insightKey?.includes(id)).delete();
    await db.intentions
      .filter((i) => i.target.type === 'pupil' && i.target.pupilId === id)
      .delete();
    // A dismissed prompt about the pupil would keep their id for nothing.
    await db.promptStates.filter((p) => p.promptKey.includes(id)).delete();
    // Where the teacher placed the cause with this pupil (issue 14).
    await db.attributions.where('pupilId').equals(id).delete();
    // A deliberate-help intention names the pupil among others: only their id goes.
    await db.intentions
      .filter((i) => !!i.moreHelpFor?.includes(id))
      .modify((i) => {
        i.moreHelpFor = (i.moreHelpFor ?? []).filter((p) => p !== id);
      });
    await db.pupils.delete(id);
  });
}
