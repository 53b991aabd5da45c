import { useState } from 'preact/hooks';
import type { LessonRecord } from '../../model/types';
import { INTERACTION_KINDS, type InteractionKind } from '../../model/kinds';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import {
  PERIOD_CHOICES,
  termStart,
  type Filters,
  type PeriodChoice,
  type ResolvedPeriod,
} from './period';

interface FiltersPanelProps {
  filters: Filters;
  period: ResolvedPeriod;
  today: string;
  /** The lessons of the period (to choose from); undefined while loading. */
  lessons: readonly LessonRecord[] | undefined;
  onChange: (next: Filters) => void;
}

/** Period, lessons and kinds. Every change applies at once; the period also goes in the URL. */
export function FiltersPanel({ filters, period, today, lessons, onChange }: FiltersPanelProps) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  // A year holds ~200 lessons: their checkboxes are built only when the teacher unfolds them.
  const [open, setOpen] = useState(false);
  const sorted = [...(lessons ?? [])].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.startTime < b.startTime ? 1 : -1,
  );
  const chosen = new Set(filters.lessonIds ?? []);
  const toggleLesson = (id: string, on: boolean) => {
    const next = new Set(filters.lessonIds ?? sorted.map((l) => l.id));
    if (on) next.add(id);
    else next.delete(id);
    set({ lessonIds: [...next] });
  };
  const toggleKind = (kind: InteractionKind, on: boolean) => {
    const next = on ? [...filters.kinds, kind] : filters.kinds.filter((k) => k !== kind);
    // At least one kind stays on: an analysis of nothing says nothing.
    if (next.length > 0) set({ kinds: INTERACTION_KINDS.filter((k) => next.includes(k)) });
  };
  return (
    <section class="card insights-filters" aria-labelledby="ins-filters-h">
      <h2 id="ins-filters-h">{t('insights:filters.heading')}</h2>
      <label class="field" for="ins-period">
        <span>{t('insights:filters.period')}</span>
        <select
          id="ins-period"
          value={filters.period}
          onChange={(e) => set({ period: e.currentTarget.value as PeriodChoice, lessonIds: null })}
        >
          {PERIOD_CHOICES.map((p) => (
            <option key={p} value={p}>
              {t(`insights:filters.periods.${p}`)}
            </option>
          ))}
        </select>
        {filters.period === 'term' ? (
          <span class="hint">
            {t('insights:filters.termHint', { date: formatDate(termStart(today), 'long') })}
          </span>
        ) : null}
      </label>
      {filters.period === 'custom' ? (
        <div class="date-pair">
          <label class="field" for="ins-from">
            <span>{t('insights:filters.from')}</span>
            <input
              id="ins-from"
              type="date"
              value={filters.from}
              max={today}
              onChange={(e) => set({ from: e.currentTarget.value, lessonIds: null })}
            />
          </label>
          <label class="field" for="ins-to">
            <span>{t('insights:filters.to')}</span>
            <input
              id="ins-to"
              type="date"
              value={filters.to}
              onChange={(e) => set({ to: e.currentTarget.value, lessonIds: null })}
            />
          </label>
        </div>
      ) : null}
      {!period.ok ? (
        <p class="field-error" role="alert">
          {t(`insights:errors.${period.error}`)}
        </p>
      ) : null}

      <details class="more-filters" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          {t('insights:filters.more', {
            lessons:
              filters.lessonIds === null
                ? t('insights:filters.allLessons')
                : t('insights:filters.someLessons', { count: filters.lessonIds.length }),
            kinds:
              filters.kinds.length === INTERACTION_KINDS.length
                ? t('insights:filters.allKinds')
                : t('insights:filters.someKinds', { count: filters.kinds.length }),
          })}
        </summary>
        <fieldset class="kind-filter">
          <legend>{t('insights:filters.kinds')}</legend>
          {INTERACTION_KINDS.map((k) => (
            <label key={k} class="choice">
              <input
                type="checkbox"
                checked={filters.kinds.includes(k)}
                disabled={filters.kinds.length === 1 && filters.kinds.includes(k)}
                onChange={(e) => toggleKind(k, e.currentTarget.checked)}
              />
              {t(`kinds:${k}.label`)}
            </label>
          ))}
        </fieldset>
        <fieldset class="lesson-filter">
          <legend>{t('insights:filters.lessons')}</legend>
          {sorted.length === 0 ? (
            <p class="muted">{t('insights:filters.noLessons')}</p>
          ) : (
            <>
              <div class="row">
                <button
                  type="button"
                  onClick={() => set({ lessonIds: null })}
                  disabled={filters.lessonIds === null}
                >
                  {t('insights:filters.useAll', { count: sorted.length })}
                </button>
                <button type="button" onClick={() => set({ lessonIds: [] })}>
                  {t('insights:filters.clearLessons')}
                </button>
              </div>
              <ul class="lesson-choices">
                {(open ? sorted : []).map((l) => (
                  <li key={l.id}>
                    <label class="choice">
                      <input
                        type="checkbox"
                        checked={filters.lessonIds === null || chosen.has(l.id)}
                        onChange={(e) => toggleLesson(l.id, e.currentTarget.checked)}
                      />
                      {[formatDate(l.date, 'long'), l.startTime, l.topic]
                        .filter(Boolean)
                        .join(' · ')}
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
        </fieldset>
      </details>
    </section>
  );
}
