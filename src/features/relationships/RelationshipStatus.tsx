import type { RelationshipsData } from '../../db/repo/relationships';
import type { IsoDate } from '../../model/types';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { currentText } from './labels';

interface RelationshipStatusProps {
  view: RelationshipsData;
  today: IsoDate;
}

/** How many pupils the latest round covered (numbers only, no names). */
export function RelationshipStatus({ view, today }: RelationshipStatusProps) {
  const ratings = view.pupils.flatMap((p) => view.current.get(p.id) ?? []);
  const lastRound = ratings.reduce<IsoDate | null>(
    (max, r) => (max === null || r.date > max ? r.date : max),
    null,
  );
  if (lastRound === null) return <p class="card rel-status">{t('relationships:status.none')}</p>;
  const numbers = {
    rated: ratings.filter((r) => r.date === lastRound).length,
    count: view.pupils.length,
  };
  return (
    <section class="card rel-status" aria-labelledby="rel-status-title">
      <h2 id="rel-status-title">{t('relationships:status.heading')}</h2>
      <p>
        {lastRound === today
          ? t('relationships:status.ratedToday', numbers)
          : t('relationships:status.rated', { ...numbers, date: formatDate(lastRound) })}
      </p>
    </section>
  );
}

/** Each pupil's current rating and note, folded away by default: pupils may be looking along. */
export function RelationshipOverview({ view }: { view: RelationshipsData }) {
  if (!view.pupils.some((p) => view.current.has(p.id))) return null;
  return (
    <details class="card rel-overview">
      <summary>{t('relationships:overview.title')}</summary>
      <ul class="list">
        {view.pupils.map((p) => {
          const current = view.current.get(p.id);
          return (
            <li key={p.id} class="rel-overview-item">
              <span class="rel-overview-name">{p.name}</span>
              <span class="muted">{currentText(current)}</span>
              {current?.note ? <span class="rel-overview-note">{current.note}</span> : null}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
