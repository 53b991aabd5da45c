/** Draws one lesson's interactions with the demo teacher's built-in bias (see bias.ts). */
import type { InteractionEvent } from '../../model/types';
import type { InteractionKind } from '../../model/kinds';
import { isHigh, KIND_MIX, kindWeight, QUALIFIER_P, type PupilState } from './bias';
import type { PlannedLesson } from './calendar';
import type { Rng } from '../random';
import { chance, intBetween, weightedIndex } from './prng';

export interface LessonContext {
  lesson: PlannedLesson;
  classId: string;
  lessonId: string;
  loggedAfter: boolean;
  /** When the afterwards-logged events were entered. */
  enteredAt: Date;
  /** Present pupils with their state for this lesson. */
  present: readonly { id: string; state: PupilState }[];
  /** Force one called-on recall turn for this pupil (the overlooked pupil's single turn). */
  forcedTurnFor: string | null;
  /** Running credit per pupil and kind, carried over from lesson to lesson (see pickPupil). */
  credits: Map<string, number>;
}

/**
 * Chooses who gets an interaction of `kind`: every present pupil earns credit in proportion to
 * their weight, the one with the most credit (plus a random jitter) gets it and pays 1. Over a
 * few weeks each pupil's share then follows the weights closely, while single lessons still vary
 * the way real lessons do. Plain weighted draws would make "about twice" anything from 1.5 to 3.
 */
function pickPupil(rng: Rng, ctx: LessonContext, kind: InteractionKind): string | null {
  const weights = ctx.present.map((p) => kindWeight(kind, p.state));
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  let best: string | null = null;
  let bestScore = -Infinity;
  ctx.present.forEach((p, i) => {
    const w = weights[i] ?? 0;
    if (w <= 0) return;
    const key = `${p.id}:${kind}`;
    const credit = (ctx.credits.get(key) ?? 0) + w / total;
    ctx.credits.set(key, credit);
    const score = credit + rng() * JITTER;
    if (score > bestScore) {
      bestScore = score;
      best = key;
    }
  });
  if (best === null) return null;
  ctx.credits.set(best, (ctx.credits.get(best) ?? 0) - 1);
  return (best as string).slice(0, (best as string).lastIndexOf(':'));
}

const JITTER = 1.5;

type Qualifiers = Pick<
  InteractionEvent,
  'initiative' | 'questionLevel' | 'waitTime' | 'praiseType'
>;

function qualifiers(rng: Rng, kind: InteractionKind, high: boolean): Qualifiers {
  if (chance(rng, QUALIFIER_P.none)) return {};
  const p = (q: { high: number; other: number }) => chance(rng, high ? q.high : q.other);
  switch (kind) {
    case 'turn':
      return {
        initiative: p(QUALIFIER_P.volunteered) ? 'volunteered' : 'called',
        questionLevel: p(QUALIFIER_P.higherOrderTurn) ? 'higher' : 'recall',
        waitTime: p(QUALIFIER_P.waitTime),
      };
    case 'followUp':
      return { questionLevel: p(QUALIFIER_P.higherOrderFollowUp) ? 'higher' : 'recall' };
    case 'praise':
      return { praiseType: p(QUALIFIER_P.specificPraise) ? 'specific' : 'general' };
    default:
      return {};
  }
}

export function lessonEvents(
  rng: Rng,
  ctx: LessonContext,
  makeId: () => string,
): InteractionEvent[] {
  const { lesson } = ctx;
  const drawn: { pupilId: string; kind: InteractionKind; q: Qualifiers }[] = [];
  const count = intBetween(rng, 20, 25) - (ctx.forcedTurnFor ? 1 : 0);
  const kindWeights = KIND_MIX.map(([, w]) => w);
  for (let i = 0; i < count; i++) {
    const kind = KIND_MIX[weightedIndex(rng, kindWeights)]?.[0] ?? 'turn';
    const pupilId = pickPupil(rng, ctx, kind);
    const pupil = ctx.present.find((p) => p.id === pupilId);
    if (!pupil) continue;
    const q = ctx.loggedAfter ? {} : qualifiers(rng, kind, isHigh(pupil.state.step));
    drawn.push({ pupilId: pupil.id, kind, q });
  }
  if (ctx.forcedTurnFor) {
    const q: Qualifiers = ctx.loggedAfter
      ? {}
      : { initiative: 'called', questionLevel: 'recall', waitTime: false };
    drawn.splice(intBetween(rng, 0, drawn.length), 0, {
      pupilId: ctx.forcedTurnFor,
      kind: 'turn',
      q,
    });
  }

  // Live taps are spread over the lesson (sorted); afterwards-logged ones have no time.
  const span = lesson.end.getTime() - lesson.start.getTime() - 6 * 60_000;
  const times = drawn
    .map(() => lesson.start.getTime() + 3 * 60_000 + Math.floor(rng() * span))
    .sort((a, b) => a - b);
  return drawn.map((d, i) => {
    const at = ctx.loggedAfter ? null : new Date(times[i] ?? lesson.start.getTime()).toISOString();
    // Entered one by one after the lesson: a second apart keeps their order.
    const stamp = at ?? new Date(ctx.enteredAt.getTime() + i * 1000).toISOString();
    return {
      id: makeId(),
      classId: ctx.classId,
      lessonId: ctx.lessonId,
      pupilId: d.pupilId,
      kind: d.kind,
      date: lesson.date,
      at,
      loggedAfter: ctx.loggedAfter,
      ...d.q,
      createdAt: stamp,
      updatedAt: stamp,
    };
  });
}
