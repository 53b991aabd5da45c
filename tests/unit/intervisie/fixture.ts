/**
 * A class whose every private string is distinctive (ZZ…), so a test can search the package
 * bytes for it. Ids are real UUIDs, so a test can search for those too.
 */
import { classRecord } from '../../support/records';
import { randomUUID } from 'node:crypto';
import type { ShareSource } from '../../../src/intervisie';
import type {
  AbsenceRecord,
  AchievementRecord,
  BankingSession,
  ExpectationRecord,
  InteractionEvent,
  JournalEntry,
  LessonRecord,
  PupilRecord,
  RelationshipRecord,
} from '../../../src/model/types';
import type { InteractionKind } from '../../../src/model/kinds';

export const STAMP = '2025-03-01T08:00:00.000Z';
const stamps = { createdAt: STAMP, updatedAt: STAMP };

export const NAMES = [
  'ZZNAME-Sem-77',
  'ZZNAME-Noor-78',
  'Ximenazz ZZSUR-Oosterhout',
  'ZZNAME-Daan-79',
  'ZZNAME-Lotte-80',
  'ZZNAME-Removed-81',
] as const;

export const SECRETS = {
  className: 'ZZCLASS-7B-Vlinders',
  yearLabel: 'ZZYEAR-groep-7',
  topic: 'ZZTOPIC-breuken',
  journal: 'ZZJOURNAL-reflectie',
  relationshipNote: 'ZZNOTE-relatie',
  bankingNote: 'ZZNOTE-banking',
  tickedLensName: 'Thuistaal',
  tickedValue: 'ZZLENS-TICKED-nl',
  untickedLensName: 'ZZLENSNAME-unticked',
  untickedValues: ['ZZLENS-UNTICKED-a', 'ZZLENS-UNTICKED-b'],
  assessment: 'ZZASSESS-Cito-M7',
  strengths: 'ZZSTRENGTH-tekenen',
  aspirations: 'ZZDREAM-dierenarts',
} as const;

export const FROM = '2025-03-03';
export const TO = '2025-03-28';

export interface Fixture {
  source: ShareSource;
  /** Every id in the source (none may occur in a package). */
  ids: string[];
  pupils: PupilRecord[];
  tickedLensId: string;
  untickedLensId: string;
}

export function makeFixture(): Fixture {
  const classId = randomUUID();
  const tickedLensId = randomUUID();
  const untickedLensId = randomUUID();
  const ticked = [
    { id: randomUUID(), label: SECRETS.tickedValue },
    { id: randomUUID(), label: 'anders' },
  ];
  const unticked = SECRETS.untickedValues.map((label) => ({ id: randomUUID(), label }));
  const pupils: PupilRecord[] = NAMES.map((name, i) => ({
    id: randomUUID(),
    classId,
    name,
    seat: { row: Math.floor(i / 3), col: i % 3 },
    lensValues: {
      [tickedLensId]: ticked[i % 2]!.id,
      [untickedLensId]: unticked[i % 2]!.id,
    },
    removedAt: name.includes('Removed') ? '2025-03-20T10:00:00.000Z' : null,
    // Issue 14's two free texts, naming the pupil (names must be replaced when ticked).
    ...(i === 0
      ? {
          strengths: `${SECRETS.strengths}, net als ${NAMES[1]}`,
          aspirations: `${SECRETS.aspirations} (${name})`,
        }
      : {}),
    ...stamps,
  }));
  const lessonDates = ['2025-02-24', '2025-03-04', '2025-03-11', '2025-03-18', '2025-03-25'];
  const lessons: LessonRecord[] = lessonDates.map((date) => ({
    id: randomUUID(),
    classId,
    date,
    startTime: '09:00',
    endTime: '09:45',
    topic: `${SECRETS.topic} met ${NAMES[0]}`,
    endedAt: null,
    deletedAt: null,
    ...stamps,
  }));
  const kinds: InteractionKind[] = ['turn', 'praise', 'correctionWork', 'turn', 'followUp'];
  const events: InteractionEvent[] = [];
  lessons.forEach((lesson, l) =>
    pupils.forEach((pupil, p) => {
      for (let k = 0; k < ((p + l) % 4) + 1; k++) {
        events.push({
          id: randomUUID(),
          classId,
          lessonId: lesson.id,
          pupilId: pupil.id,
          kind: kinds[(k + p) % kinds.length]!,
          date: lesson.date,
          at: `${lesson.date}T09:${String(10 + k).padStart(2, '0')}:00.000Z`,
          loggedAfter: false,
          ...(k % 2 === 0 ? { questionLevel: 'higher' as const } : {}),
          ...stamps,
        });
      }
    }),
  );
  const absences: AbsenceRecord[] = [
    { id: randomUUID(), classId, lessonId: lessons[2]!.id, pupilId: pupils[1]!.id, ...stamps },
  ];
  const banking: BankingSession[] = [
    {
      id: randomUUID(),
      classId,
      pupilId: pupils[3]!.id,
      date: '2025-03-12',
      minutes: 10,
      note: `${SECRETS.bankingNote}: ${NAMES[3]} koos een spel`,
      deletedAt: null,
      ...stamps,
    },
  ];
  const expectations: ExpectationRecord[] = pupils.flatMap((p, i) => [
    {
      id: randomUUID(),
      classId,
      pupilId: p.id,
      date: '2025-02-10',
      value: i % 5,
      confidence: null,
      ...stamps,
    },
    {
      id: randomUUID(),
      classId,
      pupilId: p.id,
      date: '2025-03-10',
      value: (i + 1) % 5,
      confidence: 'fairly' as const,
      ...stamps,
    },
  ]);
  const achievements: AchievementRecord[] = pupils.map((p, i) => ({
    id: randomUUID(),
    classId,
    pupilId: p.id,
    label: SECRETS.assessment,
    date: '2025-03-14',
    scoreType: 'grade' as const,
    score: 5 + i,
    ...stamps,
  }));
  const relationships: RelationshipRecord[] = pupils.map((p) => ({
    id: randomUUID(),
    classId,
    pupilId: p.id,
    date: '2025-03-05',
    closeness: 3,
    conflict: 2,
    dependency: 2,
    note: `${SECRETS.relationshipNote} over ${p.name}`,
    ...stamps,
  }));
  const journal: JournalEntry[] = [
    {
      id: randomUUID(),
      classId,
      date: '2025-03-11',
      text: `${SECRETS.journal}: Ximenazz kreeg weinig beurten, ${NAMES[0]} juist veel.`,
      lessonId: lessons[2]!.id,
      pupilId: pupils[2]!.id,
      insightKey: `notAddressed:${pupils[2]!.id}`,
      source: 'journal',
      deletedAt: null,
      ...stamps,
    },
  ];
  const source: ShareSource = {
    cls: classRecord(classId, {
      name: SECRETS.className,
      yearLabel: SECRETS.yearLabel,
      seating: { rows: 2, cols: 3 },
      ...stamps,
    }),
    pupils,
    lenses: [
      {
        id: tickedLensId,
        classId,
        name: SECRETS.tickedLensName,
        values: ticked,
        order: 0,
        deletedAt: null,
        ...stamps,
      },
      {
        id: untickedLensId,
        classId,
        name: SECRETS.untickedLensName,
        values: unticked,
        order: 1,
        deletedAt: null,
        ...stamps,
      },
    ],
    lessons,
    absences,
    events,
    banking,
    expectations,
    achievements,
    relationships,
    journal,
  };
  const ids = [
    classId,
    tickedLensId,
    untickedLensId,
    ...ticked.map((x) => x.id),
    ...unticked.map((x) => x.id),
    ...[
      pupils,
      lessons,
      events,
      absences,
      banking,
      expectations,
      achievements,
      relationships,
      journal,
    ]
      .flat()
      .map((r) => r.id),
  ];
  return { source, ids, pupils, tickedLensId, untickedLensId };
}
