/** The one entry point the screens call: every measure of issue 4 for one class and period. */
import { buildAchievement } from './achievement';
import { controlChance } from './chance';
import { belowThreshold } from './honesty';
import { buildDistribution, buildQuiet } from './distribution';
import { buildEquity } from './equity';
import { bandsInForce, buildExpectation, ratingsByPupil } from './expectation';
import { aggregate, buildIndex, resolveOptions } from './indexer';
import { bankingByPupil, buildQuality } from './quality';
import { buildRelationship } from './relationship';
import { buildBeforeAfter, buildTimeline } from './timeline';
import type { AnalysisOptions, AnalysisResult, ClassData, PupilAttendance } from './types';

export function analyseClass(data: ClassData, options: AnalysisOptions): AnalysisResult {
  const o = resolveOptions(options);
  const index = buildIndex(data, o);
  const all = aggregate(index);
  const ratings = ratingsByPupil(index);
  const bandAt = bandsInForce(index, ratings);
  const pupils: PupilAttendance[] = index.pupils.map((p, i) => {
    let absent = 0;
    for (let l = 0; l < index.nL; l++) absent += index.absent[l * index.nP + i] ?? 0;
    return {
      pupilId: p.id,
      presentLessons: all.presences[i] ?? 0,
      absentLessons: absent,
      removed: p.removedAt !== null,
    };
  });
  const basis = { lessons: all.lessons, events: all.events, pupils: all.pupilsPresent };
  const small = belowThreshold(basis, o);
  const result: Omit<AnalysisResult, 'chance'> = {
    classId: data.cls.id,
    options: o,
    metrics: [...index.metrics],
    lessonIds: index.lessons.map((l) => l.id),
    basis,
    rawCountsOnly: small,
    loggedAfter: all.loggedAfter,
    ignoredEvents: index.ignoredEvents,
    pupils,
    distribution: index.metrics.map((_, m) => buildDistribution(index, all, m, true)),
    quiet: buildQuiet(index, all),
    quality: buildQuality(index, all, bankingByPupil(index)),
    equity: buildEquity(index, all, true),
    expectation: buildExpectation(index, all, ratings, bandAt, true),
    achievement: buildAchievement(index, all, ratings),
    relationship: buildRelationship(index, all),
    timeline: {
      week: buildTimeline(index, bandAt, 'week'),
      month: buildTimeline(index, bandAt, 'month'),
    },
    beforeAfter: o.splitDate ? buildBeforeAfter(index, bandAt, o.splitDate) : null,
  };
  // Chance control last: it reads every test and writes the family's decision back into each.
  const withFamily = result as AnalysisResult;
  withFamily.chance = controlChance(withFamily, data, o.q, o.correction);
  return withFamily;
}
