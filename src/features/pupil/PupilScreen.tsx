import { useMemo, useState } from 'preact/hooks';
import { href } from '../../ui/router';
import { toIsoDate } from '../../domain/dates';
import { useLiveQuery } from '../../db/hooks';
import { loadPupilTimelineData, type PupilTimelineData } from '../../db/repo/pupilPage';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Screen } from '../../ui/Screen';
import { DifficultyNote } from '../cause/DifficultyNote';
import { JournalForItem } from '../journal/JournalForItem';
import { PupilActions } from './PupilActions';
import { PupilNicknames } from './PupilNicknames';
import { PupilStrengths } from './PupilStrengths';
import { PupilSummary } from './PupilSummary';
import { Sparkline } from './Sparkline';
import { TimelineList } from './TimelineList';
import { buildPupilTimeline } from './timeline';
import './pupil.css';

function PupilNotFound() {
  return (
    <Screen title={t('pupil:notFound.title')} back="#/">
      <p>{t('pupil:notFound.body')}</p>
      <a class="button primary" href="#/">
        {t('pupil:notFound.home')}
      </a>
    </Screen>
  );
}

function PupilPage({ data, onLeave }: { data: PupilTimelineData; onLeave: () => void }) {
  const timeline = useMemo(() => buildPupilTimeline(data), [data]);
  const { pupil, cls } = data;
  return (
    <Screen title={pupil.name} back={href('class', cls.id)}>
      <div class="pupil-page">
        <p class="pupil-class">
          {t('pupil:classLine', { className: cls.name })}
          {cls.isDemo ? <span class="badge">{t('pupil:demo')}</span> : null}
        </p>
        {pupil.removedAt ? (
          <p class="card pupil-removed">
            {t('pupil:removed', { date: formatDate(pupil.removedAt.slice(0, 10)) })}
          </p>
        ) : null}
        <p class="print-only">
          {t('pupil:printedOn', { date: formatDate(toIsoDate(new Date())) })}
        </p>
        <p class="muted pupil-mirror">{t('pupil:mirror', { name: pupil.name })}</p>
        <PupilSummary data={data} summary={timeline.summary} />
        <PupilStrengths key={pupil.id} pupil={pupil} />
        <Sparkline series={timeline.series} pupilName={pupil.name} />
        <TimelineList data={data} days={timeline.days} />
        <DifficultyNote pupil={pupil} />
        <JournalForItem pupilId={data.pupil.id} />
        <PupilNicknames key={pupil.id} pupil={pupil} />
        <PupilActions data={data} onLeave={onLeave} />
      </div>
    </Screen>
  );
}

/** One pupil: a summary, interactions per lesson over time, and everything on one timeline. */
export function PupilScreen({ pupilId }: { pupilId: string }) {
  // After "delete with all data" the live query turns null: show nothing while leaving.
  const [leaving, setLeaving] = useState(false);
  const data = useLiveQuery(() => loadPupilTimelineData(pupilId), [pupilId]);
  if (data === undefined || leaving) return <p class="loading">{t('common:loading')}</p>;
  if (data === null) return <PupilNotFound />;
  return <PupilPage data={data} onLeave={() => setLeaving(true)} />;
}
