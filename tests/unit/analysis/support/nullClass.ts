/**
 * Seeded classes with NO effect at all, for the chance-control simulation (scripts/bench/chance.mjs,
 * docs/analysis.md "Chance control"): every pupil has the same chance per lesson present of every
 * kind of interaction, whatever their expectation rating, lens values or relationship rating.
 * Everything else is as in a real class: 18–32 pupils, 8–40 lessons over a few months, 3–10 %
 * absence (some pupils absent more), 12–35 logged moments a lesson, qualifiers marked on part of
 * the turns, one or two lenses, most pupils rated, one or two assessments that follow the
 * expectation loosely (accurate expectations are not an effect the mirror claims), relationship
 * ratings for most pupils.
 */
import type { ClassData } from '../../../../src/analysis';
import { mulberry32 } from '../../../../src/domain/random';
import type { InteractionEvent } from '../../../../src/model/types';
import { INTERACTION_KINDS, type InteractionKind } from '../../../../src/model/kinds';
import { classRecord, lessonsOn } from './synthetic';

const T = '2025-01-06T08:00:00.000Z';
const stamps = { createdAt: T, updatedAt: T };
const KIND_WEIGHTS: Record<InteractionKind, number> = {
  turn: 45,
  praise: 14,
  correctionWork: 8,
  correctionBehaviour: 7,
  followUp: 12,
  help: 9,
  personal: 5,
  // The opt-in greeting is never drawn: the generated classes stay as they were.
  greeting: 0,
};

function schoolDays(count: number, perWeek: number, rng: () => number, last: string): string[] {
  // Walk back from `last` over school days, keeping about `perWeek` of every five.
  const out: string[] = [];
  let t = Date.UTC(+last.slice(0, 4), +last.slice(5, 7) - 1, +last.slice(8, 10));
  while (out.length < count) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6 && rng() < perWeek / 5) {
      out.push(new Date(t).toISOString().slice(0, 10));
    }
    t -= 86_400_000;
  }
  return out.reverse();
}

export interface NullClassOptions {
  seed: number;
  /** The newest lesson's date (the simulation's "today" is the day after). */
  last?: string;
}

export function nullClass({ seed, last = '2025-06-13' }: NullClassOptions): ClassData {
  const rng = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
  const classId = `null${seed}`;
  const nP = int(18, 32);
  const nL = int(8, 40);
  const perLesson = int(12, 35);
  const baseAbsence = 0.03 + rng() * 0.07;
  const lensSpecs = [
    { id: 'home', name: 'Thuistaal', values: ['nl', 'other'], weights: [0.7, 0.3] },
    {
      id: 'advice',
      name: 'Schooladvies',
      values: ['low', 'mid', 'high'],
      weights: [0.3, 0.4, 0.3],
    },
    { id: 'gender', name: 'Gender', values: ['g', 'b'], weights: [0.5, 0.5] },
  ];
  const lensCount = int(1, 2);
  const chosen = [...lensSpecs].sort(() => rng() - 0.5).slice(0, lensCount);
  const draw = (values: string[], weights: number[]) => {
    let r = rng();
    for (let i = 0; i < values.length; i++) if ((r -= weights[i] ?? 0) < 0) return values[i] ?? '';
    return values[values.length - 1] ?? '';
  };
  const pupils = Array.from({ length: nP }, (_, i) => ({
    id: `${classId}-p${String(i).padStart(2, '0')}`,
    classId,
    name: `Leerling ${i + 1}`,
    seat: null,
    lensValues: Object.fromEntries(
      chosen.filter(() => rng() < 0.95).map((l) => [l.id, draw(l.values, l.weights)]),
    ),
    removedAt: null,
    ...stamps,
  }));
  // Some pupils are away more often than others; that is not an effect either.
  const absence = pupils.map(() => baseAbsence * (rng() < 0.15 ? 3 : 1));
  const dates = schoolDays(nL, int(2, 5), rng, last);
  const lessons = lessonsOn(classId, dates, 2, stamps);
  const kindTotal = INTERACTION_KINDS.reduce((s, k) => s + KIND_WEIGHTS[k], 0);
  const markQualifiers = rng() < 0.7;
  const absences: ClassData['absences'][number][] = [];
  const events: InteractionEvent[] = [];
  let seq = 0;
  for (const lesson of lessons) {
    const present = pupils.filter((p, i) => {
      if (rng() >= (absence[i] ?? 0)) return true;
      absences.push({
        id: `${classId}-a${seq++}`,
        classId,
        lessonId: lesson.id,
        pupilId: p.id,
        ...stamps,
      });
      return false;
    });
    const n = Math.round(perLesson * (0.7 + 0.6 * rng()));
    for (let e = 0; e < n && present.length > 0; e++) {
      const pupil = pick(present);
      let kr = rng() * kindTotal;
      let kind: InteractionKind = 'turn';
      for (const k of INTERACTION_KINDS) {
        if ((kr -= KIND_WEIGHTS[k]) < 0) {
          kind = k;
          break;
        }
      }
      const ev: InteractionEvent = {
        id: `${classId}-e${seq++}`,
        classId,
        lessonId: lesson.id,
        pupilId: pupil.id,
        kind,
        date: lesson.date,
        at: `${lesson.date}T09:${String(10 + (e % 40)).padStart(2, '0')}:00.000Z`,
        loggedAfter: false,
        ...stamps,
      };
      if (markQualifiers && rng() < 0.6) {
        if (kind === 'turn') {
          ev.initiative = rng() < 0.5 ? 'volunteered' : 'called';
          ev.questionLevel = rng() < 0.3 ? 'higher' : 'recall';
          if (rng() < 0.3) ev.waitTime = true;
        } else if (kind === 'followUp') {
          ev.questionLevel = rng() < 0.4 ? 'higher' : 'recall';
        } else if (kind === 'praise') {
          ev.praiseType = rng() < 0.5 ? 'specific' : 'general';
        }
      }
      events.push(ev);
    }
  }
  const first = dates[0] ?? last;
  const expectationValue = pupils.map(() => (rng() < 0.85 ? int(0, 4) : null));
  const expectations = pupils.flatMap((p, i) => {
    const value = expectationValue[i];
    return value === null || value === undefined
      ? []
      : [
          {
            id: `${classId}-x${i}`,
            classId,
            pupilId: p.id,
            date: first,
            value,
            confidence: null,
            ...stamps,
          },
        ];
  });
  const assessments = int(1, 2);
  const achievements = pupils.flatMap((p, i) =>
    Array.from({ length: assessments }, (_, r) => ({
      id: `${classId}-r${i}-${r}`,
      classId,
      pupilId: p.id,
      label: `toets ${r + 1}`,
      date: dates[Math.floor(((r + 1) * nL) / (assessments + 1))] ?? first,
      scoreType: 'grade' as const,
      score: Math.round((4.5 + (expectationValue[i] ?? 2) * 0.6 + rng() * 3) * 10) / 10,
      ...stamps,
    })),
  );
  const relationships = pupils.flatMap((p, i) =>
    rng() < 0.7
      ? [
          {
            id: `${classId}-s${i}`,
            classId,
            pupilId: p.id,
            date: first,
            closeness: int(1, 5),
            conflict: int(1, 5),
            dependency: int(1, 5),
            note: '',
            ...stamps,
          },
        ]
      : [],
  );
  const lenses = chosen.map((l, order) => ({
    id: l.id,
    classId,
    name: l.name,
    values: l.values.map((v) => ({ id: v, label: v })),
    order,
    deletedAt: null,
    ...stamps,
  }));
  return {
    cls: classRecord(classId, `Klas ${seed}`, 'groep 6', stamps),
    pupils,
    lenses,
    lessons,
    absences,
    events,
    banking: [],
    expectations,
    achievements,
    relationships,
  };
}
