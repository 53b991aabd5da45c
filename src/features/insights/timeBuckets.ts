/**
 * Weeks and months for "Door de tijd": the chart's series per bucket and the bucket's names.
 * Pure apart from i18next and Intl (month names in the current language).
 */
import type { Metric, TimeBucket } from '../../analysis';
import { t } from '../../i18n';
import { dateFormatter, formatDate } from '../../i18n/format';
import type { WeekSeries } from './charts/WeekChart';

export const TIME_UNITS = ['week', 'month'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

const BANDS = ['high', 'middle', 'low'] as const;

/** The buckets' values of one metric, per 10 lessons: the whole class and each expectation band. */
export function bucketSeries(buckets: readonly TimeBucket[], metric: Metric): WeekSeries[] {
  const all: WeekSeries = {
    key: 'all',
    label: t('insights:time.all'),
    marker: 'diamond',
    values: buckets.map((w) => {
      const rate = w.rates.find((r) => r.metric === metric)?.meanRate ?? null;
      return rate === null ? null : rate * 10;
    }),
  };
  const bands = BANDS.map((band, i): WeekSeries => ({
    key: band,
    label: t(`insights:band.${band}`),
    marker: (['circle', 'square', 'triangle'] as const)[i] ?? 'circle',
    values: buckets.map((w) => {
      const rate = w.rates.find((r) => r.metric === metric)?.bands[band] ?? null;
      return rate === null ? null : rate * 10;
    }),
  }));
  return [all, ...bands.filter((s) => s.values.some((v) => v !== null))];
}

const MONTH_LONG: Intl.DateTimeFormatOptions = { timeZone: 'UTC', month: 'long', year: 'numeric' };
const MONTH_SHORT: Intl.DateTimeFormatOptions = { timeZone: 'UTC', month: 'short' };

/** Month name of a `YYYY-MM` key: long "februari 2025" or short "feb". */
export function monthName(key: string, style: 'long' | 'short'): string {
  const [y, m] = key.split('-').map(Number);
  return dateFormatter(style === 'long' ? MONTH_LONG : MONTH_SHORT)
    .format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)))
    .replace('.', '');
}

const weekNo = (b: TimeBucket) => Number(b.key.slice(-2));

/** The bucket's name in tables and drill-down titles: "Week 7 (10 feb – 16 feb)", "Februari 2025". */
export function bucketTitle(b: TimeBucket, unit: TimeUnit): string {
  if (unit === 'month') {
    const name = monthName(b.key, 'long');
    return name.charAt(0).toUpperCase() + name.slice(1);
  }
  const range = `${formatDate(b.from, 'short')} – ${formatDate(b.to, 'short')}`;
  return t('insights:time.weekTitle', { week: weekNo(b), range });
}

/** The label under the chart's axis: "wk 7", "feb". */
export function bucketShort(b: TimeBucket, unit: TimeUnit): string {
  return unit === 'month'
    ? monthName(b.key, 'short')
    : t('insights:time.weekShort', { week: weekNo(b) });
}
