/**
 * One-sentence summaries of the charts (for everyone, and the charts' accessible names), and the
 * sorting behind them. Pure apart from i18next.
 */
import type { Distribution, GroupRow, Metric, PupilShare, TopFifth } from '../../analysis';
import type { Id } from '../../model/types';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { listText, metricCount, metricLabel, metricPlural, per10, percent } from './words';

/** Most first by rate, then by count, then by name: the order of the bar chart. */
export function sortByRate(
  pupils: readonly PupilShare[],
  names: ReadonlyMap<Id, string>,
): PupilShare[] {
  return [...pupils].sort(
    (a, b) =>
      (b.rate ?? -1) - (a.rate ?? -1) ||
      b.count - a.count ||
      (names.get(a.pupilId) ?? '').localeCompare(names.get(b.pupilId) ?? ''),
  );
}

/** "Turns per pupil: Mila got the most (14 in 24 lessons), Kacper the fewest (2 in 24)." */
export function distributionSummary(
  d: Distribution,
  names: ReadonlyMap<Id, string>,
  countsOnly = false,
): string {
  if (countsOnly) return countsSummary(d, names);
  const present = sortByRate(
    d.pupils.filter((p) => p.presentLessons > 0),
    names,
  );
  if (d.total === 0 || present.length === 0) {
    return t('insights:floor.summaryNone', { metric: metricPlural(d.metric) });
  }
  const top = present[0] as PupilShare;
  const topRate = top.rate ?? 0;
  const bottomRate = present[present.length - 1]?.rate ?? 0;
  const most = present.filter((p) => (p.rate ?? 0) === topRate);
  const fewest = present.filter((p) => (p.rate ?? 0) === bottomRate);
  const who = (list: PupilShare[]) =>
    list.length > 3
      ? t('insights:count.pupils', { count: list.length })
      : listText(list.map((p) => names.get(p.pupilId) ?? '?'));
  if (topRate === bottomRate) {
    return t('insights:floor.summaryEqual', {
      metric: metricPlural(d.metric),
      rate: per10(topRate),
    });
  }
  return t('insights:floor.summary', {
    metric: metricLabel(d.metric),
    most: who(most),
    mostRate: per10(topRate),
    fewest: who(fewest),
    fewestRate: per10(bottomRate),
    mean: per10(d.meanRate),
  });
}

/**
 * Below the threshold: "Turns per pupil in this period: most for Lars (3), fewest for Ann (0)" —
 * the counts themselves, with no rate that would extrapolate two lessons to ten.
 */
function countsSummary(d: Distribution, names: ReadonlyMap<Id, string>): string {
  const present = d.pupils.filter((p) => p.presentLessons > 0);
  if (d.total === 0 || present.length === 0) {
    return t('insights:floor.summaryNone', { metric: metricPlural(d.metric) });
  }
  const top = Math.max(...present.map((p) => p.count));
  const bottom = Math.min(...present.map((p) => p.count));
  if (top === bottom) {
    return t('insights:floor.summaryCountsEqual', { count: metricCount(d.metric, top) });
  }
  const who = (n: number) => {
    const list = present
      .filter((p) => p.count === n)
      .map((p) => names.get(p.pupilId) ?? '?')
      .sort((a, b) => a.localeCompare(b));
    return list.length > 3 ? t('insights:count.pupils', { count: list.length }) : listText(list);
  };
  return t('insights:floor.summaryCounts', {
    metric: metricLabel(d.metric),
    most: who(top),
    mostCount: top,
    fewest: who(bottom),
    fewestCount: bottom,
  });
}

/** "The 6 pupils who got the most (a fifth of the class) got 38% of the turns; an equal share is 21%." */
export function topFifthText(
  top: Pick<TopFifth, 'size'> & { countShare: number | null; presenceShare: number | null },
  metric: Metric,
): string {
  return t('insights:floor.topFifth', {
    pupils: t('insights:count.pupils', { count: top.size }),
    share: percent(top.countShare),
    even: percent(top.presenceShare),
    metric: metricPlural(metric),
  });
}

/** The Gini coefficient for "more detail": in plain words first, then its name. */
export function giniDetail(gini: number): string {
  return t('insights:detail.gini', { gini: formatNumber(gini, 2) });
}

export interface FeedbackCounts {
  pupilId: Id;
  praise: number;
  work: number;
  behaviour: number;
  /** Lessons the pupil was present: the denominator, as for turns. */
  lessons: number;
}

/**
 * Most corrections relative to praise first, per lesson present (as the analysis normalises):
 * who mostly hears what went wrong, without a pupil often away moving down for that alone.
 */
export function sortFeedback(
  rows: readonly FeedbackCounts[],
  names: ReadonlyMap<Id, string>,
): FeedbackCounts[] {
  const net = (r: FeedbackCounts) => (r.work + r.behaviour - r.praise) / Math.max(1, r.lessons);
  return [...rows].sort(
    (a, b) =>
      net(b) - net(a) ||
      b.work + b.behaviour - (a.work + a.behaviour) ||
      (names.get(a.pupilId) ?? '').localeCompare(names.get(b.pupilId) ?? ''),
  );
}

/**
 * "You gave 70 praise and 85 corrections; 5 pupils got more corrections than praise, 3 none at
 * all." A kind filtered out is not counted as zero: the sentence leaves it out.
 */
export function feedbackSummary(
  rows: readonly FeedbackCounts[],
  scope: { praise: boolean; corrections: boolean } = { praise: true, corrections: true },
): string {
  const praise = rows.reduce((s, r) => s + r.praise, 0);
  const corrections = rows.reduce((s, r) => s + r.work + r.behaviour, 0);
  const moreCorrection = rows.filter((r) => r.work + r.behaviour > r.praise).length;
  const noPraise = rows.filter((r) => r.praise === 0).length;
  if (!scope.praise) {
    return t('insights:feedback.summaryCorrections', {
      corrections: metricCount('corrections', corrections),
    });
  }
  if (!scope.corrections) {
    return t('insights:feedback.summaryPraise', {
      praise: metricCount('praise', praise),
      noPraise: t('insights:feedback.noPraise', { count: noPraise }),
    });
  }
  return t('insights:feedback.summary', {
    praise: metricCount('praise', praise),
    corrections: metricCount('corrections', corrections),
    moreCorrection: t('insights:feedback.moreCorrection', { count: moreCorrection }),
    noPraise: t('insights:feedback.noPraise', { count: noPraise }),
  });
}

/**
 * "Per 10 lessons each pupil expected much of got 5.4 turns, middling 3.9, little 2.5." The label
 * function names a group (band or lens value).
 */
export function groupSummary(
  rows: readonly GroupRow[],
  metric: Metric,
  labelOf: (group: string | null) => string,
): string {
  const parts = rows
    .filter((r) => r.rate !== null)
    .map((r) => t('insights:groups.summaryPart', { group: labelOf(r.group), rate: per10(r.rate) }));
  if (parts.length === 0) return t('insights:groups.summaryNone', { metric: metricPlural(metric) });
  return t('insights:groups.summary', { metric: metricLabel(metric), parts: listText(parts) });
}

/** "Against the results, your expectation places 2 pupils clearly higher and 1 clearly lower." */
export function placementSummary(higher: number, lower: number, compared: number): string {
  return t('insights:placement.summary', {
    compared: t('insights:count.pupils', { count: compared }),
    higher: t('insights:count.pupils', { count: higher }),
    lower: t('insights:count.pupils', { count: lower }),
  });
}
