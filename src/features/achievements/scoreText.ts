/** Scores and their problems in words, in the current language. */
import { href } from '../../ui/router';
import type { Assessment } from '../../db/repo/achievements';
import type { ClassRecord, ScoreType } from '../../model/types';
import { scoreRule, type ScoreErrorCode, type ScoreSummary } from '../../domain/scores';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';

/** The class's own levels, lowest first (empty on the relative scale). */
export function classLevels(cls: ClassRecord): string[] {
  return cls.expectationScale.kind === 'levels' ? [...cls.expectationScale.levels] : [];
}

export function typeName(type: ScoreType): string {
  return t(`achievements:type.${type}`);
}

/** A stored score as the teacher wrote it: "6,5", "87,5%", "72", "havo". */
export function formatScore(type: ScoreType, value: number, levels: readonly string[]): string {
  switch (type) {
    case 'grade':
    case 'percentile':
      return formatNumber(value, 1);
    case 'percentage':
      return t('achievements:format.percentage', { value: formatNumber(value, 1) });
    case 'level':
      return levels[value] ?? t('achievements:format.unknownLevel', { n: value + 1 });
  }
}

/** The score as it goes back into an input for editing ("6,5" in Dutch, the level's name). */
export function editableScore(type: ScoreType, value: number, levels: readonly string[]): string {
  if (type === 'level') return levels[value] ?? '';
  return formatNumber(value, 1);
}

/** "Mean 6,8 · median 7" (for levels only the median, as a level). */
export function summaryText(
  type: ScoreType,
  summary: ScoreSummary,
  levels: readonly string[],
): string {
  if (summary.mean === null || summary.median === null) return '';
  if (type === 'level') {
    const low = Math.floor(summary.median);
    const high = Math.ceil(summary.median);
    const median =
      low === high
        ? formatScore(type, low, levels)
        : t('achievements:summary.between', {
            low: formatScore(type, low, levels),
            high: formatScore(type, high, levels),
          });
    return t('achievements:summary.median', { median });
  }
  return t('achievements:summary.meanMedian', {
    mean: formatScore(type, Math.round(summary.mean * 10) / 10, levels),
    median: formatScore(type, Math.round(summary.median * 10) / 10, levels),
  });
}

/** Why a typed or pasted value is not a score, as a sentence. */
export function scoreProblem(
  code: ScoreErrorCode,
  type: ScoreType,
  levels: readonly string[],
): string {
  const rule = scoreRule(type, levels.length);
  return t(`achievements:score.${code}`, {
    min: formatNumber(rule.min),
    max: formatNumber(rule.max),
    levels: levels.join(', '),
  });
}

/** What one kind of score looks like, shown under the type choice. */
export function typeHint(type: ScoreType, levels: readonly string[]): string {
  return t(`achievements:typeHint.${type}`, { levels: levels.join(', ') });
}

/** Links inside the results screen: the list, the new-result form and one assessment. */
export function listHref(classId: string): string {
  return href('class', classId, 'achievements');
}

export function newHref(classId: string): string {
  return `${listHref(classId)}?new=1`;
}

export function assessmentHref(
  classId: string,
  a: Pick<Assessment, 'label' | 'date' | 'scoreType'>,
): string {
  const query = new URLSearchParams({ date: a.date, type: a.scoreType, label: a.label });
  return `${listHref(classId)}?${query.toString()}`;
}
