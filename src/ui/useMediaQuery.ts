import { useEffect, useState } from 'preact/hooks';

/** True while the media query matches (e.g. a wide screen), updated on resize and rotation. */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/** Wide enough for drag and drop and for tables (a laptop or a tablet in landscape). */
export const WIDE_QUERY = '(min-width: 720px)';
