/**
 * Small text pieces shared by the insight cards, chart summaries and tables: metric names, rates,
 * counts, significance and "too little data" in plain words. Rates are shown per 10 lessons (a
 * teacher reads "5 turns in 10 lessons" more easily than "0.5 per lesson").
 */
import type { Basis, Insufficient, Metric, ResolvedOptions, Significance } from '../../analysis';
import { currentLanguage, t } from '../../i18n';
import { formatNumber, formatPercent, numberFormatter } from '../../i18n/format';

export const metricLabel = (m: Metric): string => t(`insights:metric.${m}.label`);
/** Plural noun without a number ("turns"). */
export const metricPlural = (m: Metric): string => t(`insights:metric.${m}.plural`);
/** "3 turns", "1 turn". */
export const metricCount = (m: Metric, n: number): string =>
  t(`insights:metric.${m}.count`, { count: n });

/** Always one decimal ("3,0", "1,0"): the same figure reads the same in every place. */
export function oneDecimal(n: number): string {
  return numberFormatter({ minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
}

/**
 * A rate per lesson as a number per 10 lessons ("5,4", "3,0"); a dash when there is none. The one
 * formatting of a rate: cards, sections, tables, drill-down, prompts, sheet and coach use it.
 */
export function per10(rate: number | null): string {
  return rate === null ? '–' : oneDecimal(rate * 10);
}

/** An expected count ("about 7"): whole numbers from 3 on, one decimal below. */
export function approx(n: number): string {
  return formatNumber(n, n >= 3 ? 0 : 1);
}

/** A ratio with one decimal and its sign ("1,0×", "0,0×"), as in the legends. */
export function ratioText(ratio: number | null): string {
  return ratio === null ? '–' : t('insights:ratio', { ratio: oneDecimal(ratio) });
}

export const percent = (fraction: number | null): string =>
  fraction === null ? '–' : formatPercent(fraction);

/** A p-value as shown: "p = 0.03", "p < 0.001". */
export function pText(p: number): string {
  if (p < 0.001) return `p < ${formatNumber(0.001, 3)}`;
  return `p = ${formatNumber(p, p < 0.01 ? 3 : 2)}`;
}

/**
 * "24 lessons, 544 interactions, 28 pupils". With a metric the events are named by it ("12
 * turns"): a pattern of one kind rests on that kind's count, which is not the period's
 * interactions at the top of the screen (one number, one meaning).
 */
export function basisText(b: Basis, metric?: Metric, loggedAfter = 0): string {
  const events = metric
    ? metricCount(metric, b.events)
    : t('insights:count.events', { count: b.events });
  return [
    t('insights:count.lessons', { count: b.lessons }),
    loggedAfter > 0 ? `${events} ${afterText(loggedAfter)}` : events,
    t('insights:count.pupils', { count: b.pupils }),
  ].join(', ');
}

/** "(waarvan 12 achteraf genoteerd)": how many of a period's counts came from memory. */
export function afterText(loggedAfter: number): string {
  return t('insights:count.after', { count: loggedAfter });
}

/** "Mila, Daan and Sem". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return new Intl.ListFormat(currentLanguage() === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'long',
    type: 'conjunction',
  }).format(items);
}

/**
 * What a test says, in plain words (the p-value lives behind "more detail": significanceDetail).
 * `counts` names what the comparison rests on ("3 against 5 turns"), so a teacher sees how small
 * the numbers are when it could be chance.
 */
export function significanceText(sig: Pick<Significance, 'couldBeChance'>, counts?: string) {
  if (sig.couldBeChance) {
    return counts ? t('insights:chance.couldBeWith', { counts }) : t('insights:chance.couldBe');
  }
  return t('insights:chance.unlikely');
}

/**
 * The statistics behind a test for "more detail", each with one plain sentence: the p-value and,
 * when the class-period family corrected it, the adjusted p with the family's q.
 */
export function significanceDetail(
  sig: Pick<Significance, 'p'> & { adjustedP?: number | null },
  q?: number,
): string[] {
  const lines = [t('insights:detail.p', { p: pText(sig.p) })];
  if (sig.adjustedP != null && q !== undefined) {
    lines.push(t('insights:detail.adjusted', { p: pText(sig.adjustedP), q: formatNumber(q, 2) }));
  }
  return lines;
}

/** Why a pattern is not shown as one, with the counts it would rest on. */
export function insufficientText(
  pattern: Insufficient,
  o: ResolvedOptions,
  metric?: Metric,
): string {
  const parts = [
    t('insights:insufficient.basis', {
      basis: basisText(pattern.basis, metric),
      minLessons: o.minLessons,
      minEvents: o.minEvents,
    }),
  ];
  if (pattern.reasons.includes('fewPupils')) {
    parts.push(t('insights:insufficient.fewPupils', { count: o.minPupils }));
  }
  if (pattern.reasons.includes('fewGroups')) parts.push(t('insights:insufficient.fewGroups'));
  return parts.join(' ');
}

export function researchText(research: readonly string[]): string {
  return t('insights:research', { list: research.join('; ') });
}
