import { MEMORY, RESEARCH, type AnalysisResult, type Insight, type Mark } from '../../analysis';
import { formatPercent } from '../../i18n/format';
import { t } from '../../i18n';
import { firmestFindings } from './firmest';
import { openSection, useSectionsOpen } from './Fold';
import { drillFor } from './insightKinds';
import type { InsightContext } from './insightText';
import { sectionOf, summarySentence } from './summaryText';
import type { InsightsView } from './view';
import { basisText, listText, researchText } from './words';
import { Icon } from './Icon';

/**
 * "In het kort": the first thing on the screen — at most five of the firmest findings of the
 * period, one sentence each with its counts, each opening what it rests on (the drill-down when
 * there is one, else its section, unfolded).
 */
export function Summary({
  insights,
  view,
  ctx,
  notMarked = [],
}: {
  insights: readonly Insight[];
  view: InsightsView;
  ctx: InsightContext;
  /** Marks not recorded once in the period: said once, here. */
  notMarked?: readonly Mark[];
}) {
  const wide = useSectionsOpen();
  const firm = firmestFindings(insights);
  return (
    <section class="card insights-summary" id="ins-summary" aria-labelledby="ins-summary-h">
      <h2 id="ins-summary-h">{t('insights:summary.heading')}</h2>
      <p class="insights-basis">
        {t('insights:basis', {
          basis: basisText(view.result.basis, undefined, view.result.loggedAfter),
        })}
      </p>
      <MemoryNote result={view.result} />
      {notMarked.length > 0 ? (
        <p class="muted small not-marked">
          {t('insights:summary.notMarked', {
            marks: listText(notMarked.map((m) => t(`insights:mark.${m}`))),
          })}
        </p>
      ) : null}
      {firm.length === 0 ? (
        <p>{t('insights:summary.none')}</p>
      ) : (
        <>
          <p class="muted small">{t('insights:summary.intro')}</p>
          <ol class="summary-list">
            {firm.map((insight) => {
              const text = summarySentence(insight, ctx);
              const drill = drillFor(insight, view);
              return (
                <li key={insight.id} data-insight={insight.id}>
                  <p id={`sum-${insight.id}`}>{text}</p>
                  <button
                    type="button"
                    class="summary-evidence"
                    aria-describedby={`sum-${insight.id}`}
                    onClick={() => (drill ? view.onDrill(drill) : openSection(sectionOf(insight)))}
                  >
                    {t('insights:summary.evidence')}
                  </button>
                </li>
              );
            })}
          </ol>
        </>
      )}
      {wide ? null : <p class="muted small">{t('insights:summary.rest')}</p>}
    </section>
  );
}

/**
 * When a large share of the period was logged afterwards: memory can follow expectations too,
 * so those counts are not as firm as live taps (issue 10 §6; threshold MEMORY.afterShareNote).
 */
export function MemoryNote({ result }: { result: AnalysisResult }) {
  const { loggedAfter } = result;
  const events = result.basis.events;
  if (loggedAfter === 0 || events === 0 || loggedAfter / events < MEMORY.afterShareNote) {
    return null;
  }
  return (
    <p class="note note-memory">
      <Icon name="info" />
      {t('insights:summary.memory', {
        share: formatPercent(loggedAfter / events),
        count: loggedAfter,
        events,
      })}{' '}
      <span class="muted small">{researchText(RESEARCH.memory)}</span>
    </p>
  );
}
