import { useState } from 'preact/hooks';
import { href } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import { loadExpectationsData } from '../../db/repo/expectations';
import type { IsoDate } from '../../model/types';
import { toIsoDate } from '../../domain/dates';
import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { useMediaQuery } from '../../ui/useMediaQuery';
import { ExpectationPass } from './ExpectationPass';
import { ExpectationTable } from './ExpectationTable';
import { TABLE_QUERY } from './layout';
import { CurrentOverview, RoundStatus } from './RoundStatus';
import { RoundFlow } from './RoundFlow';
import { ScaleSection } from './ScaleSection';
import './expectations.css';

/** "What do you expect of each pupil?": one round through the class, and how it went. */
export function ExpectationsScreen({ classId }: { classId: string }) {
  const [today] = useState<IsoDate>(() => toIsoDate(new Date()));
  const view = useLiveQuery(() => loadExpectationsData(classId, today), [classId, today]);
  const wide = useMediaQuery(TABLE_QUERY);

  if (view === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (view === null) {
    return (
      <Screen title={t('expectations:notFound.title')} back="#/">
        <p>{t('expectations:notFound.body')}</p>
      </Screen>
    );
  }
  return (
    <Screen
      title={t('expectations:title', { name: view.cls.name })}
      back={href('class', classId)}
      wide={wide}
    >
      <RoundFlow
        ns="expectations"
        classId={classId}
        pupils={view.pupils}
        ratedToday={(id) => view.today.has(id)}
        wide={wide}
        intro={<Intro />}
        status={<RoundStatus view={view} today={today} />}
        overview={<CurrentOverview view={view} />}
        table={<ExpectationTable view={view} today={today} />}
        pass={(queue, onDone) => (
          <ExpectationPass view={view} queue={queue} today={today} onDone={onDone} />
        )}
        after={<ScaleSection cls={view.cls} ratingCount={view.ratingCount} />}
      />
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
