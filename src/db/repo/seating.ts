/**
 * The seating plan of a class: the grid size lives on the class, each pupil holds a seat.
 * Every change that touches two pupils (a swap, a resize) is one transaction, so a plan can
 * never end half-moved.
 */
import {
  arrangeAlphabetically,
  compareNames,
  isValidGridSize,
  moveToSeat,
  resizeSeating,
  type Grid,
  type SeatChange,
} from '../../domain/seating';
import { getDb } from '../db';
import { classRows } from '../classRows';
import { ValidationError } from '../../model/errors';
import { nowIso } from '../ids';
import type { SpiegelDB } from '../schema';
import type { ClassRecord, Id, PupilRecord, Seat } from '../../model/types';

export interface SeatingData {
  classId: Id;
  className: string;
  grid: Grid;
  /** Pupils still in the class, alphabetically (layoutSeats places them). */
  pupils: PupilRecord[];
}

async function activeClass(db: SpiegelDB, classId: Id): Promise<ClassRecord> {
  const cls = await db.classes.get(classId);
  if (!cls || cls.deletedAt) throw new ValidationError('classNotFound');
  return cls;
}

async function activePupils(db: SpiegelDB, classId: Id): Promise<PupilRecord[]> {
  const pupils = await classRows(db.pupils, classId);
  return pupils.filter((p) => !p.removedAt).sort((a, b) => compareNames(a.name, b.name));
}

async function applyChanges(db: SpiegelDB, changes: SeatChange[], at: string): Promise<void> {
  for (const change of changes) {
    await db.pupils.update(change.id, { seat: change.seat, updatedAt: at });
  }
}

/** The class's grid and its pupils, or null when the class does not exist (any more). */
export async function loadSeatingData(classId: Id): Promise<SeatingData | null> {
  const db = getDb();
  const cls = await db.classes.get(classId);
  if (!cls || cls.deletedAt) return null;
  return {
    classId,
    className: cls.name,
    grid: { rows: cls.seating.rows, cols: cls.seating.cols },
    pupils: await activePupils(db, classId),
  };
}

/**
 * Puts a pupil on a seat; whoever sat there takes the pupil's old seat. Returns the pupils whose
 * seat changed (the mover first).
 */
export async function moveSeat(
  classId: Id,
  pupilId: Id,
  seat: Seat,
  now: Date = new Date(),
): Promise<SeatChange[]> {
  const db = getDb();
  return db.transaction('rw', db.classes, db.pupils, async () => {
    const cls = await activeClass(db, classId);
    const result = moveToSeat(await activePupils(db, classId), pupilId, seat, cls.seating);
    if (!result.ok) throw new ValidationError(result.reason);
    await applyChanges(db, result.changes, nowIso(now));
    return result.changes;
  });
}

/**
 * Gives the class a grid of rows × cols (1–12 each). Pupils outside the new grid move to free
 * seats; when they would not fit, ValidationError('gridTooSmall', { needed, available }).
 */
export async function resizeGrid(
  classId: Id,
  rows: number,
  cols: number,
  now: Date = new Date(),
): Promise<SeatChange[]> {
  if (!isValidGridSize(rows) || !isValidGridSize(cols)) {
    throw new ValidationError('gridSize', { min: 1, max: 12 });
  }
  const db = getDb();
  return db.transaction('rw', db.classes, db.pupils, async () => {
    await activeClass(db, classId);
    const result = resizeSeating(await activePupils(db, classId), { rows, cols });
    if (!result.ok) {
      if (result.reason === 'tooSmall') {
        throw new ValidationError('gridTooSmall', {
          needed: result.needed,
          available: result.available,
        });
      }
      throw new ValidationError('gridSize', { min: 1, max: 12 });
    }
    const at = nowIso(now);
    await db.classes.update(classId, { seating: result.grid, updatedAt: at });
    await applyChanges(db, result.changes, at);
    return result.changes;
  });
}

/** Re-seats the whole class in the given order (front row first); the grid grows if needed. */
export async function autoArrange(
  classId: Id,
  order: 'alphabetical',
  now: Date = new Date(),
): Promise<SeatChange[]> {
  if (order !== 'alphabetical') throw new ValidationError('unknownOrder');
  const db = getDb();
  return db.transaction('rw', db.classes, db.pupils, async () => {
    const cls = await activeClass(db, classId);
    const result = arrangeAlphabetically(await activePupils(db, classId), cls.seating);
    const at = nowIso(now);
    if (result.grid.rows !== cls.seating.rows || result.grid.cols !== cls.seating.cols) {
      await db.classes.update(classId, { seating: result.grid, updatedAt: at });
    }
    await applyChanges(db, result.changes, at);
    return result.changes;
  });
}
