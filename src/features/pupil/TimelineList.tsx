import type { ComponentChildren } from 'preact';
import type { PupilTimelineData } from '../../db/repo/pupilPage';
import type { ExpectationScale } from '../../model/types';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { href } from '../../ui/router';
import { KindTotals } from './PupilSummary';
import {
  expectationWithSure,
  movementText,
  relationshipChanges,
  relationshipText,
  scoreText,
} from './text';
import type { LessonEntry, TimelineDay, TimelineEntry } from './timeline';

function LessonItem({ entry, name }: { entry: LessonEntry; name: string }) {
  const title = [t('pupil:timeline.lesson'), entry.startTime, entry.topic]
    .filter(Boolean)
    .join(' · ');
  return (
    <li class="tl-item tl-lesson">
      <p class="tl-title">
        <span class="tl-icon" aria-hidden="true">
          ▤
        </span>
        {title}
      </p>
      {entry.absent ? (
        <p class="tl-absent">
          <span aria-hidden="true">○ </span>
          {t('pupil:timeline.absent')}
        </p>
      ) : entry.total === 0 ? (
        <p class="muted">{t('pupil:timeline.nothingLogged', { name })}</p>
      ) : (
        <KindTotals counts={entry.counts} hideZeros />
      )}
      <a class="tl-edit" href={href('lesson', entry.id, 'edit')}>
        {t('pupil:timeline.editLesson')}
        <span class="visually-hidden"> ({formatDate(entry.date)})</span>
      </a>
    </li>
  );
}

function Item({
  icon,
  title,
  children,
}: {
  icon: string;
  title: string;
  children?: ComponentChildren;
}) {
  return (
    <>
      <p class="tl-title">
        <span class="tl-icon" aria-hidden="true">
          {icon}
        </span>
        {title}
      </p>
      {children}
    </>
  );
}

function Entry(props: { entry: TimelineEntry; scale: ExpectationScale; name: string }) {
  const { entry, scale, name } = props;
  switch (entry.type) {
    case 'lesson':
      return <LessonItem entry={entry} name={name} />;
    case 'banking':
      return (
        <li class="tl-item tl-banking">
          <Item icon="◷" title={t('pupil:timeline.banking', { count: entry.minutes })}>
            {entry.note ? <p class="tl-note">{entry.note}</p> : null}
          </Item>
        </li>
      );
    case 'expectation':
      return (
        <li class="tl-item tl-expectation">
          <Item
            icon="◎"
            title={t('pupil:timeline.expectation', { label: expectationWithSure(entry) })}
          >
            <p class="tl-detail">{movementText(entry)}</p>
          </Item>
        </li>
      );
    case 'achievement':
      return (
        <li class="tl-item tl-achievement">
          <Item
            icon="✓"
            title={t('pupil:timeline.achievement', {
              label: entry.label,
              score: scoreText(scale, entry.scoreType, entry.score),
            })}
          />
        </li>
      );
    case 'relationship': {
      const changes = relationshipChanges(entry, entry.previous);
      return (
        <li class="tl-item tl-relationship">
          <Item icon="⇄" title={t('pupil:timeline.relationship')}>
            <p class="tl-detail">{relationshipText(entry)}</p>
            {changes ? (
              <p class="tl-detail muted">{t('pupil:timeline.sinceLast', { changes })}</p>
            ) : null}
            {entry.note ? (
              <p class="tl-note">
                <span class="tl-note-label">{t('pupil:timeline.noteLabel')} </span>
                {entry.note}
              </p>
            ) : null}
          </Item>
        </li>
      );
    }
  }
}

/** Every day with something recorded, newest first. */
export function TimelineList({ data, days }: { data: PupilTimelineData; days: TimelineDay[] }) {
  const scale = data.cls.expectationScale;
  const name = data.pupil.name;
  return (
    <section class="pupil-timeline" aria-labelledby="pupil-timeline-heading">
      <h2 id="pupil-timeline-heading">{t('pupil:timeline.heading')}</h2>
      {days.length === 0 ? (
        <p class="muted">{t('pupil:timeline.empty', { name })}</p>
      ) : (
        <ol class="tl-days">
          {days.map((day) => (
            <li key={day.date} class="tl-day">
              <h3 class="tl-date">{formatDate(day.date)}</h3>
              <ul class="tl-entries">
                {day.entries.map((entry) => (
                  <Entry
                    key={`${entry.type}-${entry.id}`}
                    entry={entry}
                    scale={scale}
                    name={name}
                  />
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
