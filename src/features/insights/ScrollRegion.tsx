import type { ComponentChildren } from 'preact';

/**
 * A deliberately scrollable strip for a table or seat map wider than a phone: a named region
 * (so a screen reader announces it) that takes keyboard focus (so arrow keys scroll it), with a
 * shadow at the edge that hides more — drawn only while there is more to see (CSS only, no
 * measuring on render).
 */
export function ScrollRegion({
  label,
  class: extra,
  children,
}: {
  label: string;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <div
      class={extra ? `scroll-region ${extra}` : 'scroll-region'}
      role="region"
      tabIndex={0}
      aria-label={label}
    >
      {children}
    </div>
  );
}
