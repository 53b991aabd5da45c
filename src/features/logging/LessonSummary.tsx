import { useMemo } from 'preact/hooks';
import { KIND_INFO, type InteractionKind } from '../../model/kinds';
import { t } from '../../i18n';
import { summariseLessonEvents } from './summary';
import './logging.css';

interface LessonSummaryProps {
  /** Current pupils in seating order (removed pupils left out). */
  pupils: readonly { id: string; name: string }[];
  events: readonly { pupilId: string; kind: InteractionKind }[];
  absentIds: readonly string[];
}

/**
 * What was logged in one lesson, before the after-lesson minute: counts per kind, and the
 * present pupils who got nothing, by name. Describes, never judges.
 */
export function LessonSummary({ pupils, events, absentIds }: LessonSummaryProps) {
  const s = useMemo(
    () =>
      summariseLessonEvents(
        pupils.map((p) => p.id),
        events,
        absentIds,
      ),
    [pupils, events, absentIds],
  );
  const nameOf = new Map(pupils.map((p) => [p.id, p.name]));
  return (
    <section class="card lesson-summary" aria-labelledby="lesson-summary-heading">
      <h2 id="lesson-summary-heading">{t('logging:summary.title')}</h2>
      <p class="lesson-summary-total">
        {t('logging:summary.total', { count: s.total })}
        {' · '}
        {t('logging:summary.spoken', { count: s.present, spoken: s.present - s.missed.length })}
      </p>
      {s.perKind.length > 0 ? (
        <ul class="lesson-summary-kinds">
          {s.perKind.map(({ kind, count }) => (
            <li key={kind} class={`kind-${KIND_INFO[kind].valence}`}>
              <span aria-hidden="true">{KIND_INFO[kind].symbol} </span>
              {t(`kinds:${kind}.count`, { count })}
            </li>
          ))}
        </ul>
      ) : null}
      {s.present > 0 && s.missed.length === 0 ? <p>{t('logging:summary.everyone')}</p> : null}
      {s.missed.length > 0 ? (
        <p class="lesson-summary-missed">
          {t('logging:summary.missed', { count: s.missed.length })}{' '}
          <span class="pupil-names">
            {s.missed.map((id, i) => (
              <span key={id}>
                {i > 0 ? ', ' : ''}
                <span class="pupil-name">{nameOf.get(id)}</span>
              </span>
            ))}
          </span>
        </p>
      ) : null}
      {s.absent > 0 ? (
        <p class="muted">{t('logging:summary.absent', { count: s.absent })}</p>
      ) : null}
    </section>
  );
}
