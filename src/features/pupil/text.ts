/** Words for the pupil page's numbers: expectation steps, scores and relationship ratings. */
import type { ExpectationScale, ScoreType } from '../../model/types';
import { stepLabel } from '../../domain/scales';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import type { ExpectationEntry, RelationshipScores } from './timeline';

/** The step's label on the scale given; null when the value is not a step of it. */
export function expectationLabel(scale: ExpectationScale, value: number): string {
  return stepLabel(scale, value, (key) => t(key)) ?? t('pupil:expectation.earlierScale');
}

/** The rating's label on the scale it was made on, marked when that is an earlier scale. */
function entryLabel(entry: ExpectationEntry, value = entry.value): string {
  const label = expectationLabel(entry.scale, value);
  return entry.current ? label : t('pupil:expectation.onEarlierScale', { label });
}

/** "above the class level (fairly sure)". */
export function expectationWithSure(entry: ExpectationEntry): string {
  const label = entryLabel(entry);
  if (!entry.confidence) return label;
  const sure = t(`expectations:pass.confidence.${entry.confidence}`);
  return t('pupil:expectation.withSure', { label, sure });
}

/** How the rating moved since the one before, in plain words (never a verdict). */
export function movementText(entry: ExpectationEntry): string {
  if (entry.movement === 'first' || entry.previous === null) return t('pupil:expectation.first');
  if (entry.movement === 'same') return t('pupil:expectation.same');
  if (entry.movement === 'unknown') return t('pupil:expectation.otherScale');
  // 'up'/'down' only between ratings on the same scale: the entry's.
  const from = entryLabel(entry, entry.previous);
  const to = entryLabel(entry);
  return entry.movement === 'up'
    ? t('pupil:expectation.up', { from, to })
    : t('pupil:expectation.down', { from, to });
}

export function scoreText(scale: ExpectationScale, scoreType: ScoreType, score: number): string {
  switch (scoreType) {
    case 'grade':
      return formatNumber(score, 1);
    case 'percentage':
      return t('pupil:score.percentage', { score: formatNumber(score, 1) });
    case 'percentile':
      return t('pupil:score.percentile', { score: formatNumber(score, 0) });
    case 'level':
      return scale.kind === 'levels' && scale.levels[score] !== undefined
        ? scale.levels[score]
        : t('pupil:score.level', { n: score + 1 });
  }
}

const DIMENSIONS = ['closeness', 'conflict', 'dependency'] as const;

/** "Closeness 4 · Conflict 2 · Dependency 1" (each out of 5). */
export function relationshipText(scores: RelationshipScores): string {
  return DIMENSIONS.map((d) =>
    t('pupil:relationship.score', { dimension: t(`pupil:relationship.${d}`), score: scores[d] }),
  ).join(' · ');
}

/** The optional questions, when answered: "how the pupil experiences it 2/5 · …" (or ''). */
export function relationshipExtrasText(r: { pupilView?: number; capability?: number }): string {
  const parts: string[] = [];
  if (r.pupilView !== undefined) parts.push(t('pupil:pupilSide.pupilView', { score: r.pupilView }));
  if (r.capability !== undefined)
    parts.push(t('pupil:pupilSide.capability', { score: r.capability }));
  return parts.join(' · ');
}

/** Which dimensions changed since the rating before, e.g. "Conflict 3 → 2". */
export function relationshipChanges(
  scores: RelationshipScores,
  previous: RelationshipScores | null,
): string | null {
  if (!previous) return null;
  const changed = DIMENSIONS.filter((d) => scores[d] !== previous[d]).map((d) =>
    t('pupil:relationship.change', {
      dimension: t(`pupil:relationship.${d}`),
      from: previous[d],
      to: scores[d],
    }),
  );
  return changed.length > 0 ? changed.join(', ') : t('pupil:relationship.unchanged');
}
