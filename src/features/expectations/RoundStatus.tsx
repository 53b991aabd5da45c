import type { ExpectationsData } from '../../db/repo/expectations';
import type { IsoDate } from '../../model/types';
import { scaleLabels } from '../../domain/scales';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { currentExpectationText } from './labels';

interface RoundStatusProps {
  view: ExpectationsData;
  today: IsoDate;
}

/**
 * The latest round in numbers: how many pupils were rated that day and how the ratings are
 * spread over the steps. Counts only, no names: safe to have on screen in front of a class.
 */
export function RoundStatus({ view, today }: RoundStatusProps) {
  const scale = view.cls.expectationScale;
  const ratings = view.pupils.flatMap((p) => view.current.get(p.id) ?? []);
  const lastRound = ratings.reduce<IsoDate | null>(
    (max, r) => (max === null || r.date > max ? r.date : max),
    null,
  );
  if (lastRound === null) {
    return <p class="card exp-status">{t('expectations:status.none')}</p>;
  }
  const inRound = ratings.filter((r) => r.date === lastRound);
  const labels = scaleLabels(scale, (key) => t(key));
  const counts = labels.map((_, v) => inRound.filter((r) => r.value === v).length);
  const most = Math.max(1, ...counts);
  const numbers = { rated: inRound.length, count: view.pupils.length };
  return (
    <section class="card exp-status" aria-labelledby="exp-status-title">
      <h2 id="exp-status-title">{t('expectations:status.heading')}</h2>
      <p>
        {lastRound === today
          ? t('expectations:status.ratedToday', numbers)
          : t('expectations:status.rated', { ...numbers, date: formatDate(lastRound) })}
      </p>
      <h3 class="exp-dist-title">{t('expectations:status.distribution')}</h3>
      <ul class="exp-dist">
        {labels.map((label, v) => (
          <li key={label}>
            <span class="exp-dist-label">
              {t('expectations:status.stepCount', { label, count: counts[v] ?? 0 })}
            </span>
            <span
              class="exp-dist-bar"
              aria-hidden="true"
              style={{ width: `${((counts[v] ?? 0) / most) * 100}%` }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Each pupil's current expectation, folded away by default: pupils may be looking along. */
export function CurrentOverview({ view }: { view: ExpectationsData }) {
  const scale = view.cls.expectationScale;
  if (!view.pupils.some((p) => view.current.has(p.id))) return null;
  return (
    <details class="card exp-overview">
      <summary>{t('expectations:overview.title')}</summary>
      <ul class="list">
        {view.pupils.map((p) => (
          <li key={p.id} class="exp-overview-item">
            <span class="exp-overview-name">{p.name}</span>
            <span class="muted">{currentExpectationText(scale, view.current.get(p.id))}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
