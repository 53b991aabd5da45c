/** Text for ratings as the expectations screens show them. */
import type { Confidence, ExpectationRecord, ExpectationScale } from '../../model/types';
import { onClassScale, stepLabel } from '../../domain/scales';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n';

/** The rating's label on the class's scale, or null when it was made on an earlier scale. */
export function ratingLabel(
  scale: ExpectationScale,
  rating: Pick<ExpectationRecord, 'value' | 'scale'>,
): string | null {
  return onClassScale(rating, scale) ? stepLabel(scale, rating.value, (key) => t(key)) : null;
}

export function confidenceLabel(confidence: Confidence): string {
  return t(`expectations:pass.confidence.${confidence}`);
}

/** "Last time: above the class level, 3 Sep" — or that there was no earlier rating. */
export function previousExpectationText(
  scale: ExpectationScale,
  record: ExpectationRecord | undefined,
) {
  if (!record) return t('expectations:pass.firstTime');
  const date = formatDate(record.date, 'short');
  const label = ratingLabel(scale, record);
  if (label === null) return t('expectations:pass.previousOtherScale', { date });
  if (record.confidence) {
    const sure = confidenceLabel(record.confidence);
    return t('expectations:pass.previousWithSure', { label, sure, date });
  }
  return t('expectations:pass.previous', { label, date });
}

/** A pupil's current rating in the overview list. */
export function currentExpectationText(
  scale: ExpectationScale,
  record: ExpectationRecord | undefined,
) {
  if (!record) return t('expectations:overview.notYet');
  const date = formatDate(record.date, 'short');
  const label = ratingLabel(scale, record);
  return label === null
    ? t('expectations:overview.otherScale', { date })
    : t('expectations:overview.item', { label, date });
}
