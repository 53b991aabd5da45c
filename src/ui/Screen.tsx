import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';

interface ScreenProps {
  title: string;
  /** Where the back link goes (a `#/…` href); omitted on the start screen. */
  back?: string;
  /** Extra controls in the header (e.g. a settings link). */
  actions?: ComponentChildren;
  children: ComponentChildren;
  /** Wide screens (tables, grids) may use more width. */
  wide?: boolean;
}

/**
 * The frame of every screen: one h1, a back link, a main landmark. The heading takes focus when
 * the screen opens so screen-reader users hear where they are after a hash navigation.
 */
export function Screen({ title, back, actions, children, wide }: ScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Spiegel`;
    heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <>
      <header class="screen-header">
        {back ? (
          <a class="back-link" href={back}>
            <span aria-hidden="true">←</span> {t('common:back')}
          </a>
        ) : null}
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div class="screen-actions">{actions}</div> : null}
      </header>
      <main id="main" class={wide ? 'screen wide' : 'screen'}>
        {children}
      </main>
    </>
  );
}
