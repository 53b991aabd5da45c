/**
 * The insights screen's filters as plain data, and the periods they stand for. Pure: "today" is a
 * parameter. The filters live in the hash query (`#/class/<id>/insights?period=custom&from=…`), so
 * a reload or a shared link on the same device shows the same view.
 *
 * Periods (all inclusive, ending today):
 * - `week`: this ISO week, from Monday;
 * - `weeks4`: this week and the three before it (from the Monday three weeks back);
 * - `term`: since the later of the last 1 August and the last 1 January — the school year starts
 *   in August and is split at New Year (so from August to December it is 1 August, from January
 *   to July it is 1 January);
 * - `all`: everything up to today;
 * - `custom`: from and to as chosen.
 *
 * `split=YYYY-MM-DD` adds a comparison of the lessons before that date with those on or after it.
 */
import { isoWeek } from '../../analysis';
import { addDays } from '../../domain/dates';
import type { Id, IsoDate } from '../../model/types';
import { INTERACTION_KINDS, type InteractionKind, isInteractionKind } from '../../model/kinds';

export const PERIOD_CHOICES = ['week', 'weeks4', 'term', 'all', 'custom'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

export interface Filters {
  period: PeriodChoice;
  /** Only used with `custom`. */
  from: IsoDate;
  to: IsoDate;
  /** null = every lesson of the period. */
  lessonIds: Id[] | null;
  kinds: InteractionKind[];
  /** The before/after date ("Door de tijd"); null = no comparison. */
  split: IsoDate | null;
}

export type ResolvedPeriod =
  | { ok: true; from: IsoDate | null; to: IsoDate }
  | { ok: false; error: 'customMissing' | 'customOrder' };

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const isIsoDate = (s: string): boolean => DATE_RE.test(s);

/** 1 August from August on, else 1 January: the later of the two that are not in the future. */
export function termStart(today: IsoDate): IsoDate {
  const year = today.slice(0, 4);
  return Number(today.slice(5, 7)) >= 8 ? `${year}-08-01` : `${year}-01-01`;
}

export function resolvePeriod(filters: Filters, today: IsoDate): ResolvedPeriod {
  switch (filters.period) {
    case 'week':
      return { ok: true, from: isoWeek(today).from, to: today };
    case 'weeks4':
      return { ok: true, from: addDays(isoWeek(today).from, -21), to: today };
    case 'term':
      return { ok: true, from: termStart(today), to: today };
    case 'all':
      return { ok: true, from: null, to: today };
    case 'custom':
      if (!isIsoDate(filters.from) || !isIsoDate(filters.to)) {
        return { ok: false, error: 'customMissing' };
      }
      if (filters.from > filters.to) return { ok: false, error: 'customOrder' };
      return { ok: true, from: filters.from, to: filters.to };
  }
}

export function defaultFilters(today: IsoDate): Filters {
  return {
    period: 'term',
    from: termStart(today),
    to: today,
    lessonIds: null,
    kinds: [...INTERACTION_KINDS],
    split: null,
  };
}

/** Reads the filters from the hash query; anything unknown falls back to the defaults. */
export function filtersFromQuery(query: URLSearchParams, today: IsoDate): Filters {
  const base = defaultFilters(today);
  const period = query.get('period');
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const kindList = query.get('kinds');
  const split = query.get('split') ?? '';
  const kinds =
    kindList === null
      ? base.kinds
      : INTERACTION_KINDS.filter((k) => kindList.split(',').includes(k));
  return {
    period: (PERIOD_CHOICES as readonly string[]).includes(period ?? '')
      ? (period as PeriodChoice)
      : base.period,
    from: isIsoDate(from) ? from : base.from,
    to: isIsoDate(to) ? to : base.to,
    lessonIds: null,
    kinds: kinds.length > 0 ? kinds : base.kinds,
    split: isIsoDate(split) ? split : null,
  };
}

/** The query string for the filters (lessons are not kept: they belong to one period). */
export function filtersToQuery(filters: Filters): string {
  const q = new URLSearchParams();
  q.set('period', filters.period);
  if (filters.period === 'custom') {
    q.set('from', filters.from);
    q.set('to', filters.to);
  }
  if (filters.kinds.length < INTERACTION_KINDS.length) {
    q.set('kinds', filters.kinds.filter(isInteractionKind).join(','));
  }
  if (filters.split) q.set('split', filters.split);
  return q.toString();
}
