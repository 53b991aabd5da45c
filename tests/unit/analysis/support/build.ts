/**
 * A tiny builder for hand-made class data in the analysis tests: short readable ids (p1, l1),
 * fixed timestamps, and nothing a test does not mention.
 */
import type {
  ClassRecord,
  ExpectationScale,
  InteractionEvent,
  IsoDate,
  PupilRecord,
  ScoreType,
} from '../../../../src/model/types';
import type { InteractionKind } from '../../../../src/model/kinds';
import type { ClassData } from '../../../../src/analysis';

const T = '2025-01-01T08:00:00.000Z';
const stamps = { createdAt: T, updatedAt: T };

export type EventExtras = Partial<
  Pick<InteractionEvent, 'initiative' | 'questionLevel' | 'waitTime' | 'praiseType'>
>;

export class ClassBuilder {
  readonly cls: ClassRecord;
  readonly data: Omit<ClassData, 'cls'> & {
    pupils: ClassData['pupils'][number][];
    lenses: ClassData['lenses'][number][];
    lessons: ClassData['lessons'][number][];
    absences: ClassData['absences'][number][];
    events: ClassData['events'][number][];
    banking: ClassData['banking'][number][];
    expectations: ClassData['expectations'][number][];
    achievements: ClassData['achievements'][number][];
    relationships: ClassData['relationships'][number][];
  };
  private seq = 0;

  constructor(scale: ExpectationScale = { kind: 'relative5' }, id = 'c1') {
    this.cls = {
      id,
      name: 'Testklas',
      schoolType: 'primary',
      yearLabel: 'groep 6',
      seating: { rows: 5, cols: 6 },
      hiddenKinds: [],
      archivedAt: null,
      deletedAt: null,
      isDemo: false,
      expectationScale: scale,
      ...stamps,
    };
    this.data = {
      pupils: [],
      lenses: [],
      lessons: [],
      absences: [],
      events: [],
      banking: [],
      expectations: [],
      achievements: [],
      relationships: [],
    };
  }

  private next(prefix: string): string {
    this.seq += 1;
    return `${prefix}${this.seq}`;
  }

  pupils(...ids: string[]): this {
    for (const id of ids) this.pupil(id);
    return this;
  }

  pupil(id: string, extra: Partial<PupilRecord> = {}): this {
    this.data.pupils.push({
      id,
      classId: this.cls.id,
      name: id.toUpperCase(),
      seat: null,
      lensValues: {},
      removedAt: null,
      ...stamps,
      ...extra,
    });
    return this;
  }

  /** Lessons on consecutive days from `first` (ids l1, l2, …) unless ids are given. */
  lessons(count: number, first: IsoDate = '2025-02-03'): this {
    const base = Date.UTC(+first.slice(0, 4), +first.slice(5, 7) - 1, +first.slice(8, 10));
    const start = this.data.lessons.length;
    for (let i = 0; i < count; i++) {
      const date = new Date(base + i * 86_400_000).toISOString().slice(0, 10);
      this.lesson(`l${start + i + 1}`, date);
    }
    return this;
  }

  lesson(id: string, date: IsoDate, extra: Partial<ClassData['lessons'][number]> = {}): this {
    this.data.lessons.push({
      id,
      classId: this.cls.id,
      date,
      startTime: '09:00',
      endTime: null,
      topic: '',
      endedAt: null,
      deletedAt: null,
      ...stamps,
      ...extra,
    });
    return this;
  }

  absent(lessonId: string, pupilId: string): this {
    this.data.absences.push({
      id: this.next('a'),
      classId: this.cls.id,
      lessonId,
      pupilId,
      ...stamps,
    });
    return this;
  }

  /** `n` events of one kind for one pupil in one lesson. */
  event(
    lessonId: string,
    pupilId: string,
    kind: InteractionKind,
    n = 1,
    extras: EventExtras = {},
  ): this {
    const date = this.data.lessons.find((l) => l.id === lessonId)?.date ?? '2025-02-03';
    for (let i = 0; i < n; i++) {
      this.data.events.push({
        id: this.next('e'),
        classId: this.cls.id,
        lessonId,
        pupilId,
        kind,
        date,
        at: null,
        loggedAfter: true,
        ...extras,
        ...stamps,
      });
    }
    return this;
  }

  /** The same events in every lesson so far. */
  everyLesson(pupilId: string, kind: InteractionKind, n = 1, extras: EventExtras = {}): this {
    for (const l of [...this.data.lessons]) this.event(l.id, pupilId, kind, n, extras);
    return this;
  }

  expectation(pupilId: string, date: IsoDate, value: number, createdAt = T): this {
    this.data.expectations.push({
      id: this.next('x'),
      classId: this.cls.id,
      pupilId,
      date,
      value,
      confidence: null,
      createdAt,
      updatedAt: createdAt,
    });
    return this;
  }

  achievement(
    pupilId: string,
    label: string,
    date: IsoDate,
    scoreType: ScoreType,
    score: number,
  ): this {
    this.data.achievements.push({
      id: this.next('r'),
      classId: this.cls.id,
      pupilId,
      label,
      date,
      scoreType,
      score,
      ...stamps,
    });
    return this;
  }

  relationship(
    pupilId: string,
    date: IsoDate,
    closeness: number,
    conflict: number,
    dependency = 3,
  ): this {
    this.data.relationships.push({
      id: this.next('s'),
      classId: this.cls.id,
      pupilId,
      date,
      closeness,
      conflict,
      dependency,
      note: '',
      ...stamps,
    });
    return this;
  }

  lens(id: string, name: string, values: string[]): this {
    this.data.lenses.push({
      id,
      classId: this.cls.id,
      name,
      values: values.map((v) => ({ id: v, label: v.toUpperCase() })),
      order: this.data.lenses.length,
      deletedAt: null,
      ...stamps,
    });
    return this;
  }

  lensValue(pupilId: string, lensId: string, valueId: string): this {
    const p = this.data.pupils.find((x) => x.id === pupilId);
    if (p) p.lensValues = { ...p.lensValues, [lensId]: valueId };
    return this;
  }

  banking(pupilId: string, date: IsoDate, minutes: number): this {
    this.data.banking.push({
      id: this.next('b'),
      classId: this.cls.id,
      pupilId,
      date,
      minutes,
      note: '',
      deletedAt: null,
      ...stamps,
    });
    return this;
  }

  build(): ClassData {
    return { cls: this.cls, ...this.data };
  }
}
