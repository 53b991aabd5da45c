import type {
  IntentionMeasure,
  IntentionRecord,
  IntentionTarget,
  LensRecord,
} from '../../model/types';
import type { IntentionProgress } from '../../domain/intentions';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';

/** Names the descriptions need: pupils by id and the class's lenses. */
export interface DescribeContext {
  pupilNames: ReadonlyMap<string, string>;
  lenses: readonly LensRecord[];
}

/** "at least 2 follow-up questions per lesson, with a higher-order question" (lower case). */
export function describeMeasure(measure: IntentionMeasure): string {
  const base = t(`intentions:measure.${measure.kind}`, { count: measure.perLesson });
  return measure.quality
    ? t('intentions:measure.withQuality', {
        measure: base,
        quality: t(`intentions:quality.${measure.quality}`),
      })
    : base;
}

/** "for Sem", "for every pupil with Advice: havo", … */
export function describeTarget(target: IntentionTarget, ctx: DescribeContext): string {
  switch (target.type) {
    case 'class':
      return t('intentions:target.class');
    case 'pupil': {
      const name = ctx.pupilNames.get(target.pupilId);
      return name ? t('intentions:target.pupil', { name }) : t('intentions:target.unknownPupil');
    }
    case 'lens': {
      const lens = ctx.lenses.find((l) => l.id === target.lensId);
      const value = lens?.values.find((v) => v.id === target.valueId);
      return lens && value
        ? t('intentions:target.lens', { lens: lens.name, value: value.label })
        : t('intentions:target.unknownLens');
    }
    case 'expectation':
      return t(`intentions:target.expectation.${target.group}`);
  }
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** The whole intention as one sentence, starting with a capital. */
export function describeIntention(
  intention: Pick<IntentionRecord, 'target' | 'measure'>,
  ctx: DescribeContext,
): string {
  return capitalise(
    t('intentions:sentence', {
      measure: describeMeasure(intention.measure),
      target: describeTarget(intention.target, ctx),
    }),
  );
}

export function describePeriod(intention: Pick<IntentionRecord, 'from' | 'to'>): string {
  return t('intentions:period', {
    from: formatDate(intention.from, 'short'),
    to: formatDate(intention.to, 'short'),
  });
}

/** The status in words (never colour alone): on track, not yet, or nothing to count yet. */
export function describeStatus(
  progress: IntentionProgress,
  intention: Pick<IntentionRecord, 'from'>,
): string {
  if (progress.phase === 'upcoming')
    return t('intentions:status.upcoming', { date: formatDate(intention.from) });
  if (progress.status === 'noLessons')
    return progress.phase === 'active'
      ? t('intentions:status.noLessons')
      : t('intentions:status.noLessonsEnded');
  return t(`intentions:status.${progress.status}`, {
    met: progress.met,
    count: progress.lessons.length,
  });
}
