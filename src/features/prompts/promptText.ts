/**
 * Turns a prompt (data) into its words: the rule's title, observation, reflective question and
 * suggestion from the `prompts` namespace, with names and formatted numbers filled in.
 */
import type { Id, IntentionRecord, LensRecord } from '../../model/types';
import { t } from '../../i18n';
import { formatDate, formatNumber, formatPercent } from '../../i18n/format';
import type { Prompt, PromptRule } from '../../reflection';
import { describeIntention } from '../intentions/describe';
import { per10 } from '../insights/words';

export interface TextContext {
  pupilNames: ReadonlyMap<Id, string>;
  lenses: readonly LensRecord[];
  intentions: readonly IntentionRecord[];
}

export interface PromptTexts {
  title: string;
  observation: string;
  question: string;
  suggestion: string;
  /** lensEquity: the other metrics that also qualify. */
  also: string | null;
  /** A line on the counts behind the prompt and, where tested, on chance. */
  basis: string;
  research: string;
}

/** The parameter that decides the plural form of a rule's observation. */
const COUNT_OF: Partial<Record<PromptRule, string>> = {
  intentionNoClosing: 'daysAgo',
  notAddressed: 'turns',
  correctionsConflict: 'praise',
  closenessAttention: 'personal',
  expectationBelowResults: 'assessments',
  adviceBelowResults: 'assessments',
  correctionsPublic: 'marked',
  correctionsPublicByExpectation: 'marked',
  strengthsEmpty: 'lowEmpty',
  deliberateHelp: 'pupils',
};

const SHARES = new Set([
  'share',
  'restShare',
  'positiveShare',
  'restPositiveShare',
  'evenShare',
  'topShare',
]);
const DATES = new Set(['from', 'to', 'date', 'ratedOn']);
/** Expected counts: whole numbers, but keep a decimal below 1 ("about 0.6"). */
const EXPECTED = new Set(['expectedTurns', 'expected', 'expectedCount']);

export function formatP(p: number): { key: 'chance' | 'chanceBelow'; p: string } {
  if (p < 0.001) return { key: 'chanceBelow', p: formatNumber(0.001, 3) };
  return { key: 'chance', p: formatNumber(p, 3) };
}

function vars(prompt: Prompt, ctx: TextContext): Record<string, string | number> {
  const v: Record<string, string | number> = {};
  for (const [k, raw] of Object.entries(prompt.params)) {
    if (typeof raw === 'string') v[k] = DATES.has(k) ? formatDate(raw) : raw;
    else if (SHARES.has(k)) v[k] = formatPercent(raw);
    else if (EXPECTED.has(k)) v[k] = formatNumber(raw, raw < 1 ? 1 : 0);
    else v[k] = formatNumber(raw, 2);
  }
  const p = prompt.params;
  const first = prompt.pupilIds?.[0];
  v.name = (first && ctx.pupilNames.get(first)) || t('prompts:unknownPupil');
  if (typeof p.expectedTurns === 'number' || typeof p.expected === 'number') {
    v.expected = v.expectedTurns ?? v.expected ?? '';
  }
  if (typeof p.expectedCount === 'number') v.expected = v.expectedCount ?? '';
  if (typeof p.restPositiveShare === 'number') v.restShare = formatPercent(p.restPositiveShare);
  // Rates per lesson are small numbers: per 10 lessons reads better.
  if (typeof p.highRate === 'number') v.high = per10(p.highRate);
  if (typeof p.lowRate === 'number') v.low = per10(p.lowRate);
  // Positions and gaps on a 0..1 footing read as 0–100.
  if (typeof p.expectationPosition === 'number') v.exp = Math.round(p.expectationPosition * 100);
  if (typeof p.achievementPosition === 'number') v.ach = Math.round(p.achievementPosition * 100);
  if (typeof p.difference === 'number') v.diff = Math.round(p.difference * 100);
  if (typeof p.advicePosition === 'number') v.adv = Math.round(p.advicePosition * 100);
  if (typeof p.band === 'string') v.group = t(`prompts:pupilSide.band.${p.band}`);
  if (typeof p.metric === 'string') {
    v.metric = t(`prompts:metric.${p.metric}`);
    v.metricTitle = t(`prompts:metricTitle.${p.metric}`);
  }
  const intention = ctx.intentions.find((i) => i.id === p.intentionId);
  if (intention) {
    v.intention = describeIntention(intention, { pupilNames: ctx.pupilNames, lenses: ctx.lenses });
  }
  const countKey = COUNT_OF[prompt.rule];
  if (countKey && typeof p[countKey] === 'number') v.count = p[countKey];
  return v;
}

function basisLine(prompt: Prompt): string {
  const parts: string[] = [];
  const { lessons, events, pupils } = prompt.basis;
  if (lessons > 0) parts.push(t('prompts:basis.lessons', { count: lessons }));
  if (events > 0) parts.push(t('prompts:basis.events', { count: events }));
  if (pupils > 0) parts.push(t('prompts:basis.pupils', { count: pupils }));
  const lines = parts.length > 0 ? [t('prompts:basis.intro', { parts: parts.join(', ') })] : [];
  if (typeof prompt.params.p === 'number') {
    const { key, p } = formatP(prompt.params.p);
    lines.push(t(`prompts:basis.${key}`, { p }));
  }
  return lines.join(' ');
}

export function promptTexts(prompt: Prompt, ctx: TextContext): PromptTexts {
  const v = vars(prompt, ctx);
  const base = `prompts:rules.${prompt.rule}`;
  const alsoList = String(prompt.params.alsoMetrics ?? '')
    .split(',')
    .filter(Boolean)
    .map((m) => t(`prompts:metric.${m}`));
  return {
    title: t(`${base}.title`, v),
    observation: t(`${base}.observation`, v),
    question: t(`${base}.question`, v),
    suggestion: t(`${base}.suggestion`, prompt.variant ? { ...v, context: prompt.variant } : v),
    also: alsoList.length > 0 ? t('prompts:labels.also', { list: alsoList.join(', ') }) : null,
    basis: basisLine(prompt),
    research: t('prompts:labels.research', { list: prompt.research.join('; ') }),
  };
}
