/**
 * The words of each kind of insight, one function per kind, reading the kind's typed params: an
 * observation about the teacher's own pattern and a reflective question, never a label for a
 * pupil. Collected per kind in the presentation map (insightKinds.ts). Pure apart from i18next.
 */
import type { AnalysisResult, Insight, Metric } from '../../analysis';
import type { Id } from '../../model/types';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import {
  afterText,
  approx,
  listText,
  metricCount,
  metricPlural,
  oneDecimal,
  per10,
  percent,
} from './words';
import { topFifthText } from './summaries';

export interface InsightContext {
  result: AnalysisResult;
  names: ReadonlyMap<Id, string>;
  /** Steps of the class's expectation scale (5 on the relative scale, else the level count). */
  scaleSteps: number;
}

/** The words of one card before the chance, basis and research lines are added. */
export interface InsightParts {
  observation: string;
  question: string;
  counts?: string;
  detail?: string[];
}

function nameOf(ctx: InsightContext, id: Id | undefined): string {
  return (id && ctx.names.get(id)) || t('insights:unknownPupil');
}

const namesOf = (insight: Insight, ctx: InsightContext) =>
  (insight.pupils ?? []).map((id) => nameOf(ctx, id));

export function insufficientDataWords(
  { params: p }: Insight<'insufficientData'>,
  ctx: InsightContext,
): InsightParts {
  const events = t('insights:count.events', { count: p.events });
  return {
    observation: t('insights:card.insufficientData.obs', {
      lessons: t('insights:count.lessons', { count: p.lessons }),
      events:
        ctx.result.loggedAfter > 0 ? `${events} ${afterText(ctx.result.loggedAfter)}` : events,
      minLessons: p.minLessons,
      minEvents: p.minEvents,
    }),
    question: t('insights:card.insufficientData.question'),
  };
}

export function notAddressedWords(
  insight: Insight<'notAddressed'>,
  ctx: InsightContext,
): InsightParts {
  const p = insight.params;
  const name = namesOf(insight, ctx)[0] ?? t('insights:unknownPupil');
  const vars = {
    name,
    turns: p.turns === 0 ? t('insights:card.notAddressed.noTurn') : metricCount('turn', p.turns),
    lessons: t('insights:count.lessons', { count: p.lessons }),
    expected: approx(p.expectedTurns),
  };
  return {
    observation:
      p.window === 'recent'
        ? t('insights:card.notAddressed.obsRecent', vars)
        : t('insights:card.notAddressed.obsPeriod', vars),
    question: t('insights:card.notAddressed.question', { name }),
    counts: t('insights:card.notAddressed.counts', vars),
  };
}

/** Corrective metrics get corrective questions, never "give them more of this". */
function isCorrective(metric: Metric): boolean {
  return (
    metric === 'correctionWork' || metric === 'correctionBehaviour' || metric === 'corrections'
  );
}

/** High against low expectation: "about 2 times as many" from the side that got more. */
export function expectationWords(
  insight: Insight<'expectationGap' | 'higherOrder'>,
  ctx: InsightContext,
): InsightParts {
  const p = insight.params;
  const { metric, highRate: high, lowRate: low } = p;
  const vars = {
    metric: metricPlural(metric),
    highPupils: t('insights:count.pupils', { count: p.highPupils }),
    lowPupils: t('insights:count.pupils', { count: p.lowPupils }),
    high: per10(high),
    low: per10(low),
    ratio: oneDecimal(high >= low ? high / (low || 1) : low / (high || 1)),
  };
  let observation: string;
  if (low === 0) observation = t('insights:card.expectation.obsNoneLow', vars);
  else if (high === 0) observation = t('insights:card.expectation.obsNoneHigh', vars);
  else if (high >= low) observation = t('insights:card.expectation.obsMore', vars);
  else observation = t('insights:card.expectation.obsLess', vars);
  const rows = ctx.result.expectation.current.metrics.find((m) => m.metric === metric)?.rows ?? [];
  const countOf = (g: string) => rows.find((r) => r.group === g)?.count ?? 0;
  return {
    observation,
    question:
      insight.kind === 'higherOrder'
        ? t('insights:card.expectation.questionHigherOrder')
        : isCorrective(metric)
          ? t('insights:card.expectation.questionCorrective')
          : high >= low
            ? t('insights:card.expectation.questionMore')
            : t('insights:card.expectation.questionLess'),
    counts: t('insights:card.expectation.counts', {
      high: countOf('high'),
      low: countOf('low'),
      metric: metricPlural(metric),
    }),
  };
}

export function lensEquityWords(insight: Insight<'lensEquity'>): InsightParts {
  const p = insight.params;
  const vars = {
    lens: p.lensName,
    value: p.valueLabel,
    pupils: t('insights:count.pupils', { count: insight.pupils?.length ?? 0 }),
    count: metricCount(p.metric, p.count),
    expected: approx(p.expectedCount),
    ratio: oneDecimal(p.ratio),
  };
  return {
    observation: t('insights:card.lensEquity.obs', vars),
    question: t('insights:card.lensEquity.question'),
    counts: t('insights:card.lensEquity.counts', vars),
  };
}

export function placementWords(
  insight: Insight<'expectationVsAchievement'>,
  ctx: InsightContext,
): InsightParts {
  const names = namesOf(insight, ctx);
  const lower = insight.params.direction === 'lower';
  const vars = { names: listText(names), count: names.length };
  return {
    observation: lower
      ? t('insights:card.placement.obsLower', vars)
      : t('insights:card.placement.obsHigher', vars),
    question: lower
      ? t('insights:card.placement.questionLower', vars)
      : t('insights:card.placement.questionHigher', vars),
  };
}

export function lensGapWords(
  { params: p }: Insight<'lensExpectationGap'>,
  ctx: InsightContext,
): InsightParts {
  const vars = {
    lens: p.lensName,
    value: p.valueLabel,
    pupils: t('insights:count.pupils', { count: p.pupils }),
    gap: gapText(p.meanGap, ctx),
    rest: gapText(p.restMeanGap, ctx),
  };
  return {
    observation:
      p.meanGap < p.restMeanGap
        ? t('insights:card.lensGap.obsLower', vars)
        : t('insights:card.lensGap.obsHigher', vars),
    question: t('insights:card.lensGap.question'),
    counts: vars.pupils,
  };
}

export function praiseCorrectionWords(
  insight: Insight<'praiseCorrection'>,
  ctx: InsightContext,
): InsightParts {
  const p = insight.params;
  const vars = {
    name: namesOf(insight, ctx)[0] ?? t('insights:unknownPupil'),
    lessons: t('insights:count.lessons', { count: p.lessons }),
    praise: metricCount('praise', p.praise),
    corrections: metricCount('corrections', p.correctionWork + p.correctionBehaviour),
    behaviour: metricCount('correctionBehaviour', p.correctionBehaviour),
    restShare: percent(p.restPositiveShare),
  };
  return {
    observation: t('insights:card.praiseCorrection.obs', vars),
    question: t('insights:card.praiseCorrection.question', vars),
    counts: t('insights:card.praiseCorrection.counts', vars),
  };
}

export function concentrationWords({ params: p }: Insight<'concentration'>): InsightParts {
  const metric = p.metric;
  // The same sentence and figures as the floor section (one number, one meaning).
  const observation = topFifthText(
    { size: p.topFifthSize, countShare: p.countShare, presenceShare: p.presenceShare },
    metric,
  );
  // Corrections are not chances to hand out; help may be deliberate differentiation.
  return {
    observation,
    question: isCorrective(metric)
      ? t('insights:card.concentration.questionCorrective')
      : metric === 'help'
        ? t('insights:card.concentration.questionHelp')
        : t('insights:card.concentration.question'),
  };
}

export function relationshipWords(
  insight: Insight<'relationshipCorrection' | 'relationshipRegard'>,
): InsightParts {
  const p = insight.params;
  const vars = {
    metric: metricPlural(p.metric),
    upper: p.rateRated3to5 === undefined ? '–' : per10(p.rateRated3to5),
    lower: p.rateRated1to2 === undefined ? '–' : per10(p.rateRated1to2),
    n: t('insights:count.pupils', { count: p.n }),
  };
  // The rank correlation itself lives behind "more detail", in plain words first.
  const detail =
    p.rho === undefined
      ? []
      : [t('insights:detail.rho', { rho: formatNumber(p.rho, 2), n: vars.n })];
  const bands = p.rateRated3to5 !== undefined && p.rateRated1to2 !== undefined;
  const key =
    insight.kind === 'relationshipRegard'
      ? 'regard'
      : p.dimension === 'conflict'
        ? 'conflict'
        : 'distance';
  const observation = bands
    ? key === 'regard'
      ? t('insights:card.relationship.obsRegard', vars)
      : key === 'conflict'
        ? t('insights:card.relationship.obsConflict', vars)
        : t('insights:card.relationship.obsDistance', vars)
    : key === 'regard'
      ? t('insights:card.relationship.rhoRegard', vars)
      : key === 'conflict'
        ? t('insights:card.relationship.rhoConflict', vars)
        : t('insights:card.relationship.rhoDistance', vars);
  return {
    observation,
    question:
      key === 'regard'
        ? t('insights:card.relationship.questionRegard')
        : t('insights:card.relationship.questionCorrection'),
    detail,
  };
}

/**
 * An expectation–achievement gap (on the analysis's 0..1 footing) in places in the class or in
 * level steps, with its direction: "about 3 places lower".
 */
export function gapText(gap: number, ctx: InsightContext): string {
  const a = ctx.result.achievement;
  let size: number;
  let unit: 'places' | 'steps';
  if (a.footing === 'classPosition') {
    const compared = a.pupils.filter((x) => x.gap !== null).length;
    size = Math.abs(gap) * Math.max(1, compared - 1);
    unit = 'places';
  } else {
    size = Math.abs(gap) * Math.max(1, ctx.scaleSteps - 1);
    unit = 'steps';
  }
  // Whole places from 2 on ("about 7 places"); one decimal below, where it still says something.
  const rounded = size >= 2 ? Math.round(size) : Math.round(size * 10) / 10;
  if (rounded === 0) return t('insights:gap.inLine');
  const vars = { count: rounded, n: formatNumber(rounded, 1) };
  if (unit === 'places') {
    return gap < 0 ? t('insights:gap.placesLower', vars) : t('insights:gap.placesHigher', vars);
  }
  return gap < 0 ? t('insights:gap.stepsLower', vars) : t('insights:gap.stepsHigher', vars);
}
