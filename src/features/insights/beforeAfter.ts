/**
 * Before/after a chosen date: the figures of both sides side by side, and whether each side has
 * enough to compare. Pure apart from i18next (the summary sentence).
 */
import {
  shortfalls,
  type Band,
  type Basis,
  type BeforeAfter,
  type Metric,
  type PeriodMeasures,
  type ResolvedOptions,
} from '../../analysis';
import type { IsoDate } from '../../model/types';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { metricPlural, per10, percent } from './words';

export type SideShortfall = 'fewLessons' | 'fewEvents';

/**
 * Why one side is too small to compare: the analysis' small-numbers rule (honesty.ts `shortfalls`,
 * `minLessons` lessons and `minEvents` interactions) applied to each side; pupils are not asked.
 */
export function sideShortfalls(
  basis: Basis,
  o: Pick<ResolvedOptions, 'minLessons' | 'minEvents'>,
): SideShortfall[] {
  return shortfalls(basis, o, { pupils: 0 }).filter(
    (r): r is SideShortfall => r === 'fewLessons' || r === 'fewEvents',
  );
}

/** A count over presences (pupil-lessons); rate = count / presences. */
export interface RateFigure {
  count: number;
  presences: number;
  rate: number | null;
}

export interface SpreadFigure {
  /** Pupils in the top fifth. */
  size: number;
  /** Their part of the metric's events, against their part of the presences. */
  countShare: number;
  presenceShare: number;
  gini: number;
}

export interface BandFigure extends RateFigure {
  pupils: number;
}

export interface SideFigures {
  basis: Basis;
  shortfalls: SideShortfall[];
  /** The metric per presence; null when it is not in scope. */
  rate: RateFigure | null;
  /** Top fifth and Gini of the metric; null when that side has too little for a pattern. */
  spread: SpreadFigure | null;
  /** The metric per expectation band in force at each lesson (bands present on either side). */
  bands: Partial<Record<Band, BandFigure>>;
  /** Null when the kind is filtered out. */
  praise: number | null;
  corrections: number | null;
  positiveShare: number | null;
}

export interface BeforeAfterFigures {
  date: IsoDate;
  metric: Metric;
  before: SideFigures;
  after: SideFigures;
  /** Both sides have enough lessons and interactions. */
  comparable: boolean;
  /** The bands with pupils present on at least one side, high to low. */
  bands: Band[];
}

const BAND_ORDER: readonly Band[] = ['high', 'middle', 'low'];

function side(m: PeriodMeasures, metric: Metric, o: ResolvedOptions): SideFigures {
  const d = m.distribution.find((x) => x.metric === metric);
  const q = m.quality;
  const rows = m.expectation.metrics.find((x) => x.metric === metric)?.rows ?? [];
  const bands: Partial<Record<Band, BandFigure>> = {};
  for (const band of BAND_ORDER) {
    const row = rows.find((r) => r.group === band);
    if (row) {
      bands[band] = {
        count: row.count,
        presences: row.presences,
        rate: row.rate,
        pupils: row.pupils,
      };
    }
  }
  return {
    basis: m.basis,
    shortfalls: sideShortfalls(m.basis, o),
    rate: d ? { count: d.total, presences: d.presences, rate: d.meanRate } : null,
    spread:
      d?.pattern.status === 'ok'
        ? {
            size: d.pattern.topFifth.size,
            countShare: d.pattern.topFifth.countShare,
            presenceShare: d.pattern.topFifth.presenceShare,
            gini: d.pattern.gini,
          }
        : null,
    bands,
    praise: q.praise,
    corrections:
      q.correctionWork === null && q.correctionBehaviour === null
        ? null
        : (q.correctionWork ?? 0) + (q.correctionBehaviour ?? 0),
    positiveShare: q.positiveShare,
  };
}

/** The figures of both sides for one metric, with the bands to show and whether to compare. */
export function beforeAfterFigures(
  ba: BeforeAfter,
  metric: Metric,
  o: ResolvedOptions,
): BeforeAfterFigures {
  const before = side(ba.before, metric, o);
  const after = side(ba.after, metric, o);
  const bands = BAND_ORDER.filter(
    (b) => (before.bands[b]?.presences ?? 0) > 0 || (after.bands[b]?.presences ?? 0) > 0,
  );
  return {
    date: ba.date,
    metric,
    before,
    after,
    comparable: before.shortfalls.length === 0 && after.shortfalls.length === 0,
    bands,
  };
}

/**
 * One sentence with the figures of both sides: the metric per pupil per 10 lessons and, when
 * both sides have enough for it, the top fifth's part. No verdict: the teacher judges.
 */
export function beforeAfterSummary(f: BeforeAfterFigures): string {
  const date = formatDate(f.date, 'long');
  const { before, after } = f;
  if (!before.rate || !after.rate) return t('insights:split.summaryNone', { date });
  const base = {
    date,
    metric: metricPlural(f.metric),
    before: per10(before.rate.rate),
    after: per10(after.rate.rate),
  };
  if (before.spread && after.spread) {
    return t('insights:split.summarySpread', {
      ...base,
      topBefore: percent(before.spread.countShare),
      topAfter: percent(after.spread.countShare),
    });
  }
  return t('insights:split.summary', base);
}
