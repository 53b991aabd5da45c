import type { ComponentChildren } from 'preact';
import { metricsWithout, type Band, type Insight } from '../../analysis';
import { scaleSize } from '../../domain/scales';
import { href } from '../../ui/router';
import { t } from '../../i18n';
import { FeedbackSection } from './FeedbackSection';
import { FloorSection } from './FloorSection';
import { GroupSection } from './GroupSection';
import { FoldSection } from './Fold';
import { InsightCards } from './InsightCards';
import type { InsightContext } from './insightText';
import { PlacementSection } from './PlacementSection';
import { RelationshipSection } from './RelationshipSection';
import { SeatingSection } from './SeatingSection';
import { Summary } from './Summary';
import { TimelineSection } from './TimelineSection';
import type { InsightsView } from './view';

/**
 * The body is drawn in this many parts (see `parts` below): the summary and filters; the cards
 * and the first sections; the rest.
 */
export const INSIGHTS_BODY_PARTS = 3;

/** Everything below the filters: what it rests on, the insight cards, then the sections. */
export function InsightsBody({
  view,
  insights,
  filters,
  parts = INSIGHTS_BODY_PARTS,
}: {
  view: InsightsView;
  insights: Insight[];
  /** The period and filters: under the summary, which comes first on a phone. */
  filters?: ComponentChildren;
  /**
   * How many of the body's parts to draw (the screen draws them a frame apart, useStages, so no
   * single task builds the whole screen); all of them unless told.
   */
  parts?: number;
}) {
  // Kinds resting on a mark that was not recorded once in the period are left out (see
  // src/analysis/marks.ts); the summary says so once.
  const notMarked = view.unmarked;
  if (notMarked.length > 0) {
    view = {
      ...view,
      result: { ...view.result, metrics: metricsWithout(view.result.metrics, notMarked) },
    };
  }
  const { data, result } = view;
  const scale = data.cls.expectationScale;
  const ctx: InsightContext = {
    result,
    names: view.names,
    scaleSteps: scaleSize(scale),
  };
  if (result.basis.lessons === 0) {
    return (
      <>
        {filters}
        <p class="card empty-period">
          {t('insights:emptyPeriod')}{' '}
          <a href={href('class', data.cls.id)}>{t('insights:toClass')}</a>
        </p>
      </>
    );
  }
  const bandLabel = (g: string | null) =>
    g === null ? t('insights:band.none') : t(`insights:band.${g as Band}`);
  return (
    <>
      <Summary insights={insights} view={view} ctx={ctx} notMarked={notMarked} />
      {filters}
      {parts >= 2 ? (
        <FirstSections view={view} insights={insights} ctx={ctx} bandLabel={bandLabel} />
      ) : null}
      {parts >= 3 ? <LaterSections view={view} ctx={ctx} /> : null}
    </>
  );
}

interface PartProps {
  view: InsightsView;
  ctx: InsightContext;
}

/** Part 2: the cards, who gets the floor, the seating plan, feedback and the expectation groups. */
function FirstSections({
  view,
  insights,
  ctx,
  bandLabel,
}: PartProps & { insights: Insight[]; bandLabel: (g: string | null) => string }) {
  const { data, result } = view;
  const scale = data.cls.expectationScale;
  const rated = result.expectation.pupils.some((p) => p.band !== null);
  return (
    <>
      <InsightCards insights={insights} view={view} ctx={ctx} />
      <FloorSection view={view} />
      <SeatingSection view={view} />
      <FeedbackSection view={view} />
      {rated ? (
        <GroupSection
          view={view}
          id="ins-expectation"
          heading={t('insights:groups.expectationHeading')}
          intro={
            scale.kind === 'levels'
              ? t('insights:groups.expectationIntroLevels')
              : t('insights:groups.expectationIntro')
          }
          comparison={result.expectation.current}
          labelOf={bandLabel}
        />
      ) : (
        <FoldSection id="ins-expectation" heading={t('insights:groups.expectationHeading')}>
          <p class="muted">
            {t('insights:groups.noExpectations')}{' '}
            <a href={href('class', data.cls.id, 'expectations')}>
              {t('insights:groups.toExpectations')}
            </a>
          </p>
        </FoldSection>
      )}
    </>
  );
}

/** Part 3: the lens groups, expectation against results, relationship and time. */
function LaterSections({ view, ctx }: PartProps) {
  const { data, result } = view;
  return (
    <>
      {result.equity.map((lens) => (
        <GroupSection
          key={lens.lensId}
          view={view}
          id={`ins-lens-${lens.lensId}`}
          heading={t('insights:groups.lensHeading', { lens: lens.lensName })}
          intro={t('insights:groups.lensIntro')}
          comparison={lens}
          labelOf={(g) =>
            lens.groups.find((x) => x.group === g)?.label ?? t('insights:groups.notSet')
          }
        />
      ))}
      {result.equity.length === 0 ? (
        <p class="card muted">
          {t('insights:groups.noLenses')}{' '}
          <a href={href('class', data.cls.id, 'lenses')}>{t('insights:groups.toLenses')}</a>
        </p>
      ) : null}
      <PlacementSection view={view} ctx={ctx} />
      <RelationshipSection view={view} />
      <TimelineSection view={view} />
    </>
  );
}
