import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { reportStorageError } from './status';

/**
 * Subscribes a component to a Dexie live query: it re-renders when the rows it read change.
 * Returns undefined while the first result is loading. Errors go to the storage banner.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (v) => setValue(() => v),
      error: (e: unknown) => {
        reportStorageError(e);
      },
    });
    return () => subscription.unsubscribe();
    // The caller states the dependencies, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
