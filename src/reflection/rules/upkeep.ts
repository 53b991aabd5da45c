/**
 * Rules about keeping the picture current: expectations never or long not rated (change over time
 * is the point), and an intention that ended without its closing reflection.
 */
import { daysBetween } from '../../domain/dates';
import { historyOf, removedPupils } from '../helpers';
import { R } from '../research';
import type { RuleFn } from '../types';

/** Lessons are being logged, but no pupil has an expectation rating yet. */
export const expectationsNever: RuleFn = ({ result }) => {
  if (result.basis.lessons < result.options.minLessons || result.basis.pupils < 2) return [];
  const removed = removedPupils(result);
  const current = result.expectation.pupils.filter((p) => !removed.has(p.pupilId));
  if (current.length === 0 || current.some((p) => p.value !== null)) return [];
  return [
    {
      key: 'expectationsNever',
      rule: 'expectationsNever',
      params: { lessons: result.basis.lessons, pupils: current.length },
      basis: result.basis,
      research: [R.rubieDavies2015, R.rosenthalJacobson1968],
    },
  ];
};

/**
 * The newest expectation rating of the class is at least `staleDays` old while lessons went on.
 * The key holds that date: after a new rating the prompt is a new one when it goes stale again.
 */
export const expectationsStale: RuleFn = (input, t) => {
  const { result, today } = input;
  const removed = removedPupils(result);
  let latest: string | null = null;
  let rated = 0;
  for (const p of result.expectation.pupils) {
    if (p.date === null || removed.has(p.pupilId)) continue;
    rated++;
    if (latest === null || p.date > latest) latest = p.date;
  }
  if (latest === null) return [];
  const days = daysBetween(latest, today);
  if (days < t.staleDays) return [];
  const since = latest;
  const lessonsSince = historyOf(input).lessons.filter(
    (l) =>
      l.classId === result.classId && l.deletedAt === null && l.date > since && l.date <= today,
  ).length;
  if (lessonsSince < result.options.minLessons) return [];
  return [
    {
      key: `expectationsStale:${latest}`,
      rule: 'expectationsStale',
      params: { date: latest, days, weeks: Math.floor(days / 7), lessonsSince },
      basis: { lessons: lessonsSince, events: 0, pupils: rated },
      research: [R.rubieDavies2015, R.jussimHarber2005],
    },
  ];
};

/** An intention whose end date has passed without a closing reflection. */
export const intentionNoClosing: RuleFn = (input) => {
  const { result, intentions, today } = input;
  const lessons = historyOf(input).lessons;
  return intentions
    .filter((i) => i.classId === result.classId && !i.deletedAt && !i.closedAt && today > i.to)
    .sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : a.id < b.id ? -1 : 1))
    .map((i) => ({
      key: `intentionNoClosing:${i.id}`,
      rule: 'intentionNoClosing' as const,
      ...(i.target.type === 'pupil' ? { pupilIds: [i.target.pupilId] } : {}),
      params: {
        intentionId: i.id,
        from: i.from,
        to: i.to,
        kind: i.measure.kind,
        perLesson: i.measure.perLesson,
        daysAgo: daysBetween(i.to, today),
      },
      basis: {
        lessons: lessons.filter(
          (l) =>
            l.classId === result.classId &&
            l.deletedAt === null &&
            l.date >= i.from &&
            l.date <= i.to,
        ).length,
        events: 0,
        pupils: 0,
      },
      research: [R.korthagen2001],
    }));
};
