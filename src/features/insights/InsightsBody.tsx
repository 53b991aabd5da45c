import type { ComponentChildren } from 'preact';
import { metricsWithout, type Band, type Insight } from '../../analysis';
import { scaleSize } from '../../domain/scales';
import { useMemo, useRef } from 'preact/hooks';
import { memo } from '../../ui/memo';
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
   * How many of the body's parts get these props (the screen hands them out one task apart,
   * useStages, so no single task builds the whole screen); all of them unless told. A part further
   * on keeps the props it was last drawn with (a period changed on an open screen) or, never drawn
   * yet, waits.
   */
  parts?: number;
}) {
  // Kinds resting on a mark that was not recorded once in the period are left out (see
  // src/analysis/marks.ts); the summary says so once. Kept between renders, so the parts already
  // drawn see the same props and are not built again (memo).
  const notMarked = view.unmarked;
  const props = useMemo<PartProps>(() => {
    const shown: InsightsView =
      notMarked.length > 0
        ? {
            ...view,
            result: { ...view.result, metrics: metricsWithout(view.result.metrics, notMarked) },
          }
        : view;
    const ctx: InsightContext = {
      result: shown.result,
      names: shown.names,
      scaleSteps: scaleSize(shown.data.cls.expectationScale),
    };
    return { view: shown, insights, ctx };
  }, [view, notMarked, insights]);
  const held = useRef<(PartProps | undefined)[]>([]);
  const { view: shown, ctx } = props;
  const { data, result } = shown;
  if (result.basis.lessons === 0) {
    held.current = [];
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
  const drawn = SECTION_PARTS.map((_, i) => (i + 1 < parts ? props : held.current[i]));
  held.current = drawn;
  return (
    <>
      <Summary insights={insights} view={shown} ctx={ctx} notMarked={notMarked} />
      {filters}
      {SECTION_PARTS.map((Part, i) => {
        const at = drawn[i];
        return at ? <Part key={i} {...at} /> : null;
      })}
    </>
  );
}

interface PartProps {
  view: InsightsView;
  insights: Insight[];
  ctx: InsightContext;
}

/** The cards: what stands out. */
function Cards({ view, insights, ctx }: PartProps) {
  return <InsightCards insights={insights} view={view} ctx={ctx} />;
}

/** Who gets the floor, and where in the room. */
function FloorAndSeating({ view }: PartProps) {
  return (
    <>
      <FloorSection view={view} />
      <SeatingSection view={view} />
    </>
  );
}

/** Praise and correction, and the expectation groups. */
function FeedbackAndExpectations({ view }: PartProps) {
  const { data, result } = view;
  const scale = data.cls.expectationScale;
  const rated = result.expectation.pupils.some((p) => p.band !== null);
  const bandLabel = (g: string | null) =>
    g === null ? t('insights:band.none') : t(`insights:band.${g as Band}`);
  return (
    <>
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

/** The lens groups. */
function LensGroups({ view }: PartProps) {
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
    </>
  );
}

/** Expectation against results, relationship and time. */
function LaterSections({ view, ctx }: PartProps) {
  return (
    <>
      <PlacementSection view={view} ctx={ctx} />
      <RelationshipSection view={view} />
      <TimelineSection view={view} />
    </>
  );
}

/**
 * The sections below the summary, in screen order, one part a task (the screen draws them with
 * useStages): on a throttled phone the cards and each pair of sections take tens of ms to build,
 * so no task builds more than one of them.
 */
const SECTION_PARTS = [
  Cards,
  FloorAndSeating,
  FeedbackAndExpectations,
  LensGroups,
  LaterSections,
].map((part) => memo(part));

/** The body is drawn in this many parts: the summary and filters, then each of SECTION_PARTS. */
export const INSIGHTS_BODY_PARTS = 1 + SECTION_PARTS.length;
