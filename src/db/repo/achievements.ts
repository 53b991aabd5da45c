/**
 * Measured results ("rekentoets november"): one record per pupil per assessment. An assessment
 * is the group of a class's records with the same label, date and score type. A class's results
 * are entered in one go (all or nothing) and corrected one score at a time. Deleting is a real
 * delete (the record type has no `deletedAt`); the screen keeps the removed records for Undo.
 */
import { toIsoDate } from '../../domain/dates';
import { cleanName, nameKey, nameLength } from '../../domain/names';
import {
  ASSESSMENT_LABEL_MAX,
  checkScore,
  isScoreType,
  summarise,
  type ScoreSummary,
} from '../../domain/scores';
import { getDb } from '../db';
import { classRows } from '../classRows';
import { ValidationError } from '../../model/errors';
import { newId, nowIso } from '../ids';
import type { SpiegelDB } from '../schema';
import type {
  AchievementRecord,
  ClassRecord,
  Id,
  IsoDate,
  PupilRecord,
  ScoreType,
} from '../../model/types';
import { isValidIsoDate } from './afterLesson';
import { comparePupils } from './pupils';

export interface ScoreEntry {
  pupilId: Id;
  score: number;
}

export interface AssessmentInput {
  classId: Id;
  label: string;
  date: IsoDate;
  scoreType: ScoreType;
  scores: readonly ScoreEntry[];
}

/** Names one assessment of a class. */
export interface AssessmentRef {
  classId: Id;
  label: string;
  date: IsoDate;
  scoreType: ScoreType;
}

export interface Assessment extends AssessmentRef {
  /** Stable key of the group (see assessmentKey). */
  key: string;
  /** One record per pupil (several only after merging two devices' backups). */
  results: AchievementRecord[];
  summary: ScoreSummary;
}

export function assessmentKey(ref: Omit<AssessmentRef, 'classId'>): string {
  return `${ref.date}\u0000${ref.scoreType}\u0000${ref.label}`;
}

const sameAssessment = (a: AchievementRecord, ref: AssessmentRef) =>
  a.classId === ref.classId &&
  a.label === ref.label &&
  a.date === ref.date &&
  a.scoreType === ref.scoreType;

/** Codes: labelRequired, labelTooLong. */
export function validateLabel(raw: string): string {
  const label = cleanName(raw);
  if (!label) throw new ValidationError('labelRequired');
  if (nameLength(label) > ASSESSMENT_LABEL_MAX)
    throw new ValidationError('labelTooLong', { max: ASSESSMENT_LABEL_MAX });
  return label;
}

/** Codes: dateRequired, dateInvalid, dateFuture. */
export function validateDate(raw: string, now: Date): IsoDate {
  const date = raw.trim();
  if (!date) throw new ValidationError('dateRequired');
  if (!isValidIsoDate(date)) throw new ValidationError('dateInvalid');
  if (date > toIsoDate(now)) throw new ValidationError('dateFuture');
  return date;
}

async function activeClass(db: SpiegelDB, classId: Id): Promise<ClassRecord> {
  const cls = await db.classes.get(classId);
  if (!cls || cls.deletedAt) throw new ValidationError('classNotFound');
  return cls;
}

/** How many levels the class's scale has (0 when it uses the relative scale). */
function levelCount(cls: ClassRecord): number {
  return cls.expectationScale.kind === 'levels' ? cls.expectationScale.levels.length : 0;
}

/** Code scoreInvalid, with the pupil's name and why. */
function checkPupilScore(type: ScoreType, score: number, levels: number, name: string): void {
  const reason = checkScore(type, score, levels);
  if (reason) throw new ValidationError('scoreInvalid', { name, reason });
}

async function classPupils(db: SpiegelDB, classId: Id): Promise<PupilRecord[]> {
  return classRows(db.pupils, classId);
}

/**
 * Records one assessment for the class: one record per pupil with a score, written in one
 * transaction, so either every score is saved or none. Codes: labelRequired, labelTooLong,
 * dateRequired, dateInvalid, dateFuture, scoreTypeInvalid, noScores, duplicatePupil,
 * classNotFound, pupilNotFound, levelsNotSet, scoreInvalid {name, reason}, assessmentExists.
 */
export async function addAssessment(
  input: AssessmentInput,
  now: Date = new Date(),
): Promise<AchievementRecord[]> {
  const label = validateLabel(input.label);
  const date = validateDate(input.date, now);
  if (!isScoreType(input.scoreType)) throw new ValidationError('scoreTypeInvalid');
  if (input.scores.length === 0) throw new ValidationError('noScores');
  const seen = new Set<Id>();
  for (const { pupilId } of input.scores) {
    if (seen.has(pupilId)) throw new ValidationError('duplicatePupil');
    seen.add(pupilId);
  }
  const db = getDb();
  return db.transaction('rw', db.classes, db.pupils, db.achievements, async () => {
    const cls = await activeClass(db, input.classId);
    const levels = levelCount(cls);
    if (input.scoreType === 'level' && levels === 0) throw new ValidationError('levelsNotSet');
    const pupils = new Map((await classPupils(db, cls.id)).map((p) => [p.id, p]));
    for (const { pupilId, score } of input.scores) {
      const pupil = pupils.get(pupilId);
      if (!pupil || pupil.removedAt) throw new ValidationError('pupilNotFound');
      checkPupilScore(input.scoreType, score, levels, pupil.name);
    }
    // Two assessments with one name on one day would read as one: the teacher adds to it instead.
    const key = nameKey(label);
    const clash = await db.achievements
      .where('[classId+date]')
      .equals([cls.id, date])
      .filter((a) => nameKey(a.label) === key)
      .first();
    if (clash) throw new ValidationError('assessmentExists', { label: clash.label });
    const stamp = nowIso(now);
    const records: AchievementRecord[] = input.scores.map(({ pupilId, score }) => ({
      id: newId(),
      classId: cls.id,
      pupilId,
      label,
      date,
      scoreType: input.scoreType,
      score,
      createdAt: stamp,
      updatedAt: stamp,
    }));
    await db.achievements.bulkAdd(records);
    return records;
  });
}

/**
 * Adds one pupil's score to an assessment that exists (a pupil who took the test later).
 * Codes: achievementNotFound (no such assessment), alreadyHasResult, pupilNotFound,
 * levelsNotSet, scoreInvalid, classNotFound.
 */
export async function addResult(
  ref: AssessmentRef,
  pupilId: Id,
  score: number,
  now: Date = new Date(),
): Promise<AchievementRecord> {
  const db = getDb();
  return db.transaction('rw', db.classes, db.pupils, db.achievements, async () => {
    const cls = await activeClass(db, ref.classId);
    const group = (
      await db.achievements.where('[classId+date]').equals([ref.classId, ref.date]).toArray()
    ).filter((a) => sameAssessment(a, ref));
    if (group.length === 0) throw new ValidationError('achievementNotFound');
    if (group.some((a) => a.pupilId === pupilId)) throw new ValidationError('alreadyHasResult');
    const pupil = await db.pupils.get(pupilId);
    if (!pupil || pupil.classId !== cls.id || pupil.removedAt)
      throw new ValidationError('pupilNotFound');
    const levels = levelCount(cls);
    if (ref.scoreType === 'level' && levels === 0) throw new ValidationError('levelsNotSet');
    checkPupilScore(ref.scoreType, score, levels, pupil.name);
    const stamp = nowIso(now);
    const record: AchievementRecord = {
      id: newId(),
      classId: cls.id,
      pupilId,
      label: ref.label,
      date: ref.date,
      scoreType: ref.scoreType,
      score,
      createdAt: stamp,
      updatedAt: stamp,
    };
    await db.achievements.add(record);
    return record;
  });
}

/** Corrects one score. Codes: achievementNotFound, classNotFound, levelsNotSet, scoreInvalid. */
export async function updateScore(
  id: Id,
  score: number,
  now: Date = new Date(),
): Promise<AchievementRecord> {
  const db = getDb();
  return db.transaction('rw', db.classes, db.pupils, db.achievements, async () => {
    const current = await db.achievements.get(id);
    if (!current) throw new ValidationError('achievementNotFound');
    const cls = await activeClass(db, current.classId);
    const levels = levelCount(cls);
    if (current.scoreType === 'level' && levels === 0) throw new ValidationError('levelsNotSet');
    const pupil = await db.pupils.get(current.pupilId);
    checkPupilScore(current.scoreType, score, levels, pupil?.name ?? '');
    const updated: AchievementRecord = { ...current, score, updatedAt: nowIso(now) };
    await db.achievements.put(updated);
    return updated;
  });
}

/** Deletes one pupil's score; returns it (for Undo), or undefined when it was already gone. */
export async function deleteAchievement(id: Id): Promise<AchievementRecord | undefined> {
  const db = getDb();
  return db.transaction('rw', db.achievements, async () => {
    const record = await db.achievements.get(id);
    if (record) await db.achievements.delete(id);
    return record;
  });
}

/** Deletes a whole assessment; returns its records (for Undo). */
export async function deleteAssessment(ref: AssessmentRef): Promise<AchievementRecord[]> {
  const db = getDb();
  return db.transaction('rw', db.achievements, async () => {
    const group = (
      await db.achievements.where('[classId+date]').equals([ref.classId, ref.date]).toArray()
    ).filter((a) => sameAssessment(a, ref));
    await db.achievements.bulkDelete(group.map((a) => a.id));
    return group;
  });
}

/**
 * Undo of a delete: puts the records back. Records whose class or pupil has been erased in the
 * meantime stay gone (a result must never point at nobody). Returns how many came back.
 */
export async function restoreAchievements(
  records: readonly AchievementRecord[],
  now: Date = new Date(),
): Promise<number> {
  const db = getDb();
  return db.transaction('rw', db.classes, db.pupils, db.achievements, async () => {
    const back: AchievementRecord[] = [];
    for (const record of records) {
      const [cls, pupil] = await Promise.all([
        db.classes.get(record.classId),
        db.pupils.get(record.pupilId),
      ]);
      if (cls && !cls.deletedAt && pupil && pupil.classId === cls.id)
        back.push({ ...record, updatedAt: nowIso(now) });
    }
    await db.achievements.bulkPut(back);
    return back.length;
  });
}

/** Newest first: by date, then label; the records inside keep their stored order. */
function groupAssessments(classId: Id, records: readonly AchievementRecord[]): Assessment[] {
  const groups = new Map<string, Assessment>();
  for (const a of records) {
    const key = assessmentKey(a);
    let group = groups.get(key);
    if (!group) {
      group = {
        classId,
        label: a.label,
        date: a.date,
        scoreType: a.scoreType,
        key,
        results: [],
        summary: summarise([]),
      };
      groups.set(key, group);
    }
    group.results.push(a);
  }
  const list = [...groups.values()];
  for (const g of list) g.summary = summarise(g.results.map((r) => r.score));
  return list.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.label.localeCompare(b.label, 'nl'),
  );
}

/** The class's assessments, newest first, each with its records and mean/median. */
export async function listAssessments(classId: Id): Promise<Assessment[]> {
  const rows = await classRows(getDb().achievements, classId);
  return groupAssessments(classId, rows);
}

/** One pupil's results, oldest first (by date, then when they were entered). */
export async function achievementsForPupil(pupilId: Id): Promise<AchievementRecord[]> {
  const rows = await getDb().achievements.where('pupilId').equals(pupilId).toArray();
  return rows.sort((a, b) =>
    a.date !== b.date
      ? a.date < b.date
        ? -1
        : 1
      : a.createdAt < b.createdAt
        ? -1
        : a.createdAt > b.createdAt
          ? 1
          : 0,
  );
}

export interface AchievementsData {
  cls: ClassRecord;
  /** Pupils in the class now, in seating order. */
  pupils: PupilRecord[];
  /** Pupils who left the class but have results (their history stays). */
  removed: PupilRecord[];
  assessments: Assessment[];
}

/** Everything the results screen shows, in one read (null when the class is gone). */
export async function loadAchievementsData(classId: Id): Promise<AchievementsData | null> {
  const db = getDb();
  return db.transaction('r', db.classes, db.pupils, db.achievements, async () => {
    const cls = await db.classes.get(classId);
    if (!cls || cls.deletedAt) return null;
    const [pupils, assessments] = await Promise.all([
      classPupils(db, classId),
      listAssessments(classId),
    ]);
    const withResults = new Set(assessments.flatMap((a) => a.results.map((r) => r.pupilId)));
    return {
      cls,
      pupils: pupils.filter((p) => !p.removedAt).sort(comparePupils),
      removed: pupils.filter((p) => p.removedAt && withResults.has(p.id)).sort(comparePupils),
      assessments,
    };
  });
}
