import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { ScrollRegion } from './ScrollRegion';

interface ChartFigureProps {
  /** Unique on the page; the summary's id is `<id>-summary` (charts point at it). */
  id: string;
  /** One sentence that says what the chart shows, for everyone (and the chart's name). */
  summary: string;
  legend?: ComponentChildren;
  /** The same figures as a table, folded away under the chart (built only when unfolded). */
  table: () => ComponentChildren;
  children: ComponentChildren;
}

/** A chart with its one-sentence summary, an optional legend and an equivalent table. */
export function ChartFigure({ id, summary, legend, table, children }: ChartFigureProps) {
  // A year of data makes big tables; most teachers never unfold them, so they are built on demand.
  const [open, setOpen] = useState(false);
  return (
    <figure class="chart-figure">
      <figcaption id={`${id}-summary`} class="chart-summary">
        {summary}
      </figcaption>
      {legend}
      <div class="chart-box">{children}</div>
      <details class="chart-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('insights:chart.showTable')}</summary>
        {/* A named, focusable region, so a table wider than the phone scrolls by keyboard too. */}
        <ScrollRegion label={t('insights:chart.tableOf', { summary })}>
          {open ? table() : null}
        </ScrollRegion>
      </details>
    </figure>
  );
}
