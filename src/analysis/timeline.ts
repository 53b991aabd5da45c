/**
 * Measure 7: the period measures per ISO week or calendar month, and before/after a chosen date.
 * Buckets reuse the per-lesson counts, so a year of weeks costs about one extra pass over them.
 * Buckets run no significance tests (a week is small; the screens show counts and trends) and
 * carry no per-pupil rows: for those, analyse the bucket's lessons (`lessonIds`).
 */
import type { IsoDate } from '../model/types';
import { buildDistribution } from './distribution';
import { buildEquity } from './equity';
import { BANDS } from './expectation';
import { compareLessonGroups } from './groups';
import { aggregate, type ClassIndex } from './indexer';
import { addDays, isoMonth, isoWeek } from '../domain/dates';
import { bankingByPupil, classQuality } from './quality';
import type { BeforeAfter, PeriodMeasures, TimeBucket } from './types';

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
  return buckets.map((b) => ({
    key: b.key,
    from: b.from,
    to: b.to,
    ...measurePeriod(index, b.lessons, bandAt, { from: b.from, to: b.to }, false, false),
  }));
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
