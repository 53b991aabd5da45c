import type { Metric } from '../../analysis';
import { PupilTable } from './PupilTable';
import type { Id } from '../../model/types';
import { t } from '../../i18n';
import { ChartFigure } from './ChartFigure';
import { DivergingBars } from './charts/DivergingBars';
import { feedbackSummary, sortFeedback, type FeedbackCounts } from './summaries';
import type { InsightsView } from './view';
import { metricCount, metricLabel, percent } from './words';
import { FoldSection } from './Fold';

const FEEDBACK: Metric[] = ['praise', 'correctionWork', 'correctionBehaviour'];

/** How praise and correction are spread: per pupil, praise against corrections. */
export function FeedbackSection({ view }: { view: InsightsView }) {
  const { result, names, onDrill } = view;
  const cls = result.quality.class;
  const inScope = FEEDBACK.filter((m) => result.metrics.includes(m));
  const rows: FeedbackCounts[] = result.quality.pupils
    .filter((p) => p.presentLessons > 0)
    .map((p) => ({
      pupilId: p.pupilId,
      praise: p.praise ?? 0,
      work: p.correctionWork ?? 0,
      behaviour: p.correctionBehaviour ?? 0,
      lessons: p.presentLessons,
    }));
  const sorted = sortFeedback(rows, names);
  const drill = (pupilId: Id) => onDrill({ type: 'pupil', pupilId, metrics: inScope });
  const total = (cls.praise ?? 0) + (cls.correctionWork ?? 0) + (cls.correctionBehaviour ?? 0);
  const scope = {
    praise: inScope.includes('praise'),
    corrections: inScope.some((m) => m !== 'praise'),
  };
  return (
    <FoldSection id="ins-feedback" heading={t('insights:feedback.heading')}>
      {inScope.length === 0 ? (
        <p class="muted">{t('insights:feedback.filteredOut')}</p>
      ) : total === 0 ? (
        <p class="muted">{t('insights:feedback.none')}</p>
      ) : (
        <>
          {scope.praise && scope.corrections && !result.rawCountsOnly ? (
            <p>{t('insights:feedback.classShare', { share: percent(cls.positiveShare) })}</p>
          ) : scope.praise && scope.corrections ? null : (
            <p class="note">
              {scope.praise
                ? t('insights:feedback.correctionsOff')
                : t('insights:feedback.praiseOff')}
            </p>
          )}
          <ChartFigure
            id="ins-feedback-chart"
            summary={feedbackSummary(rows, scope)}
            legend={
              <ul class="series-key" aria-hidden="true">
                <li>
                  <span class="swatch swatch-praise" /> {metricLabel('praise')} →
                </li>
                <li>
                  ← <span class="swatch swatch-work" /> {metricLabel('correctionWork')}
                </li>
                <li>
                  ← <span class="swatch swatch-behaviour" /> {metricLabel('correctionBehaviour')}
                </li>
              </ul>
            }
            table={() => (
              <PupilTable
                columns={[
                  metricLabel('praise'),
                  metricLabel('correctionWork'),
                  metricLabel('correctionBehaviour'),
                  t('insights:table.present'),
                ]}
                rows={sorted}
                name={(id) => names.get(id) ?? '?'}
                onPupil={drill}
                cells={(r) => [r.praise, r.work, r.behaviour, r.lessons]}
              />
            )}
          >
            <DivergingBars
              labelledBy="ins-feedback-chart-summary"
              labels={{
                left: t('insights:feedback.left'),
                right: t('insights:feedback.right'),
              }}
              onSelect={drill}
              rows={sorted.map((r) => ({
                id: r.pupilId,
                label: names.get(r.pupilId) ?? '?',
                right: r.praise,
                left: [r.work, r.behaviour],
                aria: t('insights:feedback.rowLabel', {
                  name: names.get(r.pupilId) ?? '?',
                  praise: metricCount('praise', r.praise),
                  work: metricCount('correctionWork', r.work),
                  behaviour: metricCount('correctionBehaviour', r.behaviour),
                  lessons: t('insights:count.lessons', { count: r.lessons }),
                }),
              }))}
            />
          </ChartFigure>
        </>
      )}
    </FoldSection>
  );
}
