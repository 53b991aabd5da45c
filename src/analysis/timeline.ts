/**
 * Measure 7: the period measures per ISO week or calendar month, and before/after a chosen date.
 * Buckets reuse the per-lesson counts, so a year of weeks costs about one extra pass over them.
 * A bucket holds only what "Door de tijd" draws: its counts and, per metric, the class's rate and
 * each expectation band's (no tests, no per-pupil rows: for those, analyse its `lessonIds`).
 */
import type { IsoDate } from '../model/types';
import { buildDistribution } from './distribution';
import { buildEquity } from './equity';
import { BANDS } from './expectation';
import { compareLessonGroups } from './groups';
import { aggregate, type ClassIndex } from './indexer';
import { addDays, isoMonth, isoWeek } from '../domain/dates';
import { bankingByPupil, classQuality } from './quality';
import type { Band, BeforeAfter, PeriodMeasures, TimeBucket } from './types';

export function measurePeriod(
  index: ClassIndex,
  lessonIdxs: readonly number[],
  bandAt: Int8Array,
  range: { from: IsoDate | null; to: IsoDate },
  withTests: boolean,
  detail: boolean,
): PeriodMeasures {
  const agg = aggregate(index, lessonIdxs);
  return {
    lessonIds: lessonIdxs.map((l) => index.lessons[l]?.id ?? ''),
    basis: { lessons: agg.lessons, events: agg.events, pupils: agg.pupilsPresent },
    distribution: index.metrics.map((_, m) => buildDistribution(index, agg, m, withTests, detail)),
    quality: classQuality(index, agg, bankingByPupil(index, range.from, range.to)),
    equity: buildEquity(index, agg, withTests),
    expectation: compareLessonGroups(index, agg, BANDS, bandAt),
  };
}

export function buildTimeline(
  index: ClassIndex,
  bandAt: Int8Array,
  unit: 'week' | 'month',
): TimeBucket[] {
  const bucketOf = unit === 'week' ? isoWeek : isoMonth;
  const buckets: { key: string; from: IsoDate; to: IsoDate; lessons: number[] }[] = [];
  index.lessons.forEach((lesson, l) => {
    const b = bucketOf(lesson.date);
    const last = buckets[buckets.length - 1];
    if (last && last.key === b.key) last.lessons.push(l);
    else buckets.push({ ...b, lessons: [l] });
  });
  return buckets.map((b) => {
    const agg = aggregate(index, b.lessons);
    const expectation = compareLessonGroups(index, agg, BANDS, bandAt);
    return {
      key: b.key,
      from: b.from,
      to: b.to,
      lessonIds: b.lessons.map((l) => index.lessons[l]?.id ?? ''),
      basis: { lessons: agg.lessons, events: agg.events, pupils: agg.pupilsPresent },
      rates: index.metrics.map((metric, m) => {
        const rows = expectation.metrics.find((c) => c.metric === metric)?.rows ?? [];
        const band = (g: Band) => rows.find((r) => r.group === g)?.rate ?? null;
        return {
          metric,
          // As buildDistribution's meanRate, without its pattern (a week is small).
          meanRate: agg.totalPresences > 0 ? (agg.totals[m] ?? 0) / agg.totalPresences : null,
          bands: { high: band('high'), middle: band('middle'), low: band('low') },
        };
      }),
    };
  });
}

export function buildBeforeAfter(index: ClassIndex, bandAt: Int8Array, date: IsoDate): BeforeAfter {
  const before: number[] = [];
  const after: number[] = [];
  index.lessons.forEach((lesson, l) => (lesson.date < date ? before : after).push(l));
  const { from, to } = index.options;
  return {
    date,
    before: measurePeriod(index, before, bandAt, { from, to: addDays(date, -1) }, true, true),
    after: measurePeriod(index, after, bandAt, { from: date, to }, true, true),
  };
}
