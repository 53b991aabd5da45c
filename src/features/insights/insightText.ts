/**
 * Turns an Insight (data, from deriveInsights) into words: an observation about the teacher's own
 * pattern, a reflective question, what it rests on and whether it could be chance. Never a label
 * for a pupil, never a score for the teacher. Pure apart from i18next.
 */
import type { AnalysisResult, Insight, Metric } from '../../analysis';
import type { Id } from '../../model/types';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import {
  afterText,
  approx,
  basisText,
  listText,
  metricCount,
  metricPlural,
  oneDecimal,
  per10,
  percent,
  researchText,
  significanceDetail,
  significanceText,
} from './words';
import { topFifthText } from './summaries';

export interface InsightWords {
  observation: string;
  question: string;
  /** Could it be chance (with the counts), or is it unlikely to be; null when no test applies. */
  chance: string | null;
  /** Statistics for "more detail" (p-values, rank correlation), each a plain sentence. */
  detail: string[];
  basis: string;
  research: string | null;
}

export interface InsightContext {
  result: AnalysisResult;
  names: ReadonlyMap<Id, string>;
  /** Steps of the class's expectation scale (5 on the relative scale, else the level count). */
  scaleSteps: number;
}

const num = (v: number | string | undefined): number => (typeof v === 'number' ? v : Number(v));
const str = (v: number | string | undefined): string => (v === undefined ? '' : String(v));

export function describeInsight(insight: Insight, ctx: InsightContext): InsightWords {
  const { observation, question, counts, detail } = words(insight, ctx);
  const sig = insight.significance;
  return {
    observation,
    question,
    chance: sig ? significanceText(sig, counts) : null,
    detail: [
      ...(detail ?? []),
      ...(sig && sig.p !== undefined
        ? significanceDetail({ p: sig.p, adjustedP: sig.adjustedP }, ctx.result.options.q)
        : []),
    ],
    basis: t('insights:card.basis', { basis: insightBasis(insight) }),
    research: insight.research.length > 0 ? researchText(insight.research) : null,
  };
}

/**
 * What a card rests on, its events named by what they are ("245 beurten", "13 complimenten en
 * correcties", "56 toetsresultaten"): never "interacties" for a count that is not the period's
 * interactions at the top of the screen.
 */
export function insightBasis(insight: Insight): string {
  const b = insight.basis;
  const metric =
    typeof insight.params.metric === 'string'
      ? (insight.params.metric as Metric)
      : insight.kind === 'notAddressed'
        ? 'turn'
        : undefined;
  if (metric) return basisText(b, metric);
  const lessons = t('insights:count.lessons', { count: b.lessons });
  const pupils = t('insights:count.pupils', { count: b.pupils });
  if (insight.kind === 'praiseCorrection') {
    return [lessons, t('insights:count.feedback', { count: b.events }), pupils].join(', ');
  }
  if (insight.kind === 'expectationVsAchievement' || insight.kind === 'lensExpectationGap') {
    return [lessons, t('insights:count.results', { count: b.events }), pupils].join(', ');
  }
  return basisText(b);
}

interface Parts {
  observation: string;
  question: string;
  counts?: string;
  detail?: string[];
}

function nameOf(ctx: InsightContext, id: Id | undefined): string {
  return (id && ctx.names.get(id)) || t('insights:unknownPupil');
}

function words(insight: Insight, ctx: InsightContext): Parts {
  const p = insight.params;
  const names = (insight.pupils ?? []).map((id) => nameOf(ctx, id));
  const metric = str(p.metric) as Metric;
  switch (insight.kind) {
    case 'insufficientData':
      return {
        observation: t('insights:card.insufficientData.obs', {
          lessons: t('insights:count.lessons', { count: num(p.lessons) }),
          events:
            ctx.result.loggedAfter > 0
              ? `${t('insights:count.events', { count: num(p.events) })} ${afterText(ctx.result.loggedAfter)}`
              : t('insights:count.events', { count: num(p.events) }),
          minLessons: num(p.minLessons),
          minEvents: num(p.minEvents),
        }),
        question: t('insights:card.insufficientData.question'),
      };
    case 'notAddressed': {
      const name = names[0] ?? t('insights:unknownPupil');
      const turns = num(p.turns);
      const vars = {
        name,
        turns: turns === 0 ? t('insights:card.notAddressed.noTurn') : metricCount('turn', turns),
        lessons: t('insights:count.lessons', { count: num(p.lessons) }),
        expected: approx(num(p.expectedTurns)),
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
    case 'expectationGap':
    case 'higherOrder':
      return expectationWords(insight, ctx, metric);
    case 'lensEquity': {
      const vars = {
        lens: str(p.lensName),
        value: str(p.valueLabel),
        pupils: t('insights:count.pupils', { count: insight.pupils?.length ?? 0 }),
        count: metricCount(metric, num(p.count)),
        expected: approx(num(p.expectedCount)),
        ratio: oneDecimal(num(p.ratio)),
      };
      return {
        observation: t('insights:card.lensEquity.obs', vars),
        question: t('insights:card.lensEquity.question'),
        counts: t('insights:card.lensEquity.counts', vars),
      };
    }
    case 'expectationVsAchievement': {
      const lower = p.direction === 'lower';
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
    case 'lensExpectationGap': {
      const gap = num(p.meanGap);
      const rest = num(p.restMeanGap);
      const vars = {
        lens: str(p.lensName),
        value: str(p.valueLabel),
        pupils: t('insights:count.pupils', { count: num(p.pupils) }),
        gap: gapText(gap, ctx),
        rest: gapText(rest, ctx),
      };
      return {
        observation:
          gap < rest
            ? t('insights:card.lensGap.obsLower', vars)
            : t('insights:card.lensGap.obsHigher', vars),
        question: t('insights:card.lensGap.question'),
        counts: vars.pupils,
      };
    }
    case 'praiseCorrection': {
      const praise = num(p.praise);
      const work = num(p.correctionWork);
      const behaviour = num(p.correctionBehaviour);
      const vars = {
        name: names[0] ?? t('insights:unknownPupil'),
        lessons: t('insights:count.lessons', { count: num(p.lessons) }),
        praise: metricCount('praise', praise),
        corrections: metricCount('corrections', work + behaviour),
        behaviour: metricCount('correctionBehaviour', behaviour),
        restShare: percent(num(p.restPositiveShare)),
      };
      return {
        observation: t('insights:card.praiseCorrection.obs', vars),
        question: t('insights:card.praiseCorrection.question', vars),
        counts: t('insights:card.praiseCorrection.counts', vars),
      };
    }
    case 'concentration': {
      // The same sentence and figures as the floor section (one number, one meaning).
      const observation = topFifthText(
        {
          size: num(p.topFifthSize),
          countShare: p.countShare === undefined ? null : num(p.countShare),
          presenceShare: p.presenceShare === undefined ? null : num(p.presenceShare),
        },
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
    case 'relationshipCorrection':
    case 'relationshipRegard':
      return relationshipWords(insight, metric);
  }
}

/** Corrective metrics get corrective questions, never "give them more of this". */
function isCorrective(metric: Metric): boolean {
  return (
    metric === 'correctionWork' || metric === 'correctionBehaviour' || metric === 'corrections'
  );
}

/** High against low expectation: "about 2 times as many" from the side that got more. */
function expectationWords(insight: Insight, ctx: InsightContext, metric: Metric): Parts {
  const p = insight.params;
  const high = num(p.highRate);
  const low = num(p.lowRate);
  const vars = {
    metric: metricPlural(metric),
    highPupils: t('insights:count.pupils', { count: num(p.highPupils) }),
    lowPupils: t('insights:count.pupils', { count: num(p.lowPupils) }),
    high: per10(high),
    low: per10(low),
    ratio: oneDecimal(high >= low ? high / (low || 1) : low / (high || 1)),
  };
  const kind = insight.kind === 'higherOrder' ? 'higherOrder' : 'expectationGap';
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
      kind === 'higherOrder'
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

function relationshipWords(insight: Insight, metric: Metric): Parts {
  const p = insight.params;
  const vars = {
    metric: metricPlural(metric),
    upper: p.rateRated3to5 === undefined ? '–' : per10(num(p.rateRated3to5)),
    lower: p.rateRated1to2 === undefined ? '–' : per10(num(p.rateRated1to2)),
    n: t('insights:count.pupils', { count: num(p.n) }),
  };
  // The rank correlation itself lives behind "more detail", in plain words first.
  const detail =
    p.rho === undefined
      ? []
      : [t('insights:detail.rho', { rho: formatNumber(num(p.rho), 2), n: vars.n })];
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
