import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ensureAllNamespaces, ensureNamespaces, t } from '../i18n';

/**
 * Code-splits a screen without preact/compat: the first screen stays small and every chunk is
 * precached, so lazy screens still open offline.
 */
export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  /** What shows while loading (a loading line for screens; nothing for a banner). */
  placeholder: 'loading' | 'nothing' = 'loading',
  /** The i18n namespaces it needs; a whole screen gets them all. */
  namespaces: readonly string[] | 'all' = 'all',
): ComponentType<P> {
  let cached: ComponentType<P> | null = null;
  return function LazyScreen(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => cached);
    useEffect(() => {
      if (cached) return;
      let alive = true;
      void Promise.all([
        load(),
        namespaces === 'all' ? ensureAllNamespaces() : ensureNamespaces(namespaces),
      ]).then(([c]) => {
        cached = c;
        if (alive) setComponent(() => c);
      });
      return () => {
        alive = false;
      };
    }, []);
    if (!Component)
      return placeholder === 'loading' ? <p class="loading">{t('common:loading')}</p> : null;
    return <Component {...props} />;
  };
}
