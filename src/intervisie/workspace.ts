/**
 * The coach's side: a package turned back into the records the analysis reads, so the coach sees
 * the same insights the teacher sees (computed by the same code, over the same period). The
 * records exist only in memory; a workspace is stored as the package's JSON text.
 */
import {
  analyseClass,
  deriveInsights,
  type AnalysisResult,
  type ClassData,
  type Insight,
} from '../analysis';
import type {
  AbsenceRecord,
  AchievementRecord,
  BankingSession,
  ClassRecord,
  ExpectationRecord,
  InteractionEvent,
  LensRecord,
  LessonRecord,
  PupilRecord,
  RelationshipRecord,
} from '../model/types';
import type { CoachPackage } from './format';

/** The class id the records of a workspace carry (they never meet real records). */
export const WORKSPACE_CLASS_ID = 'class';

export function packageToClassData(pkg: CoachPackage): ClassData {
  const d = pkg.data;
  const classId = WORKSPACE_CLASS_ID;
  const base = Date.parse(pkg.createdAt);
  // Ratings on the same day keep their order through createdAt (one millisecond apart).
  const stamp = (i: number) => {
    const at = new Date(base + i).toISOString();
    return { createdAt: at, updatedAt: at };
  };
  const s0 = stamp(0);
  const cls: ClassRecord = {
    id: classId,
    name: d.class.label,
    schoolType: d.class.schoolType,
    yearLabel: '',
    seating: { rows: 1, cols: 1 },
    hiddenKinds: [],
    archivedAt: null,
    deletedAt: null,
    isDemo: false,
    expectationScale: d.class.expectationScale,
    ...s0,
  };
  const lensValues = new Map<string, Record<string, string>>();
  for (const lens of d.lenses) {
    for (const [pupilId, valueId] of Object.entries(lens.pupils)) {
      const values = lensValues.get(pupilId) ?? {};
      values[lens.id] = valueId;
      lensValues.set(pupilId, values);
    }
  }
  const pupils: PupilRecord[] = d.pupils.map((p) => ({
    id: p.id,
    classId,
    name: p.code,
    seat: null,
    lensValues: lensValues.get(p.id) ?? {},
    removedAt: p.removedOn ? `${p.removedOn}T00:00:00.000Z` : null,
    ...(p.strengths !== undefined ? { strengths: p.strengths } : {}),
    ...(p.aspirations !== undefined ? { aspirations: p.aspirations } : {}),
    ...s0,
  }));
  const lenses: LensRecord[] = d.lenses.map((l, i) => ({
    id: l.id,
    classId,
    name: l.name,
    values: l.values.map((x) => ({ ...x })),
    order: i,
    deletedAt: null,
    ...(l.preset ? { preset: l.preset } : {}),
    ...s0,
  }));
  const lessons: LessonRecord[] = d.lessons.map((l) => ({
    id: l.id,
    classId,
    date: l.date,
    startTime: l.startTime,
    endTime: l.endTime,
    topic: l.topic ?? '',
    endedAt: null,
    deletedAt: null,
    ...s0,
  }));
  const lessonDate = new Map(d.lessons.map((l) => [l.id, l.date]));
  const absences: AbsenceRecord[] = d.absences.map((a, i) => ({
    id: `a${i}`,
    classId,
    lessonId: a.lessonId,
    pupilId: a.pupilId,
    ...s0,
  }));
  const events: InteractionEvent[] = d.events.map((e, i) => ({
    ...e,
    id: `e${i}`,
    classId,
    date: lessonDate.get(e.lessonId) ?? pkg.period.from,
    at: null,
    ...s0,
  }));
  const banking: BankingSession[] = d.banking.map((b, i) => ({
    id: `b${i}`,
    classId,
    pupilId: b.pupilId,
    date: b.date,
    minutes: b.minutes,
    note: b.note ?? '',
    deletedAt: null,
    ...s0,
  }));
  const expectations: ExpectationRecord[] = d.expectations.map((e, i) => ({
    id: `x${i}`,
    classId,
    ...e,
    ...stamp(i),
  }));
  const achievements: AchievementRecord[] = d.achievements.map((a, i) => ({
    id: `r${i}`,
    classId,
    ...a,
    ...stamp(i),
  }));
  const relationships: RelationshipRecord[] = d.relationships.map((r, i) => ({
    id: `q${i}`,
    classId,
    pupilId: r.pupilId,
    date: r.date,
    closeness: r.closeness,
    conflict: r.conflict,
    dependency: r.dependency,
    note: r.note ?? '',
    ...(r.pupilView !== undefined ? { pupilView: r.pupilView } : {}),
    ...(r.capability !== undefined ? { capability: r.capability } : {}),
    ...stamp(i),
  }));
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
  };
}

export interface PackageAnalysis {
  result: AnalysisResult;
  insights: Insight[];
}

/** The same analysis the teacher's insights screen runs, over the package's period. */
export function analysePackage(pkg: CoachPackage): PackageAnalysis {
  const result = analyseClass(packageToClassData(pkg), {
    today: pkg.period.to,
    from: pkg.period.from,
    to: pkg.period.to,
  });
  return { result, insights: deriveInsights(result) };
}

/** Package pupil id → the code the coach sees. */
export function codesOf(pkg: CoachPackage): Map<string, string> {
  return new Map(pkg.data.pupils.map((p) => [p.id, p.code]));
}
