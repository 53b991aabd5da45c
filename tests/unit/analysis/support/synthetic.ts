/**
 * A seeded synthetic school year for the performance test and benchmark: by default 30 pupils,
 * 200 lessons and about 25,000 events, with two lenses, three rounds of expectations, three
 * assessments, relationship ratings, ~5% absences, banking sessions and one removed pupil.
 * Pupils expected high get about twice the turns (so the tests have something to find).
 */
import type { ClassData } from '../../../../src/analysis';
import type { InteractionEvent } from '../../../../src/model/types';
import { INTERACTION_KINDS, type InteractionKind } from '../../../../src/model/kinds';
import { mulberry32 } from '../../../../src/domain/random';

export interface SyntheticOptions {
  seed?: number;
  pupils?: number;
  lessons?: number;
  eventsPerLesson?: number;
  classId?: string;
}

const T = '2024-09-01T08:00:00.000Z';
const stamps = { createdAt: T, updatedAt: T };
const KIND_WEIGHTS: Record<InteractionKind, number> = {
  turn: 40,
  praise: 15,
  correctionWork: 10,
  correctionBehaviour: 8,
  followUp: 12,
  help: 8,
  personal: 7,
  // The opt-in greeting is never drawn: the generated classes stay as they were.
  greeting: 0,
};

type Stamps = { createdAt: string; updatedAt: string };

/** A 09:00–09:50 lesson on each date; ids `<classId>-l<index>`, the index padded to `width`. */
export function lessonsOn(
  classId: string,
  dates: readonly string[],
  width: number,
  stamped: Stamps,
): ClassData['lessons'] {
  return dates.map((date, i) => ({
    id: `${classId}-l${String(i).padStart(width, '0')}`,
    classId,
    date,
    startTime: '09:00',
    endTime: '09:50',
    topic: '',
    endedAt: `${date}T09:50:00.000Z`,
    deletedAt: null,
    ...stamped,
  }));
}

/** A primary-school class record with a 5×6 plan and the relative expectation scale. */
export function classRecord(
  id: string,
  name: string,
  yearLabel: string,
  stamped: Stamps,
): ClassData['cls'] {
  return {
    id,
    name,
    schoolType: 'primary',
    yearLabel,
    seating: { rows: 5, cols: 6 },
    hiddenKinds: [],
    archivedAt: null,
    deletedAt: null,
    isDemo: false,
    expectationScale: { kind: 'relative5' },
    ...stamped,
  };
}

function schoolDays(count: number, first = '2024-09-02'): string[] {
  const out: string[] = [];
  let t = Date.UTC(+first.slice(0, 4), +first.slice(5, 7) - 1, +first.slice(8, 10));
  while (out.length < count) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) out.push(new Date(t).toISOString().slice(0, 10));
    t += 86_400_000;
  }
  return out;
}

export function syntheticClass(opts: SyntheticOptions = {}): ClassData {
  const rng = mulberry32(opts.seed ?? 42);
  const nP = opts.pupils ?? 30;
  const nL = opts.lessons ?? 200;
  const perLesson = opts.eventsPerLesson ?? 125;
  const classId = opts.classId ?? 'syn';
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
  const pupils = Array.from({ length: nP }, (_, i) => ({
    id: `${classId}-p${String(i).padStart(3, '0')}`,
    classId,
    name: `Leerling ${i + 1}`,
    seat: { row: Math.floor(i / 6), col: i % 6 },
    lensValues: { gender: pick(['g', 'b']), home: pick(['nl', 'other']) },
    removedAt: i === nP - 1 ? '2025-03-01T12:00:00.000Z' : null,
    ...stamps,
  }));
  const expectationValue = pupils.map(() => Math.floor(rng() * 5));
  const dates = schoolDays(nL);
  const lessons = lessonsOn(classId, dates, 3, stamps);
  const absences: ClassData['absences'][number][] = [];
  const events: InteractionEvent[] = [];
  const kindTotal = INTERACTION_KINDS.reduce((s, k) => s + KIND_WEIGHTS[k], 0);
  let seq = 0;
  for (const lesson of lessons) {
    const present = pupils.filter((p) => {
      if (p.removedAt && lesson.date >= p.removedAt.slice(0, 10)) return false;
      if (rng() < 0.05) {
        absences.push({
          id: `${classId}-a${seq++}`,
          classId,
          lessonId: lesson.id,
          pupilId: p.id,
          ...stamps,
        });
        return false;
      }
      return true;
    });
    const weights = present.map((p) => ((expectationValue[pupils.indexOf(p)] ?? 2) >= 3 ? 2 : 1));
    const wSum = weights.reduce((s, w) => s + w, 0);
    const n = Math.round(perLesson * (0.8 + 0.4 * rng()));
    for (let e = 0; e < n && present.length > 0; e++) {
      let r = rng() * wSum;
      let k = 0;
      while (k < present.length - 1 && (r -= weights[k] ?? 0) >= 0) k++;
      const pupil = present[k] ?? present[0];
      let kr = rng() * kindTotal;
      let kind: InteractionKind = 'turn';
      for (const kk of INTERACTION_KINDS)
        if ((kr -= KIND_WEIGHTS[kk]) < 0) {
          kind = kk;
          break;
        }
      const ev: InteractionEvent = {
        id: `${classId}-e${seq++}`,
        classId,
        lessonId: lesson.id,
        pupilId: pupil?.id ?? '',
        kind,
        date: lesson.date,
        at: null,
        loggedAfter: false,
        ...stamps,
      };
      if (kind === 'turn') {
        ev.initiative = rng() < 0.5 ? 'volunteered' : 'called';
        ev.questionLevel = rng() < 0.3 ? 'higher' : 'recall';
        ev.waitTime = rng() < 0.2;
      } else if (kind === 'followUp') {
        ev.questionLevel = rng() < 0.4 ? 'higher' : 'recall';
      } else if (kind === 'praise') {
        ev.praiseType = rng() < 0.5 ? 'specific' : 'general';
      }
      events.push(ev);
    }
  }
  const rounds = [dates[0], dates[Math.floor(nL / 3)], dates[Math.floor((2 * nL) / 3)]];
  const expectations = pupils.flatMap((p, i) =>
    rounds.map((date, r) => ({
      id: `${classId}-x${i}-${r}`,
      classId,
      pupilId: p.id,
      date: date ?? '2024-09-02',
      value: Math.max(
        0,
        Math.min(4, (expectationValue[i] ?? 2) + (r === 1 && rng() < 0.2 ? 1 : 0)),
      ),
      confidence: null,
      ...stamps,
    })),
  );
  const achievements = pupils.flatMap((p, i) =>
    rounds.map((date, r) => ({
      id: `${classId}-r${i}-${r}`,
      classId,
      pupilId: p.id,
      label: `toets ${r + 1}`,
      date: date ?? '2024-09-02',
      scoreType: 'grade' as const,
      score: Math.round((4 + (expectationValue[i] ?? 2) + rng() * 3) * 10) / 10,
      ...stamps,
    })),
  );
  const relationships = pupils.map((p, i) => ({
    id: `${classId}-s${i}`,
    classId,
    pupilId: p.id,
    date: dates[10] ?? '2024-09-02',
    closeness: 1 + Math.floor(rng() * 5),
    conflict: 1 + Math.floor(rng() * 5),
    dependency: 1 + Math.floor(rng() * 5),
    note: '',
    ...stamps,
  }));
  const banking = pupils.slice(0, 4).flatMap((p, i) =>
    [20, 40, 60].map((d) => ({
      id: `${classId}-b${i}-${d}`,
      classId,
      pupilId: p.id,
      date: dates[d] ?? '2024-09-02',
      minutes: 10,
      note: '',
      deletedAt: null,
      ...stamps,
    })),
  );
  const lenses = [
    {
      id: 'gender',
      name: 'Gender',
      values: [
        { id: 'g', label: 'meisje' },
        { id: 'b', label: 'jongen' },
      ],
    },
    {
      id: 'home',
      name: 'Thuistaal',
      values: [
        { id: 'nl', label: 'Nederlands' },
        { id: 'other', label: 'anders' },
      ],
    },
  ].map((l, order) => ({ ...l, classId, order, deletedAt: null, ...stamps }));
  return {
    cls: classRecord(classId, 'Synthetisch', 'groep 7', stamps),
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
