/**
 * A hash router: `#/class/<id>/pupils`. Hash URLs keep every screen reachable offline from the
 * precached index.html and survive reloads without server rules.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';

export interface Route {
  /** The path without the leading `#`, e.g. `/class/abc`. */
  path: string;
  segments: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart = '/', queryPart = ''] = raw.split('?');
  const segments = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  return { path: pathPart, segments, query: new URLSearchParams(queryPart) };
}

/** Whether the hash opens the start screen (no path segments: the App's first route). */
export function isStartHash(hash: string): boolean {
  return parseHash(hash).segments.length === 0;
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    window.addEventListener('hashchange', onChange);
    // The hash may have changed between the first render and this subscription (a link followed
    // while the app was starting): read it once more.
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return useMemo(() => parseHash(hash), [hash]);
}

export function navigate(path: string): void {
  location.hash = path;
}

/** Builds `#/a/b` from segments, encoding each. */
export function href(...segments: string[]): string {
  return '#/' + segments.map(encodeURIComponent).join('/');
}
