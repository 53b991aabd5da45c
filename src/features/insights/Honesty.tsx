import type { Pattern, ResolvedOptions, Significance } from '../../analysis';
import { insufficientText, significanceText } from './words';
import { Icon } from './Icon';

/** "Too little to speak of a pattern", in a note that is not only coloured differently. */
export function InsufficientNote({
  pattern,
  options,
}: {
  pattern: Pattern<object>;
  options: ResolvedOptions;
}) {
  if (pattern.status === 'ok') return null;
  return (
    <p class="note note-insufficient">
      <Icon name="info" />
      {insufficientText(pattern, options)}
    </p>
  );
}

/** Whether a difference could well be chance, with the counts it rests on. */
export function ChanceNote({
  significance,
  counts,
}: {
  significance: Significance | null;
  counts?: string;
}) {
  if (!significance) return null;
  return (
    <p class={significance.couldBeChance ? 'note note-chance' : 'note note-unlikely'}>
      <Icon name={significance.couldBeChance ? 'chance' : 'unlikely'} />
      {significanceText(significance, counts)}
    </p>
  );
}
