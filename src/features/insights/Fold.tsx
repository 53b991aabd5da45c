import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useMediaQuery } from '../../ui/useMediaQuery';

/** Wide enough to read every section at once (a laptop): the sections open there. */
export const OPEN_QUERY = '(min-width: 900px)';

/** Whether the sections open by themselves: on a wide screen, not on a phone. */
export function useSectionsOpen(): boolean {
  return useMediaQuery(OPEN_QUERY);
}

/** Opens a folded section by its id, scrolls it into view and moves focus to its heading. */
export function openSection(id: string): void {
  const section = document.getElementById(id);
  if (!section) return;
  const fold = section.querySelector<HTMLDetailsElement>('details.ins-fold');
  if (fold) fold.open = true;
  section.scrollIntoView({ block: 'start' });
  section.querySelector<HTMLElement>('summary')?.focus({ preventScroll: true });
}

interface FoldSectionProps {
  id: string;
  heading: string;
  /** A few words under the heading that say what unfolding shows (read while it is closed). */
  hint?: string;
  class?: string;
  children: ComponentChildren;
}

/**
 * A section of the insights screen folded under its heading: closed on a phone, so the summary
 * and the list of headings fit a few screens; open on a wide screen. The heading stays a heading
 * (in the summary) so the section keeps its name as a landmark and in the headings list.
 *
 * A closed section's body is not rendered until it is first opened: on a phone the screen then
 * draws the summary and the headings only, which keeps opening it under one long task.
 */
export function FoldSection({ id, heading, hint, class: extra, children }: FoldSectionProps) {
  const wide = useSectionsOpen();
  const [opened, setOpened] = useState(false);
  return (
    <section
      class={`card insights-section${extra ? ` ${extra}` : ''}`}
      id={id}
      aria-labelledby={`${id}-h`}
    >
      <details
        class="ins-fold"
        open={wide}
        onToggle={(e) => {
          // Once opened, the body stays: closing again only hides it.
          if (e.currentTarget.open) setOpened(true);
        }}
      >
        <summary>
          <h2 id={`${id}-h`}>{heading}</h2>
          {hint ? <span class="fold-hint muted small">{hint}</span> : null}
        </summary>
        <div class="fold-body">{wide || opened ? children : null}</div>
      </details>
    </section>
  );
}
