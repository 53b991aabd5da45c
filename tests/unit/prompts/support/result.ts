/**
 * Hand-built analysis results for the rule tests: everything empty or "insufficient" unless a
 * test sets it, so each test states exactly the figures its rule reads.
 */
import * as records from '../../../support/records';
import {
  controlChance,
  type AnalysisResult,
  type Basis,
  type ClassData,
  type Distribution,
  type GroupRow,
  type MetricComparison,
  type PupilQuality,
  type PupilShare,
  type QualityCounts,
  type QuietPupil,
  type QuietWindow,
  type ResolvedOptions,
  type Significance,
} from '../../../../src/analysis';
import type {
  BankingSession,
  ClassRecord,
  IntentionRecord,
  InteractionEvent,
  LensRecord,
  LessonRecord,
  PupilRecord,
} from '../../../../src/model/types';
import type { PromptInput } from '../../../../src/reflection';

export const TODAY = '2025-03-31';
const T = '2025-01-01T08:00:00.000Z';
const stamps = { createdAt: T, updatedAt: T };

export const OPTIONS: ResolvedOptions = {
  today: TODAY,
  from: null,
  to: TODAY,
  lessonIds: null,
  kinds: [
    'turn',
    'praise',
    'correctionWork',
    'correctionBehaviour',
    'followUp',
    'help',
    'personal',
  ],
  seed: 1,
  minLessons: 3,
  minEvents: 20,
  lastN: 5,
  permutations: 2000,
  alpha: 0.05,
  q: 0.1,
  correction: 'bh',
  fewFraction: 1 / 3,
  gapThreshold: 0.25,
  minPupils: 5,
  minCorrelationPupils: 8,
  splitDate: null,
};

export const basis = (lessons: number, events: number, pupils: number): Basis => ({
  lessons,
  events,
  pupils,
});

export const sig = (p: number): Significance => ({
  test: 'permutation',
  p,
  couldBeChance: !(p < 0.05),
  statistic: 1,
  iterations: 2000,
});

export function insufficient(b: Basis = basis(1, 2, 2)) {
  return { status: 'insufficient' as const, basis: b, reasons: ['fewLessons' as const] };
}

export function counts(over: Partial<QualityCounts> = {}): QualityCounts {
  return {
    presentLessons: 0,
    turns: 0,
    praise: 0,
    praiseSpecific: 0,
    correctionWork: 0,
    correctionBehaviour: 0,
    positiveShare: null,
    positiveShareWork: null,
    positiveShareBehaviour: null,
    higherOrder: 0,
    recall: 0,
    levelUnknown: 0,
    higherShare: null,
    followUps: 0,
    followUpsPerTurn: null,
    volunteered: 0,
    called: 0,
    calledShare: null,
    waitTime: 0,
    help: 0,
    personal: 0,
    bankingSessions: 0,
    bankingMinutes: 0,
    ...over,
  };
}

export function qualityPupil(pupilId: string, over: Partial<QualityCounts> = {}): PupilQuality {
  return { pupilId, ...counts(over), rates: {} };
}

export function window(over: Partial<QuietWindow> = {}): QuietWindow {
  return {
    attended: 5,
    turns: 5,
    rate: 1,
    expectedTurns: 5,
    status: 'typical',
    p: 0.6,
    ...over,
  };
}

export function quietPupil(
  pupilId: string,
  recent: Partial<QuietWindow> = {},
  period: Partial<QuietWindow> = {},
): QuietPupil {
  return { pupilId, windowLessonIds: [], ...window(recent), period: window(period) };
}

export function row(group: string | null, over: Partial<GroupRow> = {}): GroupRow {
  return {
    group,
    pupils: 4,
    presences: 40,
    count: 40,
    rate: 1,
    share: 0.5,
    presenceShare: 0.5,
    ratio: 1,
    meanPupilRate: 1,
    ...over,
  };
}

export function comparison(
  metric: MetricComparison['metric'],
  rows: GroupRow[],
  test: MetricComparison['test'],
): MetricComparison {
  const total = rows.reduce((s, r) => s + r.count, 0);
  const presences = rows.reduce((s, r) => s + r.presences, 0);
  return { metric, total, presences, rows, test };
}

export function share(pupilId: string, over: Partial<PupilShare> = {}): PupilShare {
  return {
    pupilId,
    count: 5,
    presentLessons: 10,
    rate: 0.5,
    share: 0.1,
    expectedShare: 0.1,
    shareRatio: 1,
    ...over,
  };
}

export function distribution(
  metric: Distribution['metric'],
  pattern: Distribution['pattern'],
  pupils: PupilShare[] = [],
  total = 50,
): Distribution {
  return {
    metric,
    total,
    loggedAfter: 0,
    presences: 100,
    lessons: 10,
    meanRate: 0.5,
    pupils,
    pattern,
  };
}

/**
 * A result in which no pattern has enough data. Its chance family is run over the tests it holds,
 * as analyseClass does (input() runs it again with the data, for the tests that count events).
 */
export function emptyResult(over: Partial<AnalysisResult> = {}): AnalysisResult {
  const result = bareResult(over);
  result.chance = controlChance(result, emptyData(), result.options.q);
  return result;
}

function bareResult(over: Partial<AnalysisResult>): AnalysisResult {
  return {
    classId: 'c1',
    options: OPTIONS,
    metrics: [],
    lessonIds: [],
    basis: basis(0, 0, 0),
    ignoredEvents: 0,
    pupils: [],
    distribution: [],
    quiet: {
      metric: 'turn',
      lastN: 5,
      classMeanRate: null,
      fewRate: null,
      period: { classMeanRate: null, fewRate: null },
      pupils: [],
      pattern: insufficient(),
    },
    quality: { class: counts(), pupils: [] },
    equity: [],
    expectation: {
      scale: 'relative5',
      pupils: [],
      current: { groups: [], metrics: [] },
      inForce: { groups: [], metrics: [] },
    },
    achievement: {
      footing: 'classPosition',
      threshold: 0.25,
      assessments: [],
      pupils: [],
      pattern: insufficient(),
      lenses: [],
    },
    relationship: { pupils: [], correlations: [] },
    timeline: { week: [], month: [] },
    beforeAfter: null,
    rawCountsOnly: false,
    loggedAfter: 0,
    chance: { q: 0.1, size: 0, survivors: 0, cutoff: null, adjusted: {} },
    ...over,
  };
}

/** Attendance rows: every pupil present `present` lessons. */
export function attendance(ids: string[], present = 10, removed: string[] = []) {
  return ids.map((pupilId) => ({
    pupilId,
    presentLessons: present,
    absentLessons: 0,
    removed: removed.includes(pupilId),
  }));
}

export function classRecord(): ClassRecord {
  return records.classRecord('c1', {
    name: 'Testklas',
    yearLabel: 'groep 6',
    seating: { rows: 5, cols: 6 },
    ...stamps,
  });
}

export function emptyData(over: Partial<ClassData> = {}): ClassData {
  return {
    cls: classRecord(),
    pupils: [],
    lenses: [],
    lessons: [],
    absences: [],
    events: [],
    banking: [],
    expectations: [],
    achievements: [],
    relationships: [],
    ...over,
  };
}

export function pupil(id: string, lensValues: Record<string, string> = {}): PupilRecord {
  return {
    id,
    classId: 'c1',
    name: id.toUpperCase(),
    seat: null,
    lensValues,
    removedAt: null,
    ...stamps,
  };
}

export function lens(id: string, name: string, values: string[]): LensRecord {
  return {
    id,
    classId: 'c1',
    name,
    values: values.map((v) => ({ id: v, label: v.toUpperCase() })),
    order: 0,
    deletedAt: null,
    ...stamps,
  };
}

export function lesson(id: string, date: string, over: Partial<LessonRecord> = {}): LessonRecord {
  return {
    id,
    classId: 'c1',
    date,
    startTime: '09:00',
    endTime: null,
    topic: '',
    endedAt: null,
    deletedAt: null,
    ...stamps,
    ...over,
  };
}

let seq = 0;
export function ev(
  lessonId: string,
  pupilId: string,
  kind: InteractionEvent['kind'],
  over: Partial<InteractionEvent> = {},
): InteractionEvent {
  seq += 1;
  return {
    id: `e${seq}`,
    classId: 'c1',
    lessonId,
    pupilId,
    kind,
    date: '2025-03-03',
    at: '2025-03-03T09:10:00.000Z',
    loggedAfter: false,
    ...stamps,
    ...over,
  };
}

export function banking(pupilId: string, date: string, over: Partial<BankingSession> = {}) {
  return {
    id: `b-${pupilId}-${date}`,
    classId: 'c1',
    pupilId,
    date,
    minutes: 10,
    note: '',
    deletedAt: null,
    ...stamps,
    ...over,
  } satisfies BankingSession;
}

export function intention(id: string, over: Partial<IntentionRecord> = {}): IntentionRecord {
  return {
    id,
    classId: 'c1',
    target: { type: 'class' },
    measure: { kind: 'followUp', perLesson: 2 },
    from: '2025-03-01',
    to: '2025-03-20',
    note: '',
    closingReflection: '',
    closedAt: null,
    deletedAt: null,
    ...stamps,
    ...over,
  };
}

export function input(over: Partial<PromptInput> = {}): PromptInput {
  const i = { today: TODAY, result: emptyResult(), data: emptyData(), intentions: [], ...over };
  i.result.chance = controlChance(i.result, i.data, i.result.options.q);
  return i;
}
