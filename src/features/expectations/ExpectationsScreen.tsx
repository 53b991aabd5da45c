import { useState } from 'preact/hooks';
import { href } from '../../app/router';
import { useLiveQuery } from '../../db/hooks';
import { expectationsView } from '../../db/repo/expectations';
import type { IsoDate } from '../../db/types';
import { toIsoDate } from '../../domain/dates';
import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { useMediaQuery } from '../../ui/useMediaQuery';
import { ExpectationPass, type Outcome } from './ExpectationPass';
import { ExpectationTable } from './ExpectationTable';
import { TABLE_QUERY } from './layout';
import { PassSummary } from './PassSummary';
import { CurrentOverview, RoundStatus } from './RoundStatus';
import { RoundStart } from './RoundStart';
import { ScaleSection } from './ScaleSection';
import './expectations.css';

type Mode =
  | { kind: 'idle' }
  | { kind: 'pass'; queue: string[]; run: number }
  | { kind: 'summary'; outcomes: Map<string, Outcome>; queue: string[] };

/** "What do you expect of each pupil?": one round through the class, and how it went. */
export function ExpectationsScreen({ classId }: { classId: string }) {
  const [today] = useState<IsoDate>(() => toIsoDate(new Date()));
  const view = useLiveQuery(() => expectationsView(classId, today), [classId, today]);
  const wide = useMediaQuery(TABLE_QUERY);
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });

  if (view === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (view === null) {
    return (
      <Screen title={t('expectations:notFound.title')} back="#/">
        <p>{t('expectations:notFound.body')}</p>
      </Screen>
    );
  }
  const startPass = (queue: string[]) =>
    setMode({ kind: 'pass', queue, run: mode.kind === 'pass' ? mode.run + 1 : 0 });
  const passing = mode.kind === 'pass' && !wide;

  return (
    <Screen
      title={t('expectations:title', { name: view.cls.name })}
      back={href('class', classId)}
      wide={wide}
    >
      {passing ? null : <Intro />}
      {view.pupils.length === 0 ? (
        <p class="card">
          {t('expectations:noPupils')}{' '}
          <a href={href('class', classId, 'pupils')}>{t('expectations:addPupils')}</a>
        </p>
      ) : wide ? (
        <>
          <RoundStatus view={view} today={today} />
          <ExpectationTable view={view} today={today} />
        </>
      ) : mode.kind === 'pass' ? (
        <ExpectationPass
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
              ns="expectations"
              onAgain={startPass}
              onClose={() => setMode({ kind: 'idle' })}
            />
          ) : (
            <RoundStart
              pupilIds={view.pupils.map((p) => p.id)}
              ratedToday={(id) => view.today.has(id)}
              ns="expectations"
              onStart={startPass}
            />
          )}
          <RoundStatus view={view} today={today} />
          <CurrentOverview view={view} />
        </>
      )}
      {passing ? null : <ScaleSection cls={view.cls} ratingCount={view.ratingCount} />}
    </Screen>
  );
}

function Intro() {
  return (
    <section class="exp-intro" aria-labelledby="exp-question">
      <h2 id="exp-question">{t('expectations:question')}</h2>
      <p>{t('expectations:intro')}</p>
      <p class="exp-private">{t('expectations:private')}</p>
      <p class="muted exp-source">{t('expectations:source')}</p>
    </section>
  );
}
