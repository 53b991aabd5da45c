import type { Metric } from '../../analysis';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { BeforeAfterTable, SideCounts } from './BeforeAfterTable';
import { beforeAfterFigures, beforeAfterSummary, type BeforeAfterFigures } from './beforeAfter';
import { isIsoDate } from './period';
import type { InsightsView } from './view';
import { basisText } from './words';
import { Icon } from './Icon';

/**
 * Before and after a date the teacher chooses (say, the day an intention started): the lessons
 * before it against those from it on. No date, no comparison; the date lives in the URL.
 */
export function BeforeAfterPanel({ view, metric }: { view: InsightsView; metric: Metric }) {
  const { result, data, onSplit } = view;
  if (!onSplit) return null;
  const inScope = new Set(result.lessonIds);
  const first = data.lessons
    .filter((l) => inScope.has(l.id))
    .reduce<string | null>((min, l) => (min === null || l.date < min ? l.date : min), null);
  const min = result.options.from ?? first ?? undefined;
  const ba = result.beforeAfter;
  return (
    <div class="split" role="group" aria-labelledby="ins-split-h">
      <h3 id="ins-split-h">{t('insights:split.heading')}</h3>
      <p class="muted small">{t('insights:split.intro')}</p>
      <div class="split-controls">
        <label class="field" for="ins-split">
          <span>{t('insights:split.date')}</span>
          <input
            id="ins-split"
            type="date"
            value={ba?.date ?? ''}
            min={min}
            max={result.options.to}
            onChange={(e) => {
              const v = e.currentTarget.value;
              onSplit(isIsoDate(v) ? v : null);
            }}
          />
        </label>
        {ba ? (
          <button type="button" class="split-clear" onClick={() => onSplit(null)}>
            {t('insights:split.clear')}
          </button>
        ) : null}
      </div>
      {ba ? (
        <Comparison figures={beforeAfterFigures(ba, metric, result.options)} view={view} />
      ) : (
        <p class="muted">{t('insights:split.none')}</p>
      )}
    </div>
  );
}

function Comparison({ figures, view }: { figures: BeforeAfterFigures; view: InsightsView }) {
  const o = view.result.options;
  const date = formatDate(figures.date, 'long');
  if (!figures.comparable) {
    const sides = [
      [t('insights:split.before', { date }), figures.before],
      [t('insights:split.after', { date }), figures.after],
    ] as const;
    return (
      <div class="split-result">
        <p class="note note-insufficient">
          <Icon name="info" />
          {t('insights:split.tooLittle', { minLessons: o.minLessons, minEvents: o.minEvents })}{' '}
          {sides
            .filter(([, s]) => s.shortfalls.length > 0)
            .map(([name, s]) =>
              t('insights:split.sideShort', { side: name, basis: basisText(s.basis) }),
            )
            .join(' ')}
        </p>
        <SideCounts figures={figures} />
      </div>
    );
  }
  return (
    <div class="split-result">
      <p class="split-summary">{beforeAfterSummary(figures)}</p>
      <BeforeAfterTable figures={figures} />
      <p class="note note-chance">
        <span aria-hidden="true">≈ </span>
        {t('insights:split.caveat')}
      </p>
      <p class="insight-question">{t('insights:split.question', { date })}</p>
    </div>
  );
}
