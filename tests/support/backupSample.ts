/**
 * A seeded generator of realistic backup data, for the backup tests and the benchmark
 * (`scripts/bench/backup-entry.ts`; test support, so it lives under `tests/`). Same seed, same data: ids, dates and timestamps included.
 */
import { INTERACTION_KINDS, type InteractionKind } from '../../src/model/kinds';
import type {
  AbsenceRecord,
  ClassRecord,
  InteractionEvent,
  LessonRecord,
  PupilRecord,
} from '../../src/model/types';
import { emptyBackupData, type BackupData } from '../../src/db/backup/format';
import { mulberry32 } from '../../src/domain/random';

export interface SampleOptions {
  seed?: number;
  classes?: number;
  pupilsPerClass?: number;
  lessonsPerClass?: number;
  /** Total interaction events, spread over all lessons. */
  events?: number;
  /** First lesson date (UTC), `YYYY-MM-DD`. */
  start?: string;
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = (Math.floor(random() * 4) + 8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const FIRST_NAMES = [
  'Ayoub',
  'Sanne',
  'Daan',
  'Fatima',
  'Lucas',
  'Noor',
  'Milan',
  'Emma',
  'Yusuf',
  'Julia',
  'Sem',
  'Lina',
  'Finn',
  'Zeynep',
  'Bram',
  'Isa',
  'Jesse',
  'Sara',
  'Thijs',
  'Amira',
];

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const dateOf = (ms: number) => iso(ms).slice(0, 10);

/** A teacher's data: classes with pupils, lessons with events, and a little of everything else. */
export function makeSampleData(options: SampleOptions = {}): BackupData {
  const {
    seed = 1,
    classes: classCount = 2,
    pupilsPerClass = 6,
    lessonsPerClass = 4,
    events: eventCount = 60,
    start = '2024-09-02',
  } = options;
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const newId = () => uuidFrom(random);
  const t0 = Date.parse(`${start}T07:00:00.000Z`);
  const data: BackupData = emptyBackupData();
  const lessonCount = classCount * lessonsPerClass;
  for (let c = 0; c < classCount; c++) {
    const created = iso(t0 - DAY * 7 + c * 60_000);
    const cls: ClassRecord = {
      id: newId(),
      name: `Klas ${c + 1}${c % 2 ? 'b' : 'a'}`,
      schoolType: c % 2 ? 'secondary' : 'primary',
      yearLabel: c % 2 ? '2 havo/vwo' : 'groep 6',
      seating: { rows: 5, cols: 6 },
      hiddenKinds: c === 0 ? [] : ['help'],
      ...(c === 1 ? { shownKinds: ['greeting' as const] } : {}),
      archivedAt: null,
      deletedAt: null,
      isDemo: false,
      expectationScale:
        c % 2 ? { kind: 'levels', levels: ['vmbo-gt', 'havo', 'vwo'] } : { kind: 'relative5' },
      createdAt: created,
      updatedAt: created,
    };
    data.classes.push(cls);
    const lensValues = [
      { id: newId(), label: 'meisje' },
      { id: newId(), label: 'jongen' },
    ];
    const lensId = newId();
    data.lenses.push({
      id: lensId,
      classId: cls.id,
      name: 'Gender',
      values: lensValues,
      order: 0,
      deletedAt: null,
      preset: 'gender',
      createdAt: created,
      updatedAt: created,
    });
    const pupils: PupilRecord[] = [];
    for (let p = 0; p < pupilsPerClass; p++) {
      const pupil: PupilRecord = {
        id: newId(),
        classId: cls.id,
        name: `${pick(FIRST_NAMES)} ${String.fromCharCode(65 + (p % 26))}.`,
        seat: { row: Math.floor(p / 6), col: p % 6 },
        lensValues: random() < 0.8 ? { [lensId]: pick(lensValues).id } : {},
        removedAt: p === pupilsPerClass - 1 && p > 0 ? iso(t0 + DAY * 30) : null,
        createdAt: created,
        updatedAt: created,
      };
      // Issue 14's optional fields, without drawing from random() (the rest stays the same).
      if (p === 0) {
        pupil.strengths = 'Tekenen en <b>verhalen</b> vertellen';
        pupil.aspirations = 'Dierenarts worden; "misschien" piloot';
      }
      pupils.push(pupil);
      data.pupils.push(pupil);
      for (let k = 0; k < 3; k++) {
        const at = t0 + DAY * (k * 60 + 3);
        data.expectations.push({
          id: newId(),
          classId: cls.id,
          pupilId: pupil.id,
          date: dateOf(at),
          value: Math.floor(random() * (c % 2 ? 3 : 5)),
          confidence: pick(['unsure', 'fairly', 'very', null] as const),
          // The first rating as an older app stored it (no scale); later ones record it.
          ...(k > 0 ? { scale: cls.expectationScale } : {}),
          createdAt: iso(at),
          updatedAt: iso(at),
        });
        data.relationships.push({
          id: newId(),
          classId: cls.id,
          pupilId: pupil.id,
          date: dateOf(at),
          closeness: 1 + Math.floor(random() * 5),
          conflict: 1 + Math.floor(random() * 5),
          dependency: 1 + Math.floor(random() * 5),
          note: k === 0 ? 'Nieuwsgierig; "vraagt" veel, ook na de les.' : '',
          ...(k === 0 ? { pupilView: 3, capability: 4 } : {}),
          createdAt: iso(at),
          updatedAt: iso(at),
        });
      }
      for (let k = 0; k < 4; k++) {
        const at = t0 + DAY * (k * 40 + 10);
        const scoreType = pick(['grade', 'percentage', 'percentile'] as const);
        data.achievements.push({
          id: newId(),
          classId: cls.id,
          pupilId: pupil.id,
          label: `Toets ${k + 1}`,
          date: dateOf(at),
          scoreType,
          score:
            scoreType === 'grade'
              ? Math.round((1 + random() * 9) * 10) / 10
              : Math.round(random() * 100),
          createdAt: iso(at),
          updatedAt: iso(at),
        });
      }
      if (p % 5 === 0) {
        const at = t0 + DAY * (p + 2);
        data.banking.push({
          id: newId(),
          classId: cls.id,
          pupilId: pupil.id,
          date: dateOf(at),
          minutes: 10,
          note: p === 0 ? 'Samen getekend <b>buiten</b>' : '',
          deletedAt: null,
          createdAt: iso(at),
          updatedAt: iso(at),
        });
      }
    }
    const lessons: LessonRecord[] = [];
    for (let l = 0; l < lessonsPerClass; l++) {
      const at = t0 + DAY * Math.floor((l * 7) / 3) + c * 3_600_000;
      const lesson: LessonRecord = {
        id: newId(),
        classId: cls.id,
        date: dateOf(at),
        startTime: new Date(at).toISOString().slice(11, 16),
        endTime: new Date(at + 3_000_000).toISOString().slice(11, 16),
        topic: l % 3 === 0 ? `Breuken, les ${l + 1}` : '',
        endedAt: iso(at + 3_000_000),
        deletedAt: l === lessonsPerClass - 1 && l > 0 ? iso(at + DAY) : null,
        createdAt: iso(at),
        updatedAt: iso(at + 3_000_000),
      };
      lessons.push(lesson);
      data.lessons.push(lesson);
      const absent = pupils[Math.floor(random() * pupils.length)];
      if (absent && random() < 0.6) {
        const absence: AbsenceRecord = {
          id: newId(),
          classId: cls.id,
          lessonId: lesson.id,
          pupilId: absent.id,
          createdAt: iso(at),
          updatedAt: iso(at),
        };
        data.absences.push(absence);
      }
      const perLesson =
        Math.floor(eventCount / lessonCount) +
        (c * lessonsPerClass + l < eventCount % lessonCount ? 1 : 0);
      for (let e = 0; e < perLesson; e++) {
        const kind: InteractionKind = random() < 0.5 ? 'turn' : pick(INTERACTION_KINDS);
        const after = random() < 0.1;
        const tap = at + Math.floor(random() * 3_000_000);
        const event: InteractionEvent = {
          id: newId(),
          classId: cls.id,
          lessonId: lesson.id,
          pupilId: pick(pupils).id,
          kind,
          date: lesson.date,
          at: after ? null : iso(tap),
          loggedAfter: after,
          createdAt: iso(after ? at + 4_000_000 : tap),
          updatedAt: iso(after ? at + 4_000_000 : tap),
        };
        if (kind === 'turn' && random() < 0.5) {
          event.initiative = pick(['volunteered', 'called'] as const);
          event.questionLevel = pick(['recall', 'higher'] as const);
          event.waitTime = random() < 0.5;
        }
        if (kind === 'praise' && random() < 0.5)
          event.praiseType = pick(['specific', 'general'] as const);
        if ((kind === 'correctionWork' || kind === 'correctionBehaviour') && e % 2 === 0)
          event.audience = e % 4 === 0 ? 'class' : 'private';
        data.events.push(event);
      }
    }
  }
  addReflection(data, newId, pick, t0);
  return data;
}

/**
 * The teacher's reflection for every class: journal entries (one without a class, one per
 * lesson and pupil), intentions of each target type, prompt states and a coach remark. Made
 * after the classes so the records above stay the same for a given seed.
 */
function addReflection(
  data: BackupData,
  newId: () => string,
  pick: <T>(list: readonly T[]) => T,
  t0: number,
): void {
  const stamp = (days: number) => ({
    createdAt: iso(t0 + DAY * days),
    updatedAt: iso(t0 + DAY * days),
  });
  data.journal.push({
    id: newId(),
    classId: null,
    date: dateOf(t0 + DAY),
    text: 'Deze week: minder haasten na een vraag.',
    lessonId: null,
    pupilId: null,
    insightKey: null,
    source: 'journal',
    deletedAt: null,
    ...stamp(1),
  });
  data.classes.forEach((cls, c) => {
    const pupils = data.pupils.filter((p) => p.classId === cls.id);
    const lesson = data.lessons.find((l) => l.classId === cls.id);
    const lens = data.lenses.find((l) => l.classId === cls.id);
    const pupil = pick(pupils);
    data.journal.push({
      id: newId(),
      classId: cls.id,
      date: lesson?.date ?? dateOf(t0),
      text: 'Na de les: <em>rustiger</em> begonnen; "wachttijd" hielp.',
      lessonId: lesson?.id ?? null,
      pupilId: null,
      insightKey: null,
      source: 'afterLesson',
      deletedAt: null,
      ...stamp(2 + c),
    });
    data.journal.push({
      id: newId(),
      classId: cls.id,
      date: dateOf(t0 + DAY * 20),
      text: `${pupil.name} vaker een beurt geven`,
      lessonId: null,
      pupilId: pupil.id,
      insightKey: `notAddressed:${pupil.id}`,
      source: 'journal',
      deletedAt: c === 1 ? iso(t0 + DAY * 21) : null,
      ...stamp(20),
    });
    data.intentions.push(
      {
        id: newId(),
        classId: cls.id,
        target: { type: 'pupil', pupilId: pupil.id },
        measure: { kind: 'turn', quality: 'higher', perLesson: 2 },
        from: dateOf(t0 + DAY * 20),
        to: dateOf(t0 + DAY * 34),
        note: 'Een open vraag per les.',
        closingReflection: 'Lukte vaker dan ik dacht.',
        closedAt: iso(t0 + DAY * 35),
        deletedAt: null,
        createdAt: iso(t0 + DAY * 20),
        updatedAt: iso(t0 + DAY * 35),
      },
      {
        id: newId(),
        classId: cls.id,
        target: { type: 'class' },
        measure: { kind: 'praise', perLesson: 5 },
        from: dateOf(t0 + DAY * 36),
        to: dateOf(t0 + DAY * 50),
        note: '',
        closingReflection: '',
        closedAt: null,
        deletedAt: null,
        moreHelpFor: [pupil.id],
        ...stamp(36),
      },
      {
        id: newId(),
        classId: cls.id,
        target: lens
          ? { type: 'lens', lensId: lens.id, valueId: lens.values[0]!.id }
          : { type: 'expectation', group: 'low' },
        measure: { kind: 'followUp', perLesson: 1 },
        from: dateOf(t0 + DAY * 40),
        to: dateOf(t0 + DAY * 60),
        note: '',
        closingReflection: '',
        closedAt: null,
        deletedAt: null,
        ...stamp(40),
      },
      {
        id: newId(),
        classId: cls.id,
        target: { type: 'expectation', group: 'high' },
        measure: { kind: 'help', perLesson: 1 },
        from: dateOf(t0 + DAY * 40),
        to: dateOf(t0 + DAY * 60),
        note: '',
        closingReflection: '',
        closedAt: null,
        deletedAt: iso(t0 + DAY * 41),
        ...stamp(41),
      },
    );
    data.promptStates.push(
      {
        id: newId(),
        classId: cls.id,
        promptKey: `notAddressed:${pupil.id}`,
        status: 'dismissed',
        until: null,
        ...stamp(22),
      },
      {
        id: newId(),
        classId: cls.id,
        promptKey: 'rateExpectations',
        status: 'snoozed',
        until: dateOf(t0 + DAY * 30),
        ...stamp(23),
      },
    );
    data.coachRemarks.push({
      id: newId(),
      classId: cls.id,
      insightKey: 'turnsSpread',
      text: 'Wat merk je zelf aan de beurten achterin?',
      author: 'Coach',
      packageId: newId(),
      ...stamp(30),
    });
  });
  // Version 2: one attribution of each source per class (after the rest: earlier ids stay).
  data.classes.forEach((cls) => {
    const pupil = pick(data.pupils.filter((p) => p.classId === cls.id));
    const intention = data.intentions.find((i) => i.classId === cls.id);
    data.attributions.push(
      {
        id: newId(),
        classId: cls.id,
        pupilId: pupil.id,
        date: dateOf(t0 + DAY * 22),
        cause: 'circumstances',
        source: 'prompt',
        sourceKey: `notAddressed:${pupil.id}`,
        ...stamp(22),
      },
      {
        id: newId(),
        classId: cls.id,
        pupilId: pupil.id,
        date: dateOf(t0 + DAY * 35),
        cause: 'approach',
        source: 'intention',
        sourceKey: intention?.id ?? null,
        ...stamp(35),
      },
      {
        id: newId(),
        classId: cls.id,
        pupilId: pupil.id,
        date: dateOf(t0 + DAY * 38),
        cause: 'pupil',
        source: 'difficulty',
        sourceKey: null,
        ...stamp(38),
      },
    );
  });
}
