/**
 * Lenses: optional attributes a teacher defines per class (a name and a closed list of values),
 * set per pupil in `PupilRecord.lensValues`. Value ids stay stable when labels change, so
 * analyses keep working; a removed value or a deleted lens is cleared from every pupil.
 */
import { stripBidi } from '../../domain/bidi';
import { compareNames } from '../../domain/seating';
import { getDb } from '../db';
import { classRows } from '../classRows';
import { ValidationError } from '../../model/errors';
import { newId, nowIso } from '../ids';
import type { SpiegelDB } from '../schema';
import type {
  ClassRecord,
  Id,
  LensPresetId,
  LensRecord,
  LensValue,
  PupilRecord,
} from '../../model/types';

export const LENS_MIN_VALUES = 2;
export const LENS_MAX_VALUES = 12;
export const LENS_NAME_MAX = 40;
export const LENS_VALUE_MAX = 40;

/** A value as edited: an existing one keeps its id, a new one has none. */
export interface LensValueInput {
  id?: Id;
  label: string;
}

const sameText = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

function cleanName(name: string): string {
  const trimmed = stripBidi(name).trim().replace(/\s+/g, ' ');
  if (!trimmed) throw new ValidationError('nameRequired');
  if (trimmed.length > LENS_NAME_MAX)
    throw new ValidationError('nameTooLong', { max: LENS_NAME_MAX });
  return trimmed;
}

/** Trims labels, drops empty ones, and checks count and case-insensitive uniqueness. */
function cleanValues(values: readonly LensValueInput[]): LensValueInput[] {
  const cleaned: LensValueInput[] = [];
  for (const v of values) {
    const label = stripBidi(v.label).trim().replace(/\s+/g, ' ');
    if (!label) continue;
    if (label.length > LENS_VALUE_MAX) {
      throw new ValidationError('valueTooLong', { value: label, max: LENS_VALUE_MAX });
    }
    if (cleaned.some((c) => sameText(c.label, label))) {
      throw new ValidationError('valueDuplicate', { value: label });
    }
    cleaned.push(v.id ? { id: v.id, label } : { label });
  }
  if (cleaned.length < LENS_MIN_VALUES) {
    throw new ValidationError('tooFewValues', { min: LENS_MIN_VALUES });
  }
  if (cleaned.length > LENS_MAX_VALUES) {
    throw new ValidationError('tooManyValues', { max: LENS_MAX_VALUES });
  }
  return cleaned;
}

async function activeClass(db: SpiegelDB, classId: Id): Promise<ClassRecord> {
  const cls = await db.classes.get(classId);
  if (!cls || cls.deletedAt) throw new ValidationError('classNotFound');
  return cls;
}

async function activeLens(db: SpiegelDB, lensId: Id): Promise<LensRecord> {
  const lens = await db.lenses.get(lensId);
  if (!lens || lens.deletedAt) throw new ValidationError('lensNotFound');
  return lens;
}

async function lensesOf(db: SpiegelDB, classId: Id): Promise<LensRecord[]> {
  const all = await classRows(db.lenses, classId);
  return all.filter((l) => !l.deletedAt).sort((a, b) => a.order - b.order);
}

async function assertNameFree(db: SpiegelDB, classId: Id, name: string, except?: Id) {
  const taken = (await lensesOf(db, classId)).some(
    (l) => l.id !== except && sameText(l.name, name),
  );
  if (taken) throw new ValidationError('nameTaken', { name });
}

/** Removes a lens's value (all of them, or only those not in `keep`) from the class's pupils. */
async function clearFromPupils(
  db: SpiegelDB,
  classId: Id,
  lensId: Id,
  keep: ReadonlySet<Id>,
  at: string,
): Promise<void> {
  const pupils = await classRows(db.pupils, classId);
  for (const p of pupils) {
    const current = p.lensValues[lensId];
    if (current !== undefined && !keep.has(current)) {
      const lensValues = { ...p.lensValues };
      delete lensValues[lensId];
      await db.pupils.update(p.id, { lensValues, updatedAt: at });
    }
  }
}

/** The class's lenses in the teacher's order (deleted ones left out). */
export async function listLenses(classId: Id): Promise<LensRecord[]> {
  return lensesOf(getDb(), classId);
}

export async function createLens(
  classId: Id,
  name: string,
  values: readonly string[],
  now: Date = new Date(),
  /** The one-tap preset it is made from, if any (remembered: the advice prompt reads it). */
  preset?: LensPresetId,
): Promise<LensRecord> {
  const cleanedName = cleanName(name);
  const cleaned = cleanValues(values.map((label) => ({ label })));
  const db = getDb();
  return db.transaction('rw', db.classes, db.lenses, async () => {
    await activeClass(db, classId);
    await assertNameFree(db, classId, cleanedName);
    const existing = await classRows(db.lenses, classId);
    const at = nowIso(now);
    const lens: LensRecord = {
      id: newId(),
      classId,
      name: cleanedName,
      values: cleaned.map((v) => ({ id: newId(), label: v.label })),
      order: existing.reduce((max, l) => Math.max(max, l.order + 1), 0),
      deletedAt: null,
      createdAt: at,
      updatedAt: at,
      ...(preset ? { preset } : {}),
    };
    await db.lenses.add(lens);
    return lens;
  });
}

export async function renameLens(lensId: Id, name: string, now: Date = new Date()): Promise<void> {
  const cleanedName = cleanName(name);
  const db = getDb();
  await db.transaction('rw', db.lenses, async () => {
    const lens = await activeLens(db, lensId);
    await assertNameFree(db, lens.classId, cleanedName, lens.id);
    await db.lenses.update(lensId, { name: cleanedName, updatedAt: nowIso(now) });
  });
}

/** Writes cleaned values inside a running transaction; clears removed values from pupils. */
async function writeValues(
  db: SpiegelDB,
  lens: LensRecord,
  cleaned: readonly LensValueInput[],
  at: string,
  extra: Partial<LensRecord> = {},
): Promise<LensRecord> {
  const known = new Set(lens.values.map((v) => v.id));
  const next: LensValue[] = cleaned.map((v) => ({
    id: v.id && known.has(v.id) ? v.id : newId(),
    label: v.label,
  }));
  if (new Set(next.map((v) => v.id)).size !== next.length) {
    throw new ValidationError('valueDuplicate', { value: '' });
  }
  await db.lenses.update(lens.id, { ...extra, values: next, updatedAt: at });
  await clearFromPupils(db, lens.classId, lens.id, new Set(next.map((v) => v.id)), at);
  return { ...lens, ...extra, values: next, updatedAt: at };
}

/**
 * Replaces a lens's values. Entries with an id keep it (a renamed label stays the same value for
 * every pupil); entries without one are new; values left out are removed and cleared from pupils.
 */
export async function updateLensValues(
  lensId: Id,
  values: readonly LensValueInput[],
  now: Date = new Date(),
): Promise<LensRecord> {
  const cleaned = cleanValues(values);
  const db = getDb();
  return db.transaction('rw', db.lenses, db.pupils, async () =>
    writeValues(db, await activeLens(db, lensId), cleaned, nowIso(now)),
  );
}

/** Renames a lens and replaces its values in one go (the edit form saves both or neither). */
export async function updateLens(
  lensId: Id,
  name: string,
  values: readonly LensValueInput[],
  now: Date = new Date(),
): Promise<LensRecord> {
  const cleanedName = cleanName(name);
  const cleaned = cleanValues(values);
  const db = getDb();
  return db.transaction('rw', db.lenses, db.pupils, async () => {
    const lens = await activeLens(db, lensId);
    await assertNameFree(db, lens.classId, cleanedName, lens.id);
    return writeValues(db, lens, cleaned, nowIso(now), { name: cleanedName });
  });
}

/** Soft delete: the lens gets `deletedAt` and no pupil keeps a value for it. */
export async function deleteLens(lensId: Id, now: Date = new Date()): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.lenses, db.pupils, async () => {
    const lens = await activeLens(db, lensId);
    const at = nowIso(now);
    await db.lenses.update(lensId, { deletedAt: at, updatedAt: at });
    await clearFromPupils(db, lens.classId, lensId, new Set(), at);
  });
}

/** Sets (or with null clears) a pupil's value for a lens of the pupil's own class. */
export async function setPupilLensValue(
  pupilId: Id,
  lensId: Id,
  valueId: Id | null,
  now: Date = new Date(),
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.lenses, db.pupils, async () => {
    const pupil = await db.pupils.get(pupilId);
    if (!pupil || pupil.removedAt) throw new ValidationError('pupilNotFound');
    const lens = await activeLens(db, lensId);
    if (lens.classId !== pupil.classId) throw new ValidationError('lensNotFound');
    if (valueId !== null && !lens.values.some((v) => v.id === valueId)) {
      throw new ValidationError('valueUnknown');
    }
    const lensValues = { ...pupil.lensValues };
    if (valueId === null) delete lensValues[lensId];
    else lensValues[lensId] = valueId;
    await db.pupils.update(pupilId, { lensValues, updatedAt: nowIso(now) });
  });
}

export interface LensesData {
  className: string;
  schoolType: ClassRecord['schoolType'];
  lenses: LensRecord[];
  /** Pupils still in the class, alphabetically. */
  pupils: PupilRecord[];
}

/** Everything the lenses screen shows, or null when the class does not exist (any more). */
export async function loadLensesData(classId: Id): Promise<LensesData | null> {
  const db = getDb();
  const cls = await db.classes.get(classId);
  if (!cls || cls.deletedAt) return null;
  const pupils = (await classRows(db.pupils, classId))
    .filter((p) => !p.removedAt)
    .sort((a, b) => compareNames(a.name, b.name));
  return {
    className: cls.name,
    schoolType: cls.schoolType,
    lenses: await lensesOf(db, classId),
    pupils,
  };
}
