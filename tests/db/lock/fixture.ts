/** One record of every table, every secret field holding a marker (not a test file itself). */
import { Dexie } from 'dexie';
import type { LockTableName } from '../../../src/db/lock/fields';

/** Every secret value contains this; a raw dump of a locked database must not. */
export const MARK = 'GEHEIM';
const T = { createdAt: '2026-03-02T08:00:00.000Z', updatedAt: '2026-03-02T08:00:00.000Z' };
const C = 'class-1';
const P = 'pupil-1';
const L = 'lesson-1';

export function fixture(): Record<LockTableName, Record<string, unknown>[]> {
  return {
    classes: [
      {
        id: C,
        ...T,
        name: `${MARK} 6b`,
        schoolType: 'primary',
        yearLabel: `${MARK} groep 6`,
        seating: { rows: 4, cols: 6 },
        hiddenKinds: [],
        archivedAt: null,
        deletedAt: null,
        isDemo: false,
        expectationScale: { kind: 'levels', levels: [`${MARK} 1F`, `${MARK} 2F`] },
      },
    ],
    pupils: [
      {
        id: P,
        ...T,
        classId: C,
        name: `${MARK} Okonkwo-Bakker`,
        seat: { row: 0, col: 1 },
        lensValues: { 'lens-1': 'value-1' },
        removedAt: null,
        nicknames: [`${MARK} Okkie`],
      },
    ],
    lenses: [
      {
        id: 'lens-1',
        ...T,
        classId: C,
        name: `${MARK} schooladvies`,
        values: [{ id: 'value-1', label: `${MARK} havo` }],
        order: 0,
        deletedAt: null,
      },
    ],
    lessons: [
      {
        id: L,
        ...T,
        classId: C,
        date: '2026-03-02',
        startTime: '08:30',
        endTime: null,
        topic: `${MARK} breuken`,
        endedAt: null,
        deletedAt: null,
      },
    ],
    absences: [{ id: 'abs-1', ...T, classId: C, lessonId: L, pupilId: P }],
    lessonEvents: [
      {
        id: L,
        ...T,
        classId: C,
        date: '2026-03-02',
        count: 1,
        events: [
          { id: 'e-1', ...T, pupilId: P, kind: 'question', at: T.createdAt, loggedAfter: false },
        ],
      },
    ],
    banking: [
      {
        id: 'bank-1',
        ...T,
        classId: C,
        pupilId: P,
        date: '2026-03-02',
        minutes: 10,
        note: `${MARK} voetbal`,
        deletedAt: null,
      },
    ],
    expectations: [
      {
        id: 'exp-1',
        ...T,
        classId: C,
        pupilId: P,
        date: '2026-03-02',
        value: 1,
        confidence: 'fairly',
        scale: { kind: 'levels', levels: [`${MARK} 1F`, `${MARK} 2F`] },
      },
    ],
    achievements: [
      {
        id: 'ach-1',
        ...T,
        classId: C,
        pupilId: P,
        label: `${MARK} rekentoets`,
        date: '2026-03-02',
        scoreType: 'grade',
        score: 7,
      },
    ],
    relationships: [
      {
        id: 'rel-1',
        ...T,
        classId: C,
        pupilId: P,
        date: '2026-03-02',
        closeness: 4,
        conflict: 2,
        dependency: 1,
        note: `${MARK} dyslexie vermoed`,
      },
    ],
    journal: [
      {
        id: 'j-1',
        ...T,
        classId: C,
        date: '2026-03-02',
        text: `${MARK} Okonkwo-Bakker was stil`,
        lessonId: L,
        pupilId: P,
        insightKey: `notAddressed:${P}`,
        source: 'journal',
        deletedAt: null,
      },
    ],
    intentions: [
      {
        id: 'int-1',
        ...T,
        classId: C,
        target: { type: 'pupil', pupilId: P },
        measure: { kind: 'question', perLesson: 1 },
        from: '2026-03-02',
        to: '2026-03-20',
        note: `${MARK} vaker vragen`,
        closingReflection: `${MARK} het lukte`,
        closedAt: null,
        deletedAt: null,
      },
    ],
    attributions: [
      {
        id: 'attr-1',
        ...T,
        classId: C,
        pupilId: P,
        date: '2026-03-02',
        cause: 'circumstances',
        source: 'difficulty',
        sourceKey: null,
      },
    ],
    promptStates: [
      {
        id: 'ps-1',
        ...T,
        classId: C,
        promptKey: 'fewQuestions',
        status: 'snoozed',
        until: '2026-03-09',
      },
    ],
    coachRemarks: [
      {
        id: 'cr-1',
        ...T,
        classId: C,
        insightKey: 'spread',
        text: `${MARK} opvallend`,
        author: `${MARK} Marieke`,
        packageId: 'pkg-1',
      },
    ],
    coachWorkspaces: [
      {
        id: 'ws-1',
        ...T,
        packageId: 'pkg-2',
        label: `${MARK} 6b van Jan`,
        packageJson: `{"class":"${MARK}"}`,
        remarks: [
          { id: 'r-1', insightKey: 'spread', text: `${MARK} vraag`, createdAt: T.createdAt },
        ],
      },
    ],
    settings: [
      { key: 'language', value: 'nl', updatedAt: T.updatedAt },
      { key: 'coach.authorName', value: `${MARK} Marieke`, updatedAt: T.updatedAt },
      {
        key: 'coach.shared.pkg-1',
        value: { classId: C, label: `${MARK} 6b` },
        updatedAt: T.updatedAt,
      },
      // The sync pairing carries the token and the key that opens the shared document's texts.
      {
        key: 'sync.pairing',
        value: { url: 'wss://sync.school.nl', teacherId: 't1', token: `${MARK}-token`, key: MARK },
        updatedAt: T.updatedAt,
      },
    ],
    syncOutbox: [{ key: `pupils:${P}`, fields: ['name'] }],
    syncUpdates: [{ seq: 1, update: new Uint8Array([1, 2, 3]) }],
  };
}

/** Every store of the database as IndexedDB holds it: opened without the lock's middleware. */
export async function rawDump(name: string): Promise<Record<string, unknown[]>> {
  const raw = new Dexie(name);
  await raw.open();
  const out: Record<string, unknown[]> = {};
  for (const t of raw.tables) out[t.name] = await t.toArray();
  raw.close();
  return out;
}

/** The dump as text (sealed bytes as hex), to search for markers. */
export function dumpText(dump: unknown): string {
  return JSON.stringify(dump, (_k, v: unknown) =>
    v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v,
  );
}
