/**
 * Merge: two devices' exports with overlapping edits. Each case states what device A (this
 * database) and device B (the file) hold, and the hand-worked result of importing B into A.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storedEvent } from './eventHelpers';
import { setDbForTests } from '../../src/db/db';
import { DATA_TABLES, type DataTableName, type SpiegelDB } from '../../src/db/schema';
import { exportBackupJson } from '../../src/db/backup/export';
import { importBackup, type TableResult } from '../../src/db/backup/import';
import type { BackupData } from '../../src/db/backup/format';
import type {
  AbsenceRecord,
  BankingSession,
  ClassRecord,
  CoachRemarkRecord,
  IntentionRecord,
  InteractionEvent,
  JournalEntry,
  LessonRecord,
  PromptStateRecord,
  PupilRecord,
} from '../../src/model/types';
import { backupOf, clone, dumpDb, emptyData, freshDb, readData, seedDb } from './backupHelpers';

const T1 = '2025-01-06T08:00:00.000Z';
const T2 = '2025-01-07T08:00:00.000Z';
const T3 = '2025-01-08T08:00:00.000Z';

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CLASS = uid(1);
const P1 = uid(11);
const P2 = uid(12);
const P3 = uid(13);
const L1 = uid(21);
const L2 = uid(22);

const cls = (patch: Partial<ClassRecord> = {}): ClassRecord => ({
  id: CLASS,
  name: '7b',
  schoolType: 'secondary',
  yearLabel: '',
  seating: { rows: 4, cols: 6 },
  hiddenKinds: [],
  archivedAt: null,
  deletedAt: null,
  isDemo: false,
  expectationScale: { kind: 'relative5' },
  createdAt: T1,
  updatedAt: T1,
  ...patch,
});
const pupil = (id: string, name: string, patch: Partial<PupilRecord> = {}): PupilRecord => ({
  id,
  classId: CLASS,
  name,
  seat: null,
  lensValues: {},
  removedAt: null,
  createdAt: T1,
  updatedAt: T1,
  ...patch,
});
const lesson = (id: string, date: string, patch: Partial<LessonRecord> = {}): LessonRecord => ({
  id,
  classId: CLASS,
  date,
  startTime: '08:30',
  endTime: '09:20',
  topic: '',
  endedAt: null,
  deletedAt: null,
  createdAt: T1,
  updatedAt: T1,
  ...patch,
});
const event = (n: number, pupilId: string, lessonId = L1): InteractionEvent => ({
  id: uid(100 + n),
  classId: CLASS,
  lessonId,
  pupilId,
  kind: 'turn',
  date: '2025-01-06',
  at: T1,
  loggedAfter: false,
  createdAt: T1,
  updatedAt: T1,
});
const absence = (n: number, pupilId: string, updatedAt = T1): AbsenceRecord => ({
  id: uid(200 + n),
  classId: CLASS,
  lessonId: L1,
  pupilId,
  createdAt: updatedAt,
  updatedAt,
});
const banking = (patch: Partial<BankingSession> = {}): BankingSession => ({
  id: uid(300),
  classId: CLASS,
  pupilId: P1,
  date: '2025-01-06',
  minutes: 10,
  note: '',
  deletedAt: null,
  createdAt: T1,
  updatedAt: T1,
  ...patch,
});

const journal = (n: number, patch: Partial<JournalEntry> = {}): JournalEntry => ({
  id: uid(400 + n),
  classId: CLASS,
  date: '2025-01-06',
  text: 'Na de les.',
  lessonId: L1,
  pupilId: null,
  insightKey: null,
  source: 'afterLesson',
  deletedAt: null,
  createdAt: T1,
  updatedAt: T1,
  ...patch,
});
const intention = (patch: Partial<IntentionRecord> = {}): IntentionRecord => ({
  id: uid(500),
  classId: CLASS,
  target: { type: 'pupil', pupilId: P2 },
  measure: { kind: 'turn', perLesson: 2 },
  from: '2025-01-06',
  to: '2025-01-31',
  note: '',
  closingReflection: '',
  closedAt: null,
  deletedAt: null,
  createdAt: T1,
  updatedAt: T1,
  ...patch,
});
const promptState = (
  n: number,
  updatedAt: string,
  patch: Partial<PromptStateRecord> = {},
): PromptStateRecord => ({
  id: uid(600 + n),
  classId: CLASS,
  promptKey: 'rateExpectations',
  status: 'dismissed',
  until: null,
  createdAt: updatedAt,
  updatedAt,
  ...patch,
});
const remark = (n: number): CoachRemarkRecord => ({
  id: uid(700 + n),
  classId: CLASS,
  insightKey: 'turnsSpread',
  text: 'Wat zie je achterin?',
  author: 'Coach',
  packageId: uid(799),
  createdAt: T2,
  updatedAt: T2,
});

/** The records both devices started from. */
function base(): BackupData {
  return {
    ...emptyData(),
    classes: [cls()],
    pupils: [pupil(P1, 'Ayoub'), pupil(P2, 'Sanne')],
    lessons: [lesson(L1, '2025-01-06')],
    events: [event(1, P1)],
    banking: [banking()],
    journal: [journal(1), journal(2, { classId: null, lessonId: null, source: 'journal' })],
    intentions: [intention()],
  };
}

type Edit = (d: BackupData) => void;
interface Case {
  name: string;
  deviceA: Edit;
  deviceB: Edit;
  expected: Edit;
  counts?: Partial<Record<DataTableName, TableResult>>;
}

const none: Edit = () => {};

const CASES: Case[] = [
  {
    name: 'same data on both: nothing changes, nothing duplicated',
    deviceA: none,
    deviceB: none,
    expected: none,
    counts: { pupils: { added: 0, updated: 0, unchanged: 2 } },
  },
  {
    name: 'a pupil added on B only arrives',
    deviceA: none,
    deviceB: (d) => d.pupils.push(pupil(P3, 'Daan', { createdAt: T2, updatedAt: T2 })),
    expected: (d) => d.pupils.push(pupil(P3, 'Daan', { createdAt: T2, updatedAt: T2 })),
    counts: { pupils: { added: 1, updated: 0, unchanged: 2 } },
  },
  {
    name: 'a pupil added on A only stays (merge never deletes)',
    deviceA: (d) => d.pupils.push(pupil(P3, 'Daan')),
    deviceB: none,
    expected: (d) => d.pupils.push(pupil(P3, 'Daan')),
  },
  {
    name: 'renamed on B later than on A: B wins',
    deviceA: (d) => (d.pupils[0] = pupil(P1, 'Ayoub A.', { updatedAt: T2 })),
    deviceB: (d) => (d.pupils[0] = pupil(P1, 'Ayoub B.', { updatedAt: T3 })),
    expected: (d) => (d.pupils[0] = pupil(P1, 'Ayoub B.', { updatedAt: T3 })),
    counts: { pupils: { added: 0, updated: 1, unchanged: 1 } },
  },
  {
    name: 'renamed on A later than on B: A stays',
    deviceA: (d) => (d.pupils[0] = pupil(P1, 'Ayoub A.', { updatedAt: T3 })),
    deviceB: (d) => (d.pupils[0] = pupil(P1, 'Ayoub B.', { updatedAt: T2 })),
    expected: (d) => (d.pupils[0] = pupil(P1, 'Ayoub A.', { updatedAt: T3 })),
    counts: { pupils: { added: 0, updated: 0, unchanged: 2 } },
  },
  {
    name: 'edited on both at the same instant: the existing record stays',
    deviceA: (d) => (d.pupils[0] = pupil(P1, 'Ayoub A.', { updatedAt: T2 })),
    deviceB: (d) => (d.pupils[0] = pupil(P1, 'Ayoub B.', { updatedAt: T2 })),
    expected: (d) => (d.pupils[0] = pupil(P1, 'Ayoub A.', { updatedAt: T2 })),
  },
  {
    name: 'different records edited on each device: both edits survive',
    deviceA: (d) => (d.pupils[1] = pupil(P2, 'Sanne V.', { updatedAt: T2 })),
    deviceB: (d) => (d.banking[0] = banking({ note: 'Samen gelezen', updatedAt: T2 })),
    expected: (d) => {
      d.pupils[1] = pupil(P2, 'Sanne V.', { updatedAt: T2 });
      d.banking[0] = banking({ note: 'Samen gelezen', updatedAt: T2 });
    },
  },
  {
    name: 'a soft delete on B after an edit on A: the deletion arrives',
    deviceA: (d) => (d.lessons[0] = lesson(L1, '2025-01-06', { topic: 'Breuken', updatedAt: T2 })),
    deviceB: (d) => (d.lessons[0] = lesson(L1, '2025-01-06', { deletedAt: T3, updatedAt: T3 })),
    expected: (d) => (d.lessons[0] = lesson(L1, '2025-01-06', { deletedAt: T3, updatedAt: T3 })),
  },
  {
    name: 'a pupil removed on A after a rename on B: stays removed',
    deviceA: (d) => (d.pupils[1] = pupil(P2, 'Sanne', { removedAt: T3, updatedAt: T3 })),
    deviceB: (d) => (d.pupils[1] = pupil(P2, 'Sanne K.', { updatedAt: T2 })),
    expected: (d) => (d.pupils[1] = pupil(P2, 'Sanne', { removedAt: T3, updatedAt: T3 })),
  },
  {
    name: 'each device logged a lesson: both lessons and their events end up together',
    deviceA: (d) => {
      d.lessons.push(lesson(L2, '2025-01-07', { createdAt: T2, updatedAt: T2 }));
      d.events.push(event(2, P2, L2));
    },
    deviceB: (d) => d.events.push(event(3, P1), event(4, P2)),
    expected: (d) => {
      d.lessons.push(lesson(L2, '2025-01-07', { createdAt: T2, updatedAt: T2 }));
      d.events.push(event(2, P2, L2), event(3, P1), event(4, P2));
    },
    counts: { events: { added: 2, updated: 0, unchanged: 1 } },
  },
  {
    name: 'the same pupil marked absent on both devices (two ids): one absence, A’s',
    deviceA: (d) => d.absences.push(absence(1, P2)),
    deviceB: (d) => d.absences.push(absence(2, P2, T2)),
    expected: (d) => d.absences.push(absence(1, P2)),
    counts: { absences: { added: 0, updated: 0, unchanged: 1 } },
  },
  {
    name: 'different pupils marked absent on each device: both absences',
    deviceA: (d) => d.absences.push(absence(1, P1)),
    deviceB: (d) => d.absences.push(absence(2, P2)),
    expected: (d) => d.absences.push(absence(1, P1), absence(2, P2)),
  },
  {
    name: 'timestamps compare as instants, not as text (with and without milliseconds)',
    deviceA: (d) => (d.pupils[0] = pupil(P1, 'A', { updatedAt: '2025-01-07T08:00:00Z' })),
    deviceB: (d) => (d.pupils[0] = pupil(P1, 'B', { updatedAt: '2025-01-07T08:00:00.500Z' })),
    expected: (d) => (d.pupils[0] = pupil(P1, 'B', { updatedAt: '2025-01-07T08:00:00.500Z' })),
  },
  {
    name: 'class archived on A, scale changed later on B: B’s whole record wins',
    deviceA: (d) => (d.classes[0] = cls({ archivedAt: T2, updatedAt: T2 })),
    deviceB: (d) =>
      (d.classes[0] = cls({
        expectationScale: { kind: 'levels', levels: ['havo', 'vwo'] },
        updatedAt: T3,
      })),
    expected: (d) =>
      (d.classes[0] = cls({
        expectationScale: { kind: 'levels', levels: ['havo', 'vwo'] },
        updatedAt: T3,
      })),
  },
  {
    name: 'a journal entry rewritten on B later: B’s text wins; the entry without a class too',
    deviceA: none,
    deviceB: (d) => {
      d.journal[0] = journal(1, { text: 'Na de les, herlezen.', updatedAt: T2 });
      d.journal[1] = journal(2, {
        classId: null,
        lessonId: null,
        source: 'journal',
        deletedAt: T3,
        updatedAt: T3,
      });
    },
    expected: (d) => {
      d.journal[0] = journal(1, { text: 'Na de les, herlezen.', updatedAt: T2 });
      d.journal[1] = journal(2, {
        classId: null,
        lessonId: null,
        source: 'journal',
        deletedAt: T3,
        updatedAt: T3,
      });
    },
    counts: { journal: { added: 0, updated: 2, unchanged: 0 } },
  },
  {
    name: 'an intention closed on A after an edit on B: A’s closed intention stays',
    deviceA: (d) =>
      (d.intentions[0] = intention({
        closingReflection: 'Lukte goed.',
        closedAt: T3,
        updatedAt: T3,
      })),
    deviceB: (d) => (d.intentions[0] = intention({ note: 'Open vragen', updatedAt: T2 })),
    expected: (d) =>
      (d.intentions[0] = intention({
        closingReflection: 'Lukte goed.',
        closedAt: T3,
        updatedAt: T3,
      })),
    counts: { intentions: { added: 0, updated: 0, unchanged: 1 } },
  },
  {
    name: 'journal entries and coach remarks written on B only arrive',
    deviceA: none,
    deviceB: (d) => {
      d.journal.push(journal(3, { pupilId: P1, createdAt: T2, updatedAt: T2 }));
      d.coachRemarks.push(remark(1));
    },
    expected: (d) => {
      d.journal.push(journal(3, { pupilId: P1, createdAt: T2, updatedAt: T2 }));
      d.coachRemarks.push(remark(1));
    },
    counts: {
      journal: { added: 1, updated: 0, unchanged: 2 },
      coachRemarks: { added: 1, updated: 0, unchanged: 0 },
    },
  },
  {
    name: 'the same prompt dismissed on both (two ids), B later: one state, B’s',
    deviceA: (d) => d.promptStates.push(promptState(1, T1)),
    deviceB: (d) =>
      d.promptStates.push(promptState(2, T2, { status: 'snoozed', until: '2025-02-01' })),
    expected: (d) =>
      d.promptStates.push(promptState(2, T2, { status: 'snoozed', until: '2025-02-01' })),
    counts: { promptStates: { added: 0, updated: 1, unchanged: 0 } },
  },
  {
    name: 'the same prompt on both (two ids), A later: one state, A’s',
    deviceA: (d) => d.promptStates.push(promptState(1, T3)),
    deviceB: (d) => d.promptStates.push(promptState(2, T2, { status: 'snoozed', until: null })),
    expected: (d) => d.promptStates.push(promptState(1, T3)),
    counts: { promptStates: { added: 0, updated: 0, unchanged: 1 } },
  },
  {
    name: 'different prompts on each device: both states',
    deviceA: (d) => d.promptStates.push(promptState(1, T1)),
    deviceB: (d) => d.promptStates.push(promptState(2, T2, { promptKey: 'rateRelationship' })),
    expected: (d) =>
      d.promptStates.push(
        promptState(1, T1),
        promptState(2, T2, { promptKey: 'rateRelationship' }),
      ),
    counts: { promptStates: { added: 1, updated: 0, unchanged: 0 } },
  },
  {
    name: 'one prompt state snoozed again on B later (same id): B wins',
    deviceA: (d) =>
      d.promptStates.push(promptState(1, T1, { status: 'snoozed', until: '2025-01-10' })),
    deviceB: (d) => d.promptStates.push(promptState(1, T3, { status: 'dismissed' })),
    expected: (d) => d.promptStates.push(promptState(1, T3, { status: 'dismissed' })),
    counts: { promptStates: { added: 0, updated: 1, unchanged: 0 } },
  },
];

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
function sorted(data: BackupData): Record<string, unknown[]> {
  return Object.fromEntries(
    DATA_TABLES.map((t) => [t, [...(data[t] as { id: string }[])].sort(byId)]),
  );
}

let db: SpiegelDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => {
  db.close();
  setDbForTests(null);
});

describe('merge of two devices’ exports', () => {
  it.each(CASES)('$name', async ({ deviceA, deviceB, expected, counts }) => {
    const a = base();
    deviceA(a);
    const b = base();
    deviceB(b);
    const want = base();
    expected(want);
    await seedDb(db, a);
    const result = await importBackup(JSON.stringify(backupOf(b)), 'merge');
    const after = await readData(db);
    const got = Object.fromEntries(
      DATA_TABLES.map((t) => [t, [...(after[t] as { id: string }[])].sort(byId)]),
    );
    expect(got).toEqual(sorted(want));
    for (const [table, c] of Object.entries(counts ?? {})) {
      expect(result.tables[table as DataTableName]).toEqual(c);
    }
  });

  it('importing the same export twice changes nothing the second time', async () => {
    const a = base();
    await seedDb(db, a);
    const b = clone(base());
    b.pupils.push(pupil(P3, 'Daan'));
    const text = JSON.stringify(backupOf(b));
    await importBackup(text, 'merge');
    const once = await dumpDb(db);
    const second = await importBackup(text, 'merge');
    expect(await dumpDb(db)).toEqual(once);
    for (const t of DATA_TABLES) expect(second.tables[t].added + second.tables[t].updated).toBe(0);
  });

  it('two real devices: A exports, B merges A, A merges B: both end up equal', async () => {
    const a = base();
    a.pupils[0] = pupil(P1, 'Ayoub A.', { updatedAt: T3 });
    a.events.push(event(5, P2));
    await seedDb(db, a);
    const fromA = await exportBackupJson();
    db.close();
    const dbB = freshDb();
    const b = base();
    b.banking[0] = banking({ minutes: 15, updatedAt: T2 });
    b.pupils.push(pupil(P3, 'Daan'));
    await seedDb(dbB, b);
    await importBackup(fromA, 'merge');
    const fromB = await exportBackupJson();
    const stateB = await dumpDb(dbB);
    const eventsB = (await readData(dbB)).events;
    dbB.close();
    db = freshDb();
    await seedDb(db, a);
    await importBackup(fromB, 'merge');
    expect(await dumpDb(db)).toEqual(stateB);
    expect((stateB.pupils as PupilRecord[]).find((p) => p.id === P1)?.name).toBe('Ayoub A.');
    expect((stateB.banking as BankingSession[])[0]?.minutes).toBe(15);
    expect(stateB.pupils).toHaveLength(3);
    expect(eventsB).toHaveLength(2);
  });
});

describe('merge reads what is stored either way', () => {
  it('a small file into a large table (one lookup per id) gives the same result', async () => {
    const a = base();
    for (let n = 10; n < 60; n++) a.events.push(event(n, n % 2 ? P1 : P2));
    await seedDb(db, a);
    const b = base();
    b.events = [
      { ...event(11, P1), kind: 'praise', updatedAt: T3 },
      { ...event(12, P2), kind: 'help', updatedAt: T1 },
      event(99, P2),
    ];
    b.pupils = [];
    b.banking = [];
    b.journal = [];
    b.intentions = [];
    const result = await importBackup(JSON.stringify(backupOf(b)), 'merge');
    expect(result.tables.events).toEqual({ added: 1, updated: 1, unchanged: 1 });
    const stored = await Promise.all(
      [uid(111), uid(112), uid(199)].map((id) => storedEvent(db, id)),
    );
    expect(stored.map((e) => e?.kind)).toEqual(['praise', 'turn', 'turn']);
  });
});
