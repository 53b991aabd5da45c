import { useState } from 'preact/hooks';
import { href } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import { loadRelationshipsData } from '../../db/repo/relationships';
import type { IsoDate } from '../../model/types';
import { toIsoDate } from '../../domain/dates';
import { RELATIONSHIP_DIMENSIONS } from '../../domain/scales';
import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { useMediaQuery } from '../../ui/useMediaQuery';
import { TABLE_QUERY } from '../expectations/layout';
import { RoundFlow } from '../expectations/RoundFlow';
import { RelationshipPass } from './RelationshipPass';
import { RelationshipOverview, RelationshipStatus } from './RelationshipStatus';
import { RelationshipTable } from './RelationshipTable';
import './relationships.css';

/** How the relationship with each pupil feels: Pianta's three dimensions, one round at a time. */
export function RelationshipsScreen({ classId }: { classId: string }) {
  const [today] = useState<IsoDate>(() => toIsoDate(new Date()));
  const view = useLiveQuery(() => loadRelationshipsData(classId, today), [classId, today]);
  const wide = useMediaQuery(TABLE_QUERY);

  if (view === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (view === null) {
    return (
      <Screen title={t('relationships:notFound.title')} back="#/">
        <p>{t('relationships:notFound.body')}</p>
      </Screen>
    );
  }
  return (
    <Screen
      title={t('relationships:title', { name: view.cls.name })}
      back={href('class', classId)}
      wide={wide}
    >
      <RoundFlow
        ns="relationships"
        classId={classId}
        pupils={view.pupils}
        ratedToday={(id) => view.today.has(id)}
        wide={wide}
        intro={<Intro explain={wide} />}
        status={<RelationshipStatus view={view} today={today} />}
        overview={<RelationshipOverview view={view} />}
        table={<RelationshipTable view={view} today={today} />}
        pass={(queue, onDone) => (
          <RelationshipPass view={view} queue={queue} today={today} onDone={onDone} />
        )}
      />
    </Screen>
  );
}

/** The question, the privacy promise and the source; on wide screens also the three dimensions. */
function Intro({ explain }: { explain: boolean }) {
  return (
    <section class="rel-intro" aria-labelledby="rel-question">
      <h2 id="rel-question">{t('relationships:question')}</h2>
      <p>{t('relationships:intro')}</p>
      {explain ? (
        <dl class="rel-dimensions">
          {RELATIONSHIP_DIMENSIONS.map((d) => (
            <div key={d}>
              <dt>{t(`relationships:dimensions.${d}.name`)}</dt>
              <dd>{t(`relationships:dimensions.${d}.explain`)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p class="rel-private">{t('relationships:private')}</p>
      <p class="muted rel-source">{t('relationships:source')}</p>
    </section>
  );
}
