import { useState } from 'preact/hooks';
import { href } from '../../app/router';
import { useLiveQuery } from '../../db/hooks';
import { relationshipsView } from '../../db/repo/relationships';
import type { IsoDate } from '../../db/types';
import { toIsoDate } from '../../domain/dates';
import { RELATIONSHIP_DIMENSIONS } from '../../domain/scales';
import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { useMediaQuery } from '../../ui/useMediaQuery';
import type { Outcome } from '../expectations/ExpectationPass';
import { TABLE_QUERY } from '../expectations/layout';
import { PassSummary } from '../expectations/PassSummary';
import { RoundStart } from '../expectations/RoundStart';
import { RelationshipPass } from './RelationshipPass';
import { RelationshipOverview, RelationshipStatus } from './RelationshipStatus';
import { RelationshipTable } from './RelationshipTable';
import './relationships.css';

type Mode =
  | { kind: 'idle' }
  | { kind: 'pass'; queue: string[]; run: number }
  | { kind: 'summary'; outcomes: Map<string, Outcome>; queue: string[] };

/** How the relationship with each pupil feels: Pianta's three dimensions, one round at a time. */
export function RelationshipsScreen({ classId }: { classId: string }) {
  const [today] = useState<IsoDate>(() => toIsoDate(new Date()));
  const view = useLiveQuery(() => relationshipsView(classId, today), [classId, today]);
  const wide = useMediaQuery(TABLE_QUERY);
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });

  if (view === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (view === null) {
    return (
      <Screen title={t('relationships:notFound.title')} back="#/">
        <p>{t('relationships:notFound.body')}</p>
      </Screen>
    );
  }
  const startPass = (queue: string[]) =>
    setMode({ kind: 'pass', queue, run: mode.kind === 'pass' ? mode.run + 1 : 0 });
  const passing = mode.kind === 'pass' && !wide;

  return (
    <Screen
      title={t('relationships:title', { name: view.cls.name })}
      back={href('class', classId)}
      wide={wide}
    >
      {passing ? null : <Intro explain={wide} />}
      {view.pupils.length === 0 ? (
        <p class="card">
          {t('relationships:noPupils')}{' '}
          <a href={href('class', classId, 'pupils')}>{t('relationships:addPupils')}</a>
        </p>
      ) : wide ? (
        <>
          <RelationshipStatus view={view} today={today} />
          <RelationshipTable view={view} today={today} />
        </>
      ) : mode.kind === 'pass' ? (
        <RelationshipPass
          key={mode.run}
          view={view}
          queue={mode.queue}
          today={today}
          onDone={(outcomes) => setMode({ kind: 'summary', outcomes, queue: mode.queue })}
        />
      ) : (
        <>
          {mode.kind === 'summary' ? (
            <PassSummary
              pupils={view.pupils}
              outcomes={mode.outcomes}
              queue={mode.queue}
              ns="relationships"
              onAgain={startPass}
              onClose={() => setMode({ kind: 'idle' })}
            />
          ) : (
            <RoundStart
              pupilIds={view.pupils.map((p) => p.id)}
              ratedToday={(id) => view.today.has(id)}
              ns="relationships"
              onStart={startPass}
            />
          )}
          <RelationshipStatus view={view} today={today} />
          <RelationshipOverview view={view} />
        </>
      )}
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
