import type { Band, Insight } from '../../analysis';
import { href } from '../../ui/router';
import { t } from '../../i18n';
import { FeedbackSection } from './FeedbackSection';
import { FloorSection } from './FloorSection';
import { GroupSection } from './GroupSection';
import { InsightCards } from './InsightCards';
import type { InsightContext } from './insightText';
import { PlacementSection } from './PlacementSection';
import { RelationshipSection } from './RelationshipSection';
import { SeatingSection } from './SeatingSection';
import { TimelineSection } from './TimelineSection';
import type { InsightsView } from './view';
import { basisText } from './words';

const JUMPS = [
  ['ins-cards', 'cards'],
  ['ins-floor', 'floor'],
  ['ins-seating', 'seating'],
  ['ins-feedback', 'feedback'],
  ['ins-expectation', 'expectation'],
  ['ins-placement', 'placement'],
  ['ins-relationship', 'relationship'],
  ['ins-time', 'time'],
] as const;

/** Everything below the filters: what it rests on, the insight cards, then the sections. */
export function InsightsBody({ view, insights }: { view: InsightsView; insights: Insight[] }) {
  const { data, result } = view;
  const scale = data.cls.expectationScale;
  const ctx: InsightContext = {
    result,
    names: view.names,
    scaleSteps: scale.kind === 'levels' ? scale.levels.length : 5,
  };
  if (result.basis.lessons === 0) {
    return (
      <p class="card empty-period">
        {t('insights:emptyPeriod')} <a href={href('class', data.cls.id)}>{t('insights:toClass')}</a>
      </p>
    );
  }
  const bandLabel = (g: string | null) =>
    g === null ? t('insights:band.none') : t(`insights:band.${g as Band}`);
  const rated = result.expectation.pupils.some((p) => p.band !== null);
  return (
    <>
      <p class="insights-basis">{t('insights:basis', { basis: basisText(result.basis) })}</p>
      <nav class="jump-nav" aria-label={t('insights:jump.label')}>
        {JUMPS.map(([id, key]) => (
          <button
            key={id}
            type="button"
            class="chip"
            onClick={() => document.getElementById(id)?.scrollIntoView({ block: 'start' })}
          >
            {t(`insights:jump.${key}`)}
          </button>
        ))}
      </nav>
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
        <section
          class="card insights-section"
          id="ins-expectation"
          aria-labelledby="ins-expectation-h"
        >
          <h2 id="ins-expectation-h">{t('insights:groups.expectationHeading')}</h2>
          <p class="muted">
            {t('insights:groups.noExpectations')}{' '}
            <a href={href('class', data.cls.id, 'expectations')}>
              {t('insights:groups.toExpectations')}
            </a>
          </p>
        </section>
      )}
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
