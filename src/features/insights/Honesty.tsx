import type { ComponentChildren } from 'preact';
import type { Metric, Pattern, ResolvedOptions, Significance } from '../../analysis';
import { t } from '../../i18n';
import { insufficientText, significanceDetail, significanceText } from './words';
import { Icon } from './Icon';

/** "Too little to speak of a pattern", in a note that is not only coloured differently. */
export function InsufficientNote({
  pattern,
  options,
  metric,
}: {
  pattern: Pattern<object>;
  options: ResolvedOptions;
  /** The kind the pattern counts, so its count is named by it ("12 beurten"). */
  metric?: Metric;
}) {
  if (pattern.status === 'ok') return null;
  return (
    <p class="note note-insufficient">
      <Icon name="info" />
      {insufficientText(pattern, options, metric)}
    </p>
  );
}

/**
 * "Meer detail": statistical figures (p, Gini, rank correlation) behind a disclosure that is
 * closed by default, each in a plain sentence — the plain words come first, outside it. A native
 * <details>, so Enter and Space open it and a screen reader says whether it is open.
 */
export function MoreDetail({
  lines,
  children,
}: {
  lines?: string[];
  children?: ComponentChildren;
}) {
  if ((!lines || lines.length === 0) && !children) return null;
  return (
    <details class="more-detail">
      <summary>{t('insights:detail.more')}</summary>
      {(lines ?? []).map((line) => (
        <p key={line} class="muted small">
          {line}
        </p>
      ))}
      {children}
    </details>
  );
}

/** Whether a difference could well be chance, with the counts it rests on; p under "more detail". */
export function ChanceNote({
  significance,
  counts,
  q,
}: {
  significance: Significance | null;
  counts?: string;
  /** The family's false discovery rate, to explain the adjusted p. */
  q?: number;
}) {
  if (!significance) return null;
  return (
    <>
      <p class={significance.couldBeChance ? 'note note-chance' : 'note note-unlikely'}>
        <Icon name={significance.couldBeChance ? 'chance' : 'unlikely'} />
        {significanceText(significance, counts)}
      </p>
      <MoreDetail lines={significanceDetail(significance, q)} />
    </>
  );
}
