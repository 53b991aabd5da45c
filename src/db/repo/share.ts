/**
 * The teacher's side of intervisie: reads a class for a package, remembers the class's pupil
 * codes and every package made (settings `coach.codes.<classId>`, `coach.shared.<packageId>`:
 * they never leave this device), and imports a coach's remarks into `coachRemarks`.
 * The coach's side (opened packages, the coach's own remarks) is `coachWorkspace.ts`.
 * Encryption happens outside these functions: no WebCrypto await ever runs inside a transaction.
 */
import * as v from 'valibot';
import { getDb } from '../db';
import { classRows } from '../classRows';
import { readClassData } from '../classRead';
import { CLASS_DATA_KEYS } from '../../model/classData';
import { ValidationError } from '../../model/errors';
import { newId, nowIso } from '../ids';
import type {
  CoachRemarkRecord,
  Id,
  IsoDate,
  IsoDateTime,
  LensRecord,
  PupilRecord,
} from '../../model/types';
import {
  toTeacherKey,
  type BuiltPackage,
  type IdMap,
  type Pseudonymisation,
  type RemarksFile,
  type SharedExtras,
  type ShareSource,
} from '../../intervisie';

const CODES_KEY = (classId: Id) => `coach.codes.${classId}`;
const SHARED_PREFIX = 'coach.shared.';

/** Everything stored for one class (the package builder picks the period and the extras). */
export function loadShareSource(classId: Id): Promise<ShareSource | null> {
  return readClassData(classId, [...CLASS_DATA_KEYS, 'journal', 'attributions']);
}

export interface ShareData {
  source: ShareSource;
  codeMap: Record<Id, string>;
}

/** What the share screen and the intervisie sheet need: the class's records and its codes. */
export async function loadShareData(classId: Id): Promise<ShareData | null> {
  const [source, codeMap] = await Promise.all([loadShareSource(classId), getCodeMap(classId)]);
  return source ? { source, codeMap } : null;
}

const CodeMapSchema = v.record(v.string(), v.pipe(v.string(), v.minLength(1), v.maxLength(12)));

/** The class's remembered pupil codes (pupil id → L01…); empty before the first package. */
export async function getCodeMap(classId: Id): Promise<Record<Id, string>> {
  const row = await getDb().settings.get(CODES_KEY(classId));
  const parsed = v.safeParse(CodeMapSchema, row?.value);
  return parsed.success ? parsed.output : {};
}

/** Remembers codes (e.g. when the intervisie sheet is printed with codes before any package). */
export async function saveCodeMap(
  classId: Id,
  codes: Record<Id, string>,
  now: Date = new Date(),
): Promise<void> {
  await getDb().settings.put({ key: CODES_KEY(classId), value: codes, updatedAt: nowIso(now) });
}

/** A package this device made, remembered to match the coach's remarks to the class. */
export interface SharedPackage {
  packageId: Id;
  classId: Id;
  createdAt: IsoDateTime;
  label: string;
  period: { from: IsoDate; to: IsoDate };
  pseudonymisation: Pseudonymisation;
  encrypted: boolean;
  ids: IdMap;
  /** Which extras were ticked (absent in records made before issue 11). */
  extras?: SharedExtras;
  /** The names of the lenses ticked, as they were then. */
  lenses?: string[];
  /** The last day the coach's device keeps the package. */
  expiresOn?: IsoDate;
}

const idRecord = v.record(v.string(), v.string());
const SharedPackageSchema = v.object({
  packageId: v.string(),
  classId: v.string(),
  createdAt: v.string(),
  label: v.string(),
  period: v.object({ from: v.string(), to: v.string() }),
  pseudonymisation: v.picklist(['codes', 'initials']),
  encrypted: v.boolean(),
  ids: v.object({ pupils: idRecord, lenses: idRecord, lensValues: idRecord }),
  extras: v.optional(
    v.object({
      topics: v.boolean(),
      journal: v.boolean(),
      relationshipNotes: v.boolean(),
      bankingNotes: v.boolean(),
      // Issue 14; records made before it hold neither (nothing of them was shared).
      strengths: v.optional(v.boolean(), false),
      aspirations: v.optional(v.boolean(), false),
    }),
  ),
  lenses: v.optional(v.array(v.string())),
  expiresOn: v.optional(v.string()),
});

function asShared(value: unknown): SharedPackage | null {
  const parsed = v.safeParse(SharedPackageSchema, value);
  return parsed.success ? parsed.output : null;
}

/**
 * Called once the package file exists (after encryption, before it is shared): remembers the
 * class's codes and the package's id map, in one transaction.
 */
export async function recordSharedPackage(
  classId: Id,
  built: BuiltPackage,
  encrypted: boolean,
  now: Date = new Date(),
): Promise<SharedPackage> {
  const db = getDb();
  const stamp = nowIso(now);
  const { pkg } = built;
  const shared: SharedPackage = {
    packageId: pkg.packageId,
    classId,
    createdAt: pkg.createdAt,
    label: pkg.data.class.label,
    period: { ...pkg.period },
    pseudonymisation: pkg.pseudonymisation,
    encrypted,
    ids: built.ids,
    extras: { ...pkg.shared },
    lenses: pkg.data.lenses.map((l) => l.name),
    ...(pkg.expiresOn ? { expiresOn: pkg.expiresOn } : {}),
  };
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: CODES_KEY(classId), value: built.codeMap, updatedAt: stamp });
    await db.settings.put({ key: SHARED_PREFIX + pkg.packageId, value: shared, updatedAt: stamp });
  });
  return shared;
}

/** Packages made for this class, newest first. */
export async function listSharedPackages(classId: Id): Promise<SharedPackage[]> {
  const rows = await getDb().settings.where('key').startsWith(SHARED_PREFIX).toArray();
  return rows
    .map((r) => asShared(r.value))
    .filter((s): s is SharedPackage => s !== null && s.classId === classId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export interface RemarksImportResult {
  added: number;
  /** Already imported before (same package, insight and text). */
  skipped: number;
  label: string;
}

/**
 * Stores a coach's remarks next to the class they are about. The file must answer a package
 * made on this device for this class. Codes: unknownPackage, otherClass, classNotFound.
 */
export async function importCoachRemarks(
  classId: Id,
  file: RemarksFile,
  now: Date = new Date(),
): Promise<RemarksImportResult> {
  const db = getDb();
  const stamp = nowIso(now);
  return db.transaction('rw', db.classes, db.settings, db.coachRemarks, async () => {
    const cls = await db.classes.get(classId);
    if (!cls || cls.deletedAt) throw new ValidationError('classNotFound');
    const row = await db.settings.get(SHARED_PREFIX + file.packageId);
    const shared = asShared(row?.value);
    if (!shared) throw new ValidationError('unknownPackage');
    if (shared.classId !== classId) throw new ValidationError('otherClass');
    const existing = await db.coachRemarks.where('packageId').equals(file.packageId).toArray();
    const seen = new Set(existing.map((r) => `${r.insightKey}\u0000${r.text}`));
    const author = file.author.trim();
    const fresh: CoachRemarkRecord[] = [];
    for (const remark of file.remarks) {
      const insightKey = toTeacherKey(remark.insightKey, shared.ids);
      const text = remark.text.trim();
      const key = `${insightKey}\u0000${text}`;
      if (!text || seen.has(key)) continue;
      seen.add(key);
      fresh.push({
        id: newId(),
        classId,
        insightKey,
        text,
        author,
        packageId: file.packageId,
        createdAt: stamp,
        updatedAt: stamp,
      });
    }
    await db.coachRemarks.bulkAdd(fresh);
    return {
      added: fresh.length,
      skipped: file.remarks.length - fresh.length,
      label: shared.label,
    };
  });
}

export async function listCoachRemarks(classId: Id): Promise<CoachRemarkRecord[]> {
  const rows = await classRows(getDb().coachRemarks, classId);
  return rows.sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.insightKey.localeCompare(b.insightKey),
  );
}

export interface CoachRemarksData {
  remarks: CoachRemarkRecord[];
  pupils: Map<Id, PupilRecord>;
  lenses: Map<Id, LensRecord>;
  /** When each package was made (to say which conversation a remark belongs to). */
  packages: Map<Id, SharedPackage>;
}

/** The remarks with what is needed to show what each is about. */
export async function loadCoachRemarks(classId: Id): Promise<CoachRemarksData> {
  const db = getDb();
  const [remarks, pupils, lenses, packages] = await Promise.all([
    listCoachRemarks(classId),
    classRows(db.pupils, classId),
    classRows(db.lenses, classId),
    listSharedPackages(classId),
  ]);
  return {
    remarks,
    pupils: new Map(pupils.map((p) => [p.id, p])),
    lenses: new Map(lenses.map((l) => [l.id, l])),
    packages: new Map(packages.map((p) => [p.packageId, p])),
  };
}

export async function deleteCoachRemark(id: Id): Promise<void> {
  await getDb().coachRemarks.delete(id);
}

/** Undo of deleteCoachRemark: puts the record back as it was. */
export async function restoreCoachRemark(record: CoachRemarkRecord): Promise<void> {
  await getDb().coachRemarks.put(record);
}
