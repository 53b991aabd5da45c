/**
 * Intervisie with a coach, both sides.
 * - Teacher: reads a class for a package, remembers the class's pupil codes and every package
 *   made (settings `coach.codes.<classId>`, `coach.shared.<packageId>`: they never leave this
 *   device), and imports a coach's remarks into `coachRemarks`.
 * - Coach: keeps each opened package in `coachWorkspaces` only — never in classes, pupils or
 *   events — with the coach's remarks; a workspace is deleted in one step.
 * Encryption happens outside these functions: no WebCrypto await ever runs inside a transaction.
 */
import * as v from 'valibot';
import { getDb } from '../db';
import { readClassEvents } from '../eventStore';
import { ValidationError } from '../../model/errors';
import { newId, nowIso } from '../ids';
import type {
  CoachRemarkRecord,
  CoachWorkspaceRecord,
  Id,
  IsoDate,
  IsoDateTime,
  LensRecord,
  PupilRecord,
} from '../../model/types';
import {
  CoachFileError,
  DEFAULT_EXPIRY_WEEKS,
  MAX_PACKAGE_BYTES,
  PACKAGE_LIMITS,
  decryptWithKey,
  deriveEnvelopeKey,
  expiryDate,
  openWithKey,
  readCoachJson,
  sealWithKey,
  toTeacherKey,
  validateCoachPackage,
  type EncryptedPackage,
  type BuiltPackage,
  type CoachPackage,
  type IdMap,
  type Pseudonymisation,
  type RemarksFile,
  type SharedExtras,
  type ShareSource,
} from '../../intervisie';

const CODES_KEY = (classId: Id) => `coach.codes.${classId}`;
const SHARED_PREFIX = 'coach.shared.';
const COACH_NAME_KEY = 'coach.authorName';
export const REMARK_TEXT_MAX = PACKAGE_LIMITS.text;

// ---------------------------------------------------------------------------------------------
// Teacher side

/** Everything stored for one class (the package builder picks the period and the extras). */
export async function loadShareSource(classId: Id): Promise<ShareSource | null> {
  const db = getDb();
  const tables = [
    db.classes,
    db.pupils,
    db.lenses,
    db.lessons,
    db.absences,
    db.lessonEvents,
    db.banking,
    db.expectations,
    db.achievements,
    db.relationships,
    db.journal,
    db.attributions,
  ];
  return db.transaction('r', tables, async () => {
    const cls = await db.classes.get(classId);
    if (!cls || cls.deletedAt) return null;
    const [pupils, lenses, lessons, absences, events, banking] = await Promise.all([
      db.pupils.where('classId').equals(classId).toArray(),
      db.lenses.where('classId').equals(classId).toArray(),
      db.lessons.where('classId').equals(classId).toArray(),
      db.absences.where('classId').equals(classId).toArray(),
      readClassEvents(db, classId),
      db.banking.where('classId').equals(classId).toArray(),
    ]);
    const [expectations, achievements, relationships, journal, attributions] = await Promise.all([
      db.expectations.where('classId').equals(classId).toArray(),
      db.achievements.where('classId').equals(classId).toArray(),
      db.relationships.where('classId').equals(classId).toArray(),
      db.journal.where('classId').equals(classId).toArray(),
      db.attributions.where('classId').equals(classId).toArray(),
    ]);
    return {
      cls,
      pupils,
      lenses,
      lessons,
      absences,
      events,
      banking,
      expectations,
      achievements,
      relationships,
      journal,
      attributions,
    };
  });
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
  const rows = await getDb().coachRemarks.where('classId').equals(classId).toArray();
  return rows.sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.insightKey.localeCompare(b.insightKey),
  );
}

export interface CoachRemarksView {
  remarks: CoachRemarkRecord[];
  pupils: Map<Id, PupilRecord>;
  lenses: Map<Id, LensRecord>;
  /** When each package was made (to say which conversation a remark belongs to). */
  packages: Map<Id, SharedPackage>;
}

/** The remarks with what is needed to show what each is about. */
export async function coachRemarksView(classId: Id): Promise<CoachRemarksView> {
  const db = getDb();
  const [remarks, pupils, lenses, packages] = await Promise.all([
    listCoachRemarks(classId),
    db.pupils.where('classId').equals(classId).toArray(),
    db.lenses.where('classId').equals(classId).toArray(),
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

// ---------------------------------------------------------------------------------------------
// Coach side

export interface SavedWorkspace {
  id: Id;
  /** True when this package had been opened before (nothing new was stored). */
  existed: boolean;
}

type WorkspaceRemark = CoachWorkspaceRecord['remarks'][number];

/**
 * An encrypted workspace, opened in this tab: the key and the plaintext live only here, in
 * memory, and are gone when the tab closes (or lockWorkspaces runs).
 */
interface Session {
  key: CryptoKey;
  pkg: CoachPackage;
  json: string;
  remarks: WorkspaceRemark[];
}
const sessions = new Map<Id, Session>();
const REMARKS_LABEL = 'spiegel-coach-workspace-remarks';

/** Forgets every opened encrypted workspace (the passphrase is asked again). */
export function lockWorkspaces(): void {
  sessions.clear();
}

/** The last day a package is kept on this device (older packages: 8 weeks after they were made). */
function expiryOf(pkg: CoachPackage): IsoDate {
  return pkg.expiresOn ?? expiryDate(new Date(pkg.createdAt), DEFAULT_EXPIRY_WEEKS);
}

/**
 * Stores an opened package (validated again here, so nothing unchecked is ever stored). Only
 * the coachWorkspaces table is touched.
 */
export async function saveWorkspace(
  pkg: CoachPackage,
  now: Date = new Date(),
): Promise<SavedWorkspace> {
  const checked = validateCoachPackage(pkg);
  const db = getDb();
  const stamp = nowIso(now);
  return db.transaction('rw', db.coachWorkspaces, async () => {
    const same = await db.coachWorkspaces.where('packageId').equals(checked.packageId).first();
    if (same) return { id: same.id, existed: true };
    const record: CoachWorkspaceRecord = {
      id: newId(),
      packageId: checked.packageId,
      label: checked.data.class.label,
      packageJson: JSON.stringify(checked),
      remarks: [],
      expiresOn: expiryOf(checked),
      createdAt: stamp,
      updatedAt: stamp,
    };
    await db.coachWorkspaces.add(record);
    return { id: record.id, existed: false };
  });
}

/**
 * Stores a package that came encrypted **as it came**: the envelope, a random id of this device
 * and the expiry date — no label, no package id, no byte of its content. The passphrase opens it
 * (here and in unlockWorkspace); the plaintext stays in memory. Throws CoachFileError
 * (decryptFailed, invalid…) before anything is written.
 */
export async function saveEncryptedWorkspace(
  envelope: EncryptedPackage,
  passphrase: string,
  now: Date = new Date(),
): Promise<SavedWorkspace> {
  const key = await deriveEnvelopeKey(envelope, passphrase);
  const pkg = await openEnvelope(envelope, key);
  const text = JSON.stringify(envelope);
  const db = getDb();
  const stamp = nowIso(now);
  const saved = await db.transaction('rw', db.coachWorkspaces, async () => {
    // The same file opened twice: the same ciphertext.
    const same = await db.coachWorkspaces.filter((w) => w.envelope === text).first();
    if (same) return { id: same.id, existed: true };
    const record: CoachWorkspaceRecord = {
      id: newId(),
      packageId: newId(),
      label: '',
      packageJson: '',
      remarks: [],
      envelope: text,
      sealedRemarks: '',
      expiresOn: expiryOf(pkg),
      createdAt: stamp,
      updatedAt: stamp,
    };
    await db.coachWorkspaces.add(record);
    return { id: record.id, existed: false };
  });
  if (!sessions.has(saved.id)) {
    const record = await db.coachWorkspaces.get(saved.id);
    const remarks = record?.sealedRemarks ? await openRemarks(key, record.sealedRemarks) : [];
    sessions.set(saved.id, { key, pkg, json: JSON.stringify(pkg), remarks });
  }
  return saved;
}

async function openEnvelope(envelope: EncryptedPackage, key: CryptoKey): Promise<CoachPackage> {
  const bytes = await decryptWithKey(envelope, key);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    throw new CoachFileError('decryptFailed', {}, { cause: e });
  }
  return validateCoachPackage(await readCoachJson(text, MAX_PACKAGE_BYTES));
}

async function openRemarks(key: CryptoKey, sealed: string): Promise<WorkspaceRemark[]> {
  const parsed = JSON.parse(await openWithKey(key, sealed, REMARKS_LABEL)) as unknown;
  return Array.isArray(parsed) ? (parsed as WorkspaceRemark[]) : [];
}

/**
 * Opens an encrypted workspace with the teacher's passphrase (for this tab only). Codes:
 * workspaceNotFound (ValidationError); decryptFailed (CoachFileError) for a wrong passphrase.
 */
export async function unlockWorkspace(id: Id, passphrase: string): Promise<void> {
  const record = await getDb().coachWorkspaces.get(id);
  if (!record) throw new ValidationError('workspaceNotFound');
  if (!record.envelope) return;
  const envelope = JSON.parse(record.envelope) as EncryptedPackage;
  const key = await deriveEnvelopeKey(envelope, passphrase);
  const pkg = await openEnvelope(envelope, key);
  const remarks = record.sealedRemarks ? await openRemarks(key, record.sealedRemarks) : [];
  sessions.set(id, { key, pkg, json: JSON.stringify(pkg), remarks });
}

export interface WorkspaceSummary {
  id: Id;
  /** Empty while an encrypted workspace is locked. */
  label: string;
  openedAt: IsoDateTime;
  /** Null while an encrypted workspace is locked. */
  remarks: number | null;
  period: { from: IsoDate; to: IsoDate } | null;
  encrypted: boolean;
  locked: boolean;
  expiresOn: IsoDate | null;
}

/** Reads only the period out of the stored text (no need to parse a whole package for a list). */
function periodOf(json: string): WorkspaceSummary['period'] {
  const m = /"period":\{"from":"(\d{4}-\d{2}-\d{2})","to":"(\d{4}-\d{2}-\d{2})"\}/.exec(json);
  return m && m[1] && m[2] ? { from: m[1], to: m[2] } : null;
}

export async function listWorkspaces(): Promise<WorkspaceSummary[]> {
  const rows = await getDb().coachWorkspaces.toArray();
  return rows
    .map((w) => {
      const encrypted = !!w.envelope;
      const session = encrypted ? sessions.get(w.id) : undefined;
      const locked = encrypted && !session;
      return {
        id: w.id,
        label: session ? session.pkg.data.class.label : w.label,
        openedAt: w.createdAt,
        remarks: locked ? null : (session?.remarks ?? w.remarks).length,
        period: session ? session.pkg.period : periodOf(w.packageJson),
        encrypted,
        locked,
        expiresOn: w.expiresOn ?? null,
      };
    })
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt));
}

export interface WorkspaceView {
  /** For an opened encrypted workspace: the record as it is in memory (label, package, remarks). */
  record: CoachWorkspaceRecord;
  /** Null when the stored text no longer passes validation (then it can only be deleted). */
  pkg: CoachPackage | null;
  /** An encrypted workspace not opened in this tab: the passphrase is needed. */
  locked: boolean;
}

export async function getWorkspace(id: Id): Promise<WorkspaceView | null> {
  const record = await getDb().coachWorkspaces.get(id);
  if (!record) return null;
  if (record.envelope) {
    const session = sessions.get(id);
    if (!session) return { record, pkg: null, locked: true };
    return {
      record: {
        ...record,
        packageId: session.pkg.packageId,
        label: session.pkg.data.class.label,
        packageJson: session.json,
        remarks: session.remarks,
      },
      pkg: session.pkg,
      locked: false,
    };
  }
  try {
    return { record, pkg: validateCoachPackage(JSON.parse(record.packageJson)), locked: false };
  } catch {
    return { record, pkg: null, locked: false };
  }
}

function cleanRemark(text: string): string {
  const clean = text.trim();
  if (!clean) throw new ValidationError('remarkRequired');
  if (clean.length > REMARK_TEXT_MAX)
    throw new ValidationError('remarkTooLong', { max: REMARK_TEXT_MAX });
  return clean;
}

/**
 * Changes the remarks of a workspace: in the record for a plain one; for an encrypted one in
 * memory, then sealed with the package's key (WebCrypto first, the write after).
 */
async function changeRemarks(
  workspaceId: Id,
  change: (remarks: WorkspaceRemark[]) => WorkspaceRemark[],
  stamp: IsoDateTime,
  missing: 'throw' | 'ignore',
): Promise<void> {
  const db = getDb();
  const record = await db.coachWorkspaces.get(workspaceId);
  if (record?.envelope) {
    const session = sessions.get(workspaceId);
    if (!session) throw new ValidationError('workspaceLocked');
    const remarks = change(session.remarks);
    const sealed = await sealWithKey(session.key, JSON.stringify(remarks), REMARKS_LABEL);
    const updated = await db.coachWorkspaces.update(workspaceId, {
      sealedRemarks: sealed,
      updatedAt: stamp,
    });
    if (updated) session.remarks = remarks;
    else if (missing === 'throw') throw new ValidationError('workspaceNotFound');
    return;
  }
  await db.transaction('rw', db.coachWorkspaces, async () => {
    const ws = await db.coachWorkspaces.get(workspaceId);
    if (!ws) {
      if (missing === 'throw') throw new ValidationError('workspaceNotFound');
      return;
    }
    await db.coachWorkspaces.update(workspaceId, { remarks: change(ws.remarks), updatedAt: stamp });
  });
}

/** Codes: remarkRequired, remarkTooLong, insightKeyInvalid, workspaceNotFound, workspaceLocked. */
export async function addWorkspaceRemark(
  workspaceId: Id,
  insightKey: string,
  text: string,
  now: Date = new Date(),
): Promise<Id> {
  const clean = cleanRemark(text);
  const key = insightKey.trim();
  if (!key || key.length > PACKAGE_LIMITS.insightKey)
    throw new ValidationError('insightKeyInvalid');
  const stamp = nowIso(now);
  const id = newId();
  await changeRemarks(
    workspaceId,
    (remarks) => [...remarks, { id, insightKey: key, text: clean, createdAt: stamp }],
    stamp,
    'throw',
  );
  return id;
}

export async function deleteWorkspaceRemark(
  workspaceId: Id,
  remarkId: Id,
  now: Date = new Date(),
): Promise<void> {
  await changeRemarks(
    workspaceId,
    (remarks) => remarks.filter((r) => r.id !== remarkId),
    nowIso(now),
    'ignore',
  );
}

/** Deletes the workspace and the coach's remarks in it, for good. */
export async function deleteWorkspace(workspaceId: Id): Promise<void> {
  await getDb().coachWorkspaces.delete(workspaceId);
  sessions.delete(workspaceId);
}

/** The name the coach signs remarks with (remembered on this device). */
export async function getCoachName(): Promise<string> {
  const row = await getDb().settings.get(COACH_NAME_KEY);
  return typeof row?.value === 'string' ? row.value : '';
}

export async function setCoachName(name: string, now: Date = new Date()): Promise<void> {
  const clean = name.trim().slice(0, PACKAGE_LIMITS.author);
  await getDb().settings.put({ key: COACH_NAME_KEY, value: clean, updatedAt: nowIso(now) });
}
