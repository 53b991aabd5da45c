/**
 * Classes: create, rename, archive and (soft) delete. A deleted class stays in the table with
 * `deletedAt` so the teacher can undo for a few seconds; maintenance purges it later.
 */
import { CLASS_NAME_MAX, YEAR_LABEL_MAX, cleanName, nameLength } from '../../domain/names';
import { listedClasses, summariseClasses, type ClassSummary } from '../../domain/classList';
import { defaultGrid } from '../../domain/seating';
import { getDb } from '../db';
import { ValidationError } from '../../model/errors';
import { newId, nowIso } from '../ids';
import type { ClassRecord, Id, SchoolType } from '../../model/types';

export interface NewClass {
  name: string;
  schoolType: SchoolType;
  yearLabel: string;
}

export function validateClassName(raw: string): string {
  const name = cleanName(raw);
  if (!name) throw new ValidationError('nameRequired');
  if (nameLength(name) > CLASS_NAME_MAX)
    throw new ValidationError('nameTooLong', { max: CLASS_NAME_MAX });
  return name;
}

function validateYearLabel(raw: string): string {
  const label = cleanName(raw);
  if (nameLength(label) > YEAR_LABEL_MAX)
    throw new ValidationError('yearLabelTooLong', { max: YEAR_LABEL_MAX });
  return label;
}

function isSchoolType(value: unknown): value is SchoolType {
  return value === 'primary' || value === 'secondary';
}

export async function createClass(input: NewClass, now: Date = new Date()): Promise<ClassRecord> {
  const name = validateClassName(input.name);
  const yearLabel = validateYearLabel(input.yearLabel);
  if (!isSchoolType(input.schoolType)) throw new ValidationError('schoolTypeRequired');
  const at = nowIso(now);
  const record: ClassRecord = {
    id: newId(),
    name,
    schoolType: input.schoolType,
    yearLabel,
    seating: defaultGrid(0),
    hiddenKinds: [],
    archivedAt: null,
    deletedAt: null,
    isDemo: false,
    expectationScale: { kind: 'relative5' },
    createdAt: at,
    updatedAt: at,
  };
  await getDb().classes.add(record);
  return record;
}

/** The class, unless it does not exist or was deleted. */
export async function getClass(id: Id): Promise<ClassRecord | undefined> {
  const cls = await getDb().classes.get(id);
  return cls && !cls.deletedAt ? cls : undefined;
}

/** All classes that are not deleted (archived ones included), sorted by name. */
export async function listClasses(): Promise<ClassRecord[]> {
  return listedClasses(await getDb().classes.toArray());
}

/**
 * listClasses() with the number of pupils in each, for the start screen: the classes and all
 * pupils in two plain reads (not one count per class), summarised as the start read does
 * (src/db/startRecords.ts). No transaction: a read resolves when its result arrives, a
 * transaction only once it has committed, a round trip later (issue 15). A class changed between
 * the two reads is read again by the live query that shows them.
 */
export async function listClassSummaries(): Promise<ClassSummary[]> {
  const db = getDb();
  const [classes, pupils] = await Promise.all([db.classes.toArray(), db.pupils.toArray()]);
  return summariseClasses(classes, pupils);
}

/** Applies a change to a class that exists (deleted ones only when `allowDeleted`). */
async function updateClass(
  id: Id,
  change: (cls: ClassRecord) => Partial<ClassRecord>,
  now: Date,
  allowDeleted = false,
): Promise<ClassRecord> {
  const db = getDb();
  return db.transaction('rw', db.classes, async () => {
    const cls = await db.classes.get(id);
    if (!cls || (cls.deletedAt && !allowDeleted)) throw new ValidationError('classNotFound');
    const updated: ClassRecord = { ...cls, ...change(cls), updatedAt: nowIso(now) };
    await db.classes.put(updated);
    return updated;
  });
}

export async function renameClass(
  id: Id,
  name: string,
  now: Date = new Date(),
): Promise<ClassRecord> {
  const clean = validateClassName(name);
  return updateClass(id, () => ({ name: clean }), now);
}

export async function updateYearLabel(
  id: Id,
  yearLabel: string,
  now: Date = new Date(),
): Promise<ClassRecord> {
  const clean = validateYearLabel(yearLabel);
  return updateClass(id, () => ({ yearLabel: clean }), now);
}

export function archiveClass(id: Id, now: Date = new Date()): Promise<ClassRecord> {
  return updateClass(id, (c) => ({ archivedAt: c.archivedAt ?? nowIso(now) }), now);
}

export function unarchiveClass(id: Id, now: Date = new Date()): Promise<ClassRecord> {
  return updateClass(id, () => ({ archivedAt: null }), now);
}

/** Hides the class everywhere; its pupils and lessons stay until the purge, so undo is complete. */
export function softDeleteClass(id: Id, now: Date = new Date()): Promise<ClassRecord> {
  return updateClass(id, (c) => ({ deletedAt: c.deletedAt ?? nowIso(now) }), now);
}

/** Undo of softDeleteClass. */
export function restoreClass(id: Id, now: Date = new Date()): Promise<ClassRecord> {
  return updateClass(id, () => ({ deletedAt: null }), now, true);
}
